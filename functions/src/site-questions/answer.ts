/**
 * `answerSiteQuestion`: a visitor answers (or dismisses) the on-site question.
 * One transaction per request reads only the visitor's own documents (their
 * last-asked stamp, and for the after-checkout question their order), so
 * visitors never queue on each other; the shared counters (`demandSignals`,
 * `siteQuestionTotals`) take blind increments in the same commit, which need
 * no read and stay equal to a recount of the answers. The SKU's stock is read
 * before the transaction: whether it is sold out is a fact about the page
 * the visitor saw, and reading it inside would lock the hottest document of a
 * flash sale.
 */
import { HttpsError } from "firebase-functions/https";
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { Collections, type AnswerSiteQuestionInput, type AnswerSiteQuestionOutput } from "@showroom/model";
import { db } from "../app.js";
import { clockTime, testClockRef } from "../inventory/clock.js";
import { defineCallable, type Caller } from "../shared/callable.js";
import { decideSiteAnswer, heardAnswerId, type CounterBump } from "./decide.js";

async function stockOf(firestore: Firestore, sku: string): Promise<{ productId: string; status: string } | undefined> {
  const snap = await firestore.collection(Collections.stock).doc(sku).get();
  return snap.exists ? { productId: String(snap.get("productId")), status: String(snap.get("status")) } : undefined;
}

function counterWrite(bump: CounterBump, now: Timestamp): Record<string, unknown> {
  // Nested maps through set(merge): `needBy.no-rush` becomes { needBy: { "no-rush": increment } }.
  const data: Record<string, unknown> = { ...bump.fields, updatedAt: now };
  for (const path of bump.increments) {
    const [field, key] = path.split(".") as [string, string | undefined];
    if (key === undefined) data[field] = FieldValue.increment(1);
    else data[field] = { ...(data[field] as Record<string, unknown> | undefined), [key]: FieldValue.increment(1) };
  }
  return bump.collection === "demandSignals" ? { ...data, lastAnsweredAt: now } : data;
}

export async function answerSiteQuestion(firestore: Firestore, input: AnswerSiteQuestionInput, caller: Caller): Promise<AnswerSiteQuestionOutput> {
  const col = (name: string) => firestore.collection(name);
  const stock = input.kind === "sold-out" ? await stockOf(firestore, input.sku) : undefined;
  const newAnswerId = col(Collections.siteAnswers).doc().id;
  const visitorRef = col(Collections.siteQuestionVisitors).doc(caller.uid);

  const decision = await firestore.runTransaction(async (tx) => {
    const clockRef = testClockRef(firestore);
    const nowMs = clockTime(clockRef ? await tx.get(clockRef) : undefined);
    const visitor = await tx.get(visitorRef);
    const lastAt = visitor.get("lastAt") as Timestamp | undefined;
    let order: { uid: string } | undefined;
    let orderAnswered = false;
    if (input.kind === "heard-about-us") {
      const [orderSnap, answerSnap] = await tx.getAll(
        col(Collections.orders).doc(input.orderId),
        col(Collections.siteAnswers).doc(heardAnswerId(input.orderId)),
      );
      order = orderSnap?.exists ? { uid: String(orderSnap.get("uid")) } : undefined;
      orderAnswered = answerSnap?.exists === true;
    }
    const decided = decideSiteAnswer({ input, callerUid: caller.uid, nowMs, lastAskedAtMs: lastAt?.toMillis(), stock, order, orderAnswered }, newAnswerId);
    if (decided.kind === "rejected") return decided;

    const now = Timestamp.fromMillis(nowMs);
    tx.set(visitorRef, { uid: caller.uid, lastQuestion: decided.question, outcome: decided.outcome, lastAt: now });
    if (decided.answer) tx.create(col(Collections.siteAnswers).doc(decided.answer.id), { ...decided.answer.data, answeredAt: now });
    for (const bump of decided.bumps) tx.set(col(bump.collection).doc(bump.id), counterWrite(bump, now), { merge: true });
    return decided;
  });

  if (decision.kind === "rejected") throw new HttpsError(decision.code, decision.message, decision.details);
  return { answerId: decision.answer?.id ?? null, nextAskAt: new Date(decision.nextAskAtMs).toISOString() };
}

export const answerSiteQuestionCallable = defineCallable("answerSiteQuestion", (input, caller) => answerSiteQuestion(db(), input, caller));
