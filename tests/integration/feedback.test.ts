/**
 * Customer feedback on the emulators: invitations (timing with an injected
 * clock, consent, the email document), survey links (signing, expiry), one
 * answer per order, rejections that write nothing, follow-up tasks, rate
 * limits, aggregates under concurrency, export and erasure.
 */
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { Timestamp } from "firebase-admin/firestore";
import { collection, getDocs, query, where } from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  Collections,
  DAY_MS,
  FEEDBACK_EDIT_DAYS,
  FEEDBACK_RATE_LIMIT,
  FeedbackSchema,
  contributionsOf,
  ProductRatingSchema,
  recountTotals,
  surveyMailId,
  type ExportMyDataOutput,
} from "@showroom/model";
import { adminDb } from "../../scripts/lib/admin.js";
import { expectCallableError, type TestClient } from "../support/clients.js";
import { sendDueSurveyInvites } from "../../functions/src/feedback/invites.js";
import { signSurveyToken } from "../../functions/src/feedback/link-token.js";
import { client, clients, editProfile, eventually, shopper } from "./customers-support.js";
import { createProduct, shipping, uniqueKey, warmUp } from "./inventory-fixtures.js";

/** The emulator's fixed link key (functions/.secret.local), so tests can sign links as the sender does. */
const LINK_KEY = /^SURVEY_LINK_SECRET=(.+)$/m.exec(readFileSync(new URL("../../functions/.secret.local", import.meta.url), "utf8"))![1]!;
const SITE = "http://shop.test";
const db = () => adminDb();
const tag = randomUUID().slice(0, 8);

let anon: TestClient;
let staff: TestClient;

beforeAll(async () => {
  anon = await client({ kind: "anonymous" });
  staff = await client({ kind: "user", role: "staff" });
  await warmUp(anon, ["submitFeedback"]);
}, 120_000);
afterAll(() => Promise.all(clients.map((c) => c.close())));

interface SeededLine {
  sku: string;
  productId: string;
}

let seq = 0;
/** A delivered order as placeOrder and updateOrderStatus leave it (the full flow is exercised in the invitation test). */
async function deliveredOrder(uid: string, lines: SeededLine[], status = "delivered"): Promise<string> {
  const orderId = `fb-${tag}-${++seq}`;
  await db()
    .collection(Collections.orders)
    .doc(orderId)
    .set({
      uid,
      lines: lines.map((l) => ({
        ...l,
        name: "Thing",
        label: "One",
        quantity: 1,
        unitPriceCents: 1000,
        lineTotalCents: 1000,
        allocations: [{ location: "main", quantity: 1 }],
      })),
      totalCents: 1000 * lines.length,
      currency: "USD",
      status,
      shipping,
      idempotencyKey: uniqueKey(),
      createdAt: Timestamp.now(),
    });
  return orderId;
}

const productLine = (n = 0): SeededLine => ({ sku: `FB-${tag}-${n}`.toUpperCase(), productId: `fbp-${tag}-${n}` });
const readDoc = async (collection: string, id: string) => (await db().collection(collection).doc(id).get()).data();
const linkFor = (orderId: string, expiresAtMs = Date.now() + DAY_MS) => signSurveyToken(LINK_KEY, orderId, expiresAtMs);

describe("survey invitations", () => {
  async function deliverThroughTheShop(c: TestClient): Promise<{ orderId: string; deliveredAtMs: number }> {
    const { skus } = await createProduct([{ main: 3 }]);
    const { orderId } = await c.call<{ orderId: string }>("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku: skus[0], quantity: 1 }], shipping });
    await staff.call("updateOrderStatus", { orderId, status: "fulfilled" });
    await staff.call("updateOrderStatus", { orderId, status: "delivered" });
    const order = await readDoc(Collections.orders, orderId);
    const delivered = (order?.statusHistory as { status: string; at: Timestamp }[]).find((h) => h.status === "delivered")!;
    return { orderId, deliveredAtMs: delivered.at.toMillis() };
  }

  it("invites N days after delivery, not before: an account prompt and an email with a working signed link", async () => {
    const email = `fb-${tag}@test.showroom`;
    const buyer = await shopper({ kind: "user", email });
    await editProfile(buyer, { marketing: { email: { granted: true }, sms: { granted: false } } });
    const { orderId, deliveredAtMs } = await deliverThroughTheShop(buyer);

    const invite = await eventually(async () => readDoc(Collections.surveyInvites, orderId), "the invitation");
    expect(invite).toMatchObject({ orderId, uid: buyer.uid, status: "scheduled" });
    const dueAtMs = (invite.dueAt as Timestamp).toMillis();
    expect(dueAtMs - deliveredAtMs).toBe(7 * DAY_MS);

    await sendDueSurveyInvites({ db: db(), nowMs: dueAtMs - 60_000, linkKey: LINK_KEY, siteUrl: SITE });
    expect((await readDoc(Collections.surveyInvites, orderId))?.status).toBe("scheduled");
    expect(await readDoc(Collections.mail, surveyMailId(orderId))).toBeUndefined();

    await sendDueSurveyInvites({ db: db(), nowMs: dueAtMs, linkKey: LINK_KEY, siteUrl: SITE });
    expect(await readDoc(Collections.surveyInvites, orderId)).toMatchObject({ status: "sent", emailed: true });
    const mail = await readDoc(Collections.mail, surveyMailId(orderId));
    expect(mail).toMatchObject({ to: email, uid: buyer.uid, message: { subject: expect.any(String) } });
    const link = new RegExp(`${SITE}/survey/${orderId}\\?t=([^\\s"]+)`).exec(mail?.message.text)![1]!;
    expect(mail?.message.html).toContain(`href="${SITE}/survey/${orderId}?t=${link}"`);

    // The buyer sees the prompt in the account (rules: owner reads their invitations).
    const prompts = await getDocs(query(collection(buyer.db, Collections.surveyInvites), where("uid", "==", buyer.uid)));
    expect(prompts.docs.map((d) => d.id)).toEqual([orderId]);

    // Anyone holding the link answers without the buyer's account; the invitation is then answered.
    await expect(anon.call("submitFeedback", { orderId, token: decodeURIComponent(link), nps: 9 })).resolves.toEqual({ feedbackId: orderId });
    expect((await readDoc(Collections.surveyInvites, orderId))?.status).toBe("answered");

    // A second run sends nothing again.
    await sendDueSurveyInvites({ db: db(), nowMs: dueAtMs + DAY_MS, linkKey: LINK_KEY, siteUrl: SITE });
    expect((await readDoc(Collections.mail, surveyMailId(orderId)))?.createdAt).toEqual(mail?.createdAt);
  }, 120_000);

  it("respects email consent: no email without it, but the account prompt still appears", async () => {
    const buyer = await shopper({ kind: "user", email: `fb-noconsent-${tag}@test.showroom` });
    const { orderId } = await deliverThroughTheShop(buyer);
    const invite = await eventually(async () => readDoc(Collections.surveyInvites, orderId), "the invitation");
    await sendDueSurveyInvites({ db: db(), nowMs: (invite.dueAt as Timestamp).toMillis(), linkKey: LINK_KEY, siteUrl: SITE });
    expect(await readDoc(Collections.surveyInvites, orderId)).toMatchObject({ status: "sent", emailed: false });
    expect(await readDoc(Collections.mail, surveyMailId(orderId))).toBeUndefined();
  }, 120_000);
});

describe("survey links", () => {
  it.each([
    ["a forged signature", () => `${Date.now() + DAY_MS}.${"A".repeat(43)}`, "invalid-link"],
    ["another order's link", () => linkFor("some-other-order"), "invalid-link"],
    ["another key", (orderId: string) => signSurveyToken("not-the-key", orderId, Date.now() + DAY_MS), "invalid-link"],
    ["an expired link", (orderId: string) => linkFor(orderId, Date.now() - 1), "link-expired"],
  ])("refuses %s and writes nothing", async (_name, token, reason) => {
    const line = productLine(90);
    const orderId = await deliveredOrder(`someone-${tag}`, [line]);
    await expectCallableError(
      anon.call("submitFeedback", { orderId, token: token(orderId), nps: 2, lines: [{ sku: line.sku, rating: 1 }] }),
      "permission-denied",
      { reason },
    );
    expect(await readDoc(Collections.feedback, orderId)).toBeUndefined();
    expect(await readDoc(Collections.feedbackTasks, orderId)).toBeUndefined();
    expect(await readDoc(Collections.productRatings, line.productId)).toBeUndefined();
  });
});

describe("submitFeedback", () => {
  let buyer: TestClient & { uid: string };
  beforeAll(async () => {
    buyer = await shopper();
  });

  it("records the buyer's answer and updates the product aggregate in the same commit", async () => {
    const [a, b] = [productLine(1), productLine(2)];
    const orderId = await deliveredOrder(buyer.uid, [a, b]);
    await buyer.call("submitFeedback", {
      orderId,
      nps: 10,
      lines: [
        { sku: a.sku, rating: 5, matchesPhotos: true },
        { sku: b.sku, rating: 3 },
      ],
      comment: "<b>Lovely</b> sofa",
    });
    const answer = FeedbackSchema.parse(await readDoc(Collections.feedback, orderId));
    expect(answer).toMatchObject({ uid: buyer.uid, nps: 10, via: "account", edits: 0, comment: "<b>Lovely</b> sofa" });
    expect(answer.lines).toEqual([
      { sku: a.sku, productId: a.productId, rating: 5, matchesPhotos: true },
      { sku: b.sku, productId: b.productId, rating: 3 },
    ]);
    expect(ProductRatingSchema.parse(await readDoc(Collections.productRatings, a.productId))).toMatchObject({
      count: 1,
      average: 5,
      matchAnswers: 1,
      matchYes: 1,
    });
    expect(await readDoc(Collections.productRatings, b.productId)).toMatchObject({ count: 1, average: 3 });
    expect(await readDoc(Collections.feedbackTasks, orderId)).toBeUndefined();
  });

  it("takes one answer per order; an edit within the window replaces its contribution", async () => {
    const line = productLine(3);
    const orderId = await deliveredOrder(buyer.uid, [line]);
    await buyer.call("submitFeedback", { orderId, lines: [{ sku: line.sku, rating: 2 }] });
    await expectCallableError(buyer.call("submitFeedback", { orderId, lines: [{ sku: line.sku, rating: 4 }] }), "already-exists", {
      reason: "already-answered",
    });
    expect(await readDoc(Collections.productRatings, line.productId)).toMatchObject({ count: 1, ratingSum: 2 });

    await buyer.call("submitFeedback", { orderId, lines: [{ sku: line.sku, rating: 4 }], edit: true });
    expect(await readDoc(Collections.productRatings, line.productId)).toMatchObject({ count: 1, ratingSum: 4, average: 4 });
    expect(await readDoc(Collections.feedback, orderId)).toMatchObject({ edits: 1 });
  });

  it(`refuses an edit after ${FEEDBACK_EDIT_DAYS} days`, async () => {
    const line = productLine(4);
    const orderId = await deliveredOrder(buyer.uid, [line]);
    await buyer.call("submitFeedback", { orderId, lines: [{ sku: line.sku, rating: 2 }] });
    const longAgo = Timestamp.fromMillis(Date.now() - (FEEDBACK_EDIT_DAYS * DAY_MS + 60_000));
    await db().collection(Collections.feedback).doc(orderId).update({ firstSubmittedAt: longAgo });
    await expectCallableError(buyer.call("submitFeedback", { orderId, lines: [{ sku: line.sku, rating: 5 }], edit: true }), "failed-precondition", {
      reason: "edit-window-closed",
    });
    expect(await readDoc(Collections.productRatings, line.productId)).toMatchObject({ ratingSum: 2 });
  });

  it.each([
    ["someone else's order", () => deliveredOrder(`other-${tag}`, [productLine(5)]), "permission-denied", { reason: "not-your-order" }],
    ["an order not yet delivered", (uid: string) => deliveredOrder(uid, [productLine(5)], "fulfilled"), "failed-precondition", { reason: "not-delivered" }],
    ["an unknown order", async () => `missing-${tag}`, "not-found", { reason: "unknown-order" }],
  ])("refuses an answer for %s and writes nothing", async (_name, makeOrder, code, details) => {
    const orderId = await makeOrder(buyer.uid);
    await expectCallableError(buyer.call("submitFeedback", { orderId, nps: 1, lines: [{ sku: productLine(5).sku, rating: 1 }] }), code, details);
    expect(await readDoc(Collections.feedback, orderId)).toBeUndefined();
    expect(await readDoc(Collections.feedbackTasks, orderId)).toBeUndefined();
    expect(await readDoc(Collections.productRatings, productLine(5).productId)).toBeUndefined();
  });

  it("refuses bad input (scores, empty or oversized text, a SKU not on the order) and writes nothing", async () => {
    const line = productLine(6);
    const orderId = await deliveredOrder(buyer.uid, [line]);
    for (const bad of [{ nps: 11 }, { nps: -1 }, { lines: [{ sku: line.sku, rating: 0 }] }, { comment: "  " }, { comment: "x".repeat(2001) }, {}]) {
      await expectCallableError(buyer.call("submitFeedback", { orderId, ...bad }), "invalid-argument");
    }
    await expectCallableError(buyer.call("submitFeedback", { orderId, lines: [{ sku: "NOT-ON-ORDER", rating: 5 }] }), "invalid-argument", {
      reason: "sku-not-in-order",
    });
    expect(await readDoc(Collections.feedback, orderId)).toBeUndefined();
    expect(await readDoc(Collections.productRatings, line.productId)).toBeUndefined();
  });

  it("opens a follow-up task for a detractor or a line that does not match the photos", async () => {
    // A fresh buyer: the suite's buyer has used up this window's answers above.
    const buyer = await shopper();
    const line = productLine(7);
    const detractor = await deliveredOrder(buyer.uid, [line]);
    const mismatch = await deliveredOrder(buyer.uid, [line]);
    await buyer.call("submitFeedback", { orderId: detractor, nps: 3 });
    await buyer.call("submitFeedback", {
      orderId: mismatch,
      nps: 9,
      lines: [{ sku: line.sku, rating: 3, matchesPhotos: false, differences: ["colour", "size"] }],
    });
    expect(await readDoc(Collections.feedbackTasks, detractor)).toMatchObject({ orderId: detractor, reasons: ["detractor"], nps: 3, status: "open" });
    expect(await readDoc(Collections.feedbackTasks, mismatch)).toMatchObject({ reasons: ["mismatch"], mismatchedSkus: [line.sku], status: "open" });
  });
});

describe("rate limits", () => {
  it(`allows ${FEEDBACK_RATE_LIMIT.max} answers per user in a window, then answers resource-exhausted and writes nothing`, async () => {
    const buyer = await shopper();
    const orders = await Promise.all(Array.from({ length: FEEDBACK_RATE_LIMIT.max + 1 }, () => deliveredOrder(buyer.uid, [productLine(8)])));
    for (const orderId of orders.slice(0, -1)) await buyer.call("submitFeedback", { orderId, nps: 8 });
    const last = orders.at(-1)!;
    const error = await expectCallableError(buyer.call("submitFeedback", { orderId: last, nps: 8 }), "resource-exhausted");
    expect((error.details as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect(await readDoc(Collections.feedback, last)).toBeUndefined();
  });

  it("limits each link too: edits through one link stop at the limit", async () => {
    const orderId = await deliveredOrder(`link-owner-${tag}`, [productLine(9)]);
    const token = linkFor(orderId);
    await anon.call("submitFeedback", { orderId, token, nps: 7 });
    for (let i = 1; i < FEEDBACK_RATE_LIMIT.max; i++) await anon.call("submitFeedback", { orderId, token, nps: 7, edit: true });
    await expectCallableError(anon.call("submitFeedback", { orderId, token, nps: 0, edit: true }), "resource-exhausted");
    expect(await readDoc(Collections.feedback, orderId)).toMatchObject({ nps: 7, edits: FEEDBACK_RATE_LIMIT.max - 1 });
  });
});

describe("aggregates under concurrency", () => {
  it("500 concurrent answers across 20 products: every aggregate equals a recount of the answers", async () => {
    const products = Array.from({ length: 20 }, (_, i) => productLine(100 + i));
    const plan = Array.from({ length: 500 }, (_, i) => ({
      line: products[i % 20]!,
      rating: 1 + ((i * 7) % 5),
      matchesPhotos: i % 3 === 0 ? undefined : i % 3 === 1,
    }));
    const orderIds: string[] = [];
    const batch = db().bulkWriter();
    for (const p of plan) {
      const orderId = `fbc-${tag}-${orderIds.length}`;
      orderIds.push(orderId);
      void batch.set(db().collection(Collections.orders).doc(orderId), {
        uid: `crowd-${tag}`,
        lines: [
          { ...p.line, name: "Thing", label: "One", quantity: 1, unitPriceCents: 1000, lineTotalCents: 1000, allocations: [{ location: "main", quantity: 1 }] },
        ],
        totalCents: 1000,
        currency: "USD",
        status: "delivered",
        shipping,
        idempotencyKey: uniqueKey(),
      });
    }
    await batch.close();

    // A small burst first, so the Functions emulator has its workers up before 500 calls arrive (DESIGN.md).
    await Promise.all(Array.from({ length: 10 }, () => anon.call("submitFeedback", {}).catch(() => undefined)));
    const started = Date.now();
    const results = await Promise.allSettled(
      plan.map((p, i) =>
        anon.call("submitFeedback", {
          orderId: orderIds[i],
          token: linkFor(orderIds[i]!),
          lines: [{ sku: p.line.sku, rating: p.rating, ...(p.matchesPhotos === undefined ? {} : { matchesPhotos: p.matchesPhotos }) }],
        }),
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);

    const answers = await db().collection(Collections.feedback).where("uid", "==", `crowd-${tag}`).get();
    expect(answers.size).toBe(500);
    const recount = recountTotals(answers.docs.flatMap((d) => contributionsOf(FeedbackSchema.parse(d.data()).lines)));
    for (const product of products) {
      const stored = ProductRatingSchema.parse(await readDoc(Collections.productRatings, product.productId));
      expect({ count: stored.count, ratingSum: stored.ratingSum, matchAnswers: stored.matchAnswers, matchYes: stored.matchYes }).toEqual(
        recount.get(product.productId),
      );
      expect(stored.count).toBe(25);
    }
    console.info(`feedback: 500 concurrent answers across 20 products in ${seconds.toFixed(1)} s, 0 drift`);
  }, 300_000);
});

describe("export and erasure", () => {
  it("exports the customer's answers; erasure drops the free text and keeps the scores anonymously", async () => {
    const buyer = await shopper();
    const line = productLine(10);
    const orderId = await deliveredOrder(buyer.uid, [line]);
    await buyer.call("submitFeedback", {
      orderId,
      nps: 6,
      lines: [{ sku: line.sku, rating: 4, matchesPhotos: false, differences: ["material"] }],
      comment: "Call me on 555",
    });
    const exported = await buyer.call<ExportMyDataOutput>("exportMyData");
    expect(exported.documents.find((d) => d.path === `${Collections.feedback}/${orderId}`)?.data).toMatchObject({ nps: 6, comment: "Call me on 555" });

    const before = await readDoc(Collections.productRatings, line.productId);
    await buyer.call("deleteMyAccount");
    const answer = await readDoc(Collections.feedback, orderId);
    expect(answer).not.toHaveProperty("comment");
    expect(answer).toMatchObject({ nps: 6, lines: [{ sku: line.sku, rating: 4, matchesPhotos: false }] });
    expect(answer?.uid).toMatch(/^erased-/);
    expect(answer?.uid).toBe((await readDoc(Collections.orders, orderId))?.uid);
    expect(await readDoc(Collections.feedbackLimits, `${buyer.uid}_feedback`)).toBeUndefined();
    expect(await readDoc(Collections.productRatings, line.productId)).toMatchObject({ count: before?.count, ratingSum: before?.ratingSum });
  }, 120_000);
});
