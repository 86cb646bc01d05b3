/**
 * `submitFeedback`: the buyer (signed in) or the holder of the emailed link
 * answers for one delivered order. Requests go through a group commit (as
 * stock does, shared/group-commit.ts): one transaction reads the orders, earlier
 * answers, rate windows and product aggregates for a whole batch, decides each
 * request in turn (decide.ts) and writes the answers together with the
 * aggregates they change. A product page under a burst of answers therefore
 * sees a few transactions per instance instead of one per answer, and the
 * aggregate never drifts from its answers because both commit together.
 * Across instances, transactions on one `productRatings` document retry;
 * answers arrive at human pace (days after delivery), so that is rare.
 */
import { HttpsError } from "firebase-functions/https";
import { Timestamp, type DocumentSnapshot, type Firestore, type Transaction } from "firebase-admin/firestore";
import {
  applyContributions,
  Collections,
  FeedbackSchema,
  OrderSchema,
  ratingView,
  RatingTotalsSchema,
  subjectOf,
  type Order,
  type RateWindow,
  type RatingTotals,
  type SubmitFeedbackInput,
  type SubmitFeedbackOutput,
} from "@showroom/model";
import { db } from "../app.js";
import { surveyLinkSecret } from "../config.js";
import { GroupCommitter } from "../shared/group-commit.js";
import { clockTime, stockClock, testClockRef } from "../inventory/clock.js";
import { defineCallable, type Caller } from "../shared/callable.js";
import { nextEvent, type OutboxEvent } from "../events/build.js";
import { writeEvents } from "../events/outbox.js";
import { decideSubmission, rateKey, type Acceptance, type PriorAnswer, type Rejection, type Via } from "./decide.js";
import { checkSurveyToken } from "./link-token.js";

export interface FeedbackRequest {
  input: SubmitFeedbackInput;
  via: Via;
  callerUid: string;
}

const unique = <T>(values: T[]) => [...new Set(values)];
const dataOf = (snaps: DocumentSnapshot[]) => new Map(snaps.filter((s) => s.exists).map((s) => [s.id, s.data() ?? {}]));

function orderOf(snap: DocumentSnapshot): Order | undefined {
  const parsed = OrderSchema.safeParse(snap.data());
  return parsed.success ? parsed.data : undefined;
}

function priorOf(snap: DocumentSnapshot): PriorAnswer | undefined {
  const parsed = FeedbackSchema.safeParse(snap.data());
  if (!parsed.success) return undefined;
  return { lines: parsed.data.lines, edits: parsed.data.edits, firstSubmittedAtMs: (parsed.data.firstSubmittedAt as Timestamp).toMillis() };
}

/** One transaction for a batch of requests; returns each request's decision in order. */
export async function commitFeedbackBatch(firestore: Firestore, requests: readonly FeedbackRequest[]): Promise<(Acceptance | Rejection)[]> {
  const col = (name: string) => firestore.collection(name);
  return firestore.runTransaction(async (tx: Transaction) => {
    const orderIds = unique(requests.map((r) => r.input.orderId));
    const keys = unique(requests.map((r) => rateKey(r.via, r.callerUid, r.input.orderId)));
    const clockRef = testClockRef(firestore);
    const nowMs = clockTime(clockRef ? await tx.get(clockRef) : undefined);
    const snaps = await tx.getAll(
      ...orderIds.flatMap((id) => [
        col(Collections.orders).doc(id),
        col(Collections.feedback).doc(id),
        col(Collections.feedbackTasks).doc(id),
        col(Collections.surveyInvites).doc(id),
      ]),
      ...keys.map((k) => col(Collections.feedbackLimits).doc(k)),
    );
    const perOrder = orderIds.map((_, i) => snaps.slice(i * 4, i * 4 + 4) as [DocumentSnapshot, DocumentSnapshot, DocumentSnapshot, DocumentSnapshot]);
    const orders = new Map(perOrder.map(([o]) => [o.id, orderOf(o)]));
    // The order's event counter: feedback.submitted is an event of subject order/{orderId}.
    const orderSeqs = new Map(perOrder.map(([o]) => [o.id, Number(o.get("eventSeq") ?? 0)]));
    const priors = new Map(perOrder.map(([, f]) => [f.id, priorOf(f)]));
    const tasks = dataOf(perOrder.map(([, , t]) => t));
    const invites = dataOf(perOrder.map(([, , , i]) => i));
    const windows = new Map<string, RateWindow | undefined>(
      snaps
        .slice(orderIds.length * 4)
        .map((s) => [s.id, s.exists ? { windowStartMs: Number(s.get("windowStartMs")), count: Number(s.get("count")) } : undefined]),
    );

    // The aggregates of every product an earlier or a new answer touches.
    const productIds = unique([
      ...[...priors.values()].flatMap((p) => p?.lines.map((l) => l.productId) ?? []),
      ...[...orders.values()].flatMap((o) => o?.lines.map((l) => l.productId) ?? []),
    ]);
    const ratingSnaps = productIds.length > 0 ? await tx.getAll(...productIds.map((id) => col(Collections.productRatings).doc(id))) : [];
    const totals = new Map<string, RatingTotals>(
      ratingSnaps.flatMap((s) => {
        const parsed = RatingTotalsSchema.safeParse(s.data());
        return parsed.success ? [[s.id, parsed.data] as const] : [];
      }),
    );

    const changedWindows = new Map<string, RateWindow>();
    const decisions = requests.map((request) => {
      const key = rateKey(request.via, request.callerUid, request.input.orderId);
      const decision = decideSubmission({
        ...request,
        order: orders.get(request.input.orderId),
        prior: priors.get(request.input.orderId),
        window: windows.get(key),
        nowMs,
      });
      if (decision.kind === "accepted") {
        // Later requests in this batch see this answer as already given.
        priors.set(request.input.orderId, { lines: decision.answer.lines, edits: decision.answer.edits, firstSubmittedAtMs: decision.firstSubmittedAtMs });
        windows.set(key, decision.window);
        changedWindows.set(key, decision.window);
        for (const [productId, next] of applyContributions(totals, decision.removed, decision.added)) totals.set(productId, next);
      }
      return decision;
    });

    writeAccepted(firestore, tx, decisions, { nowMs, tasks, invites, windows: changedWindows, totals, orderSeqs });
    return decisions;
  });
}

/** Each document once, in its final state for the batch. */
function writeAccepted(
  firestore: Firestore,
  tx: Transaction,
  decisions: readonly (Acceptance | Rejection)[],
  state: {
    nowMs: number;
    tasks: Map<string, Record<string, unknown>>;
    invites: Map<string, Record<string, unknown>>;
    windows: Map<string, RateWindow>;
    totals: Map<string, RatingTotals>;
    orderSeqs: Map<string, number>;
  },
): void {
  const col = (name: string) => firestore.collection(name);
  const now = Timestamp.fromMillis(state.nowMs);
  const answers = new Map<string, Acceptance>();
  for (const d of decisions) if (d.kind === "accepted") answers.set(d.answer.orderId, d);
  if (answers.size === 0) return;

  const touched = new Set<string>();
  const events: OutboxEvent[] = [];
  for (const [orderId, d] of answers) {
    tx.set(col(Collections.feedback).doc(orderId), { ...d.answer, firstSubmittedAt: Timestamp.fromMillis(d.firstSubmittedAtMs), submittedAt: now });
    for (const c of [...d.removed, ...d.added]) touched.add(c.productId);
    if (d.followUp.length > 0) {
      const existing = state.tasks.get(orderId);
      tx.set(col(Collections.feedbackTasks).doc(orderId), {
        orderId,
        feedbackId: orderId,
        reasons: d.followUp,
        ...(d.answer.nps === undefined ? {} : { nps: d.answer.nps }),
        mismatchedSkus: d.answer.lines.filter((l) => l.matchesPhotos === false).map((l) => l.sku),
        status: "open",
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      });
    }
    const invite = state.invites.get(orderId);
    if (invite && invite.status !== "answered") tx.update(col(Collections.surveyInvites).doc(orderId), { status: "answered", answeredAt: now });
    // The outbox: feedback.submitted in this transaction, numbered on the order's counter (written back with it).
    const counter = { eventSeq: state.orderSeqs.get(orderId) ?? 0 };
    const productIds = unique(d.answer.lines.map((l) => l.productId));
    events.push(
      nextEvent(counter, "feedback.submitted", subjectOf.order(orderId), state.nowMs, {
        feedbackId: orderId,
        orderId,
        productIds,
        ...(d.answer.nps === undefined ? {} : { nps: d.answer.nps }),
      }),
    );
    tx.update(col(Collections.orders).doc(orderId), { eventSeq: counter.eventSeq });
  }
  writeEvents(tx, firestore, events);
  for (const [key, window] of state.windows) tx.set(col(Collections.feedbackLimits).doc(key), { ...window, updatedAt: now });
  for (const productId of touched) {
    const totals = state.totals.get(productId);
    if (totals) tx.set(col(Collections.productRatings).doc(productId), { productId, ...totals, ...ratingView(totals), updatedAt: now });
  }
}

const committer = new GroupCommitter<FeedbackRequest, Acceptance | Rejection>((requests) => commitFeedbackBatch(db(), requests), {
  maxRequests: 50,
  // Per request: answer, task, invite, rate window, plus one aggregate per line (Firestore allows 500 writes).
  maxWeight: 400,
  weight: (r) => 4 + (r.input.lines?.length ?? 0),
});

/** "link" with a valid token, "account" without one; a bad token is refused before anything is read. */
export async function answererVia(input: { orderId: string; token?: string }, linkKey: string): Promise<Via> {
  if (input.token === undefined) return "account";
  const check = checkSurveyToken(linkKey, input.orderId, input.token, await stockClock(db())());
  if (check === "forged") throw new HttpsError("permission-denied", "This survey link is not valid.", { reason: "invalid-link" });
  if (check === "expired") throw new HttpsError("permission-denied", "This survey link has expired.", { reason: "link-expired" });
  return "link";
}

export async function submitFeedback(input: SubmitFeedbackInput, caller: Caller, linkKey: string): Promise<SubmitFeedbackOutput> {
  const via = await answererVia(input, linkKey);
  const decision = await committer.submit({ input, via, callerUid: caller.uid });
  if (decision.kind === "rejected") throw new HttpsError(decision.code, decision.message, decision.details);
  return { feedbackId: decision.answer.orderId };
}

export const submitFeedbackCallable = defineCallable("submitFeedback", (input, caller) => submitFeedback(input, caller, surveyLinkSecret.value()), {
  secrets: [surveyLinkSecret],
});
