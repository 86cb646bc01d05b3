/**
 * On-site questions on the emulators: the sold-out question's answers become
 * demand signals per SKU, the after-checkout question counts sources, a
 * visitor is asked at most once per cooldown (also under concurrency),
 * rejections write nothing, the counters equal a recount of the answers under
 * a burst, staff see demand next to back-in-stock subscriptions, and answers
 * join export and erasure.
 */
import { Timestamp } from "firebase-admin/firestore";
import { doc, getDoc } from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  Collections,
  DAY_MS,
  HEARD_ABOUT_US_TOTALS,
  SITE_QUESTION_COOLDOWN_DAYS,
  type AnswerSiteQuestionOutput,
  type DemandReportOutput,
  type ExportMyDataOutput,
} from "@showroom/model";
import { adminDb } from "../../scripts/lib/admin.js";
import { call, emulatorToken } from "../../scripts/bench/callables.js";
import { expectCallableError, type TestClient } from "../support/clients.js";
import { client, clients, shopper, subscribe } from "./customers-support.js";
import { createProduct, readDoc, shipping, uniqueKey, warmUp } from "./inventory-fixtures.js";

const db = () => adminDb();
let staff: TestClient;

beforeAll(async () => {
  staff = await client({ kind: "user", role: "staff" });
  await warmUp(staff, ["answerSiteQuestion", "demandReport"]);
}, 120_000);
afterAll(() => Promise.all(clients.map((c) => c.close())));

const soldOutSku = async () => (await createProduct([{ main: 0 }])).skus[0]!;
const answersFor = async (sku: string) => (await db().collection(Collections.siteAnswers).where("sku", "==", sku).get()).docs.map((d) => d.data());

/** Moves the visitor's last question back in time, as if `days` had passed. */
async function backdateVisitor(uid: string, days: number): Promise<void> {
  const ref = db().collection(Collections.siteQuestionVisitors).doc(uid);
  const lastAt = (await ref.get()).get("lastAt") as Timestamp;
  await ref.update({ lastAt: Timestamp.fromMillis(lastAt.toMillis() - days * DAY_MS) });
}

describe("the sold-out question", () => {
  it("stores the answer and counts it on the SKU's demand signal; the visitor reads when they were asked", async () => {
    const guest = await client({ kind: "anonymous" });
    const sku = await soldOutSku();
    const out = await guest.call<AnswerSiteQuestionOutput>("answerSiteQuestion", {
      kind: "sold-out",
      sku,
      needBy: "within-2-weeks",
      instead: "similar-product",
    });
    expect(out.answerId).toEqual(expect.any(String));
    expect(Date.parse(out.nextAskAt) - Date.now()).toBeGreaterThan((SITE_QUESTION_COOLDOWN_DAYS - 1) * DAY_MS);
    expect(await readDoc(Collections.siteAnswers, out.answerId!)).toMatchObject({
      question: "sold-out",
      uid: guest.uid,
      sku,
      status: "out_of_stock",
      needBy: "within-2-weeks",
      instead: "similar-product",
    });
    expect(await readDoc(Collections.demandSignals, sku)).toMatchObject({
      sku,
      answers: 1,
      needBy: { "within-2-weeks": 1 },
      instead: { "similar-product": 1 },
    });
    const visitor = await getDoc(doc(guest.db, Collections.siteQuestionVisitors, guest.uid!));
    expect(visitor.data()).toMatchObject({ lastQuestion: "sold-out", outcome: "answered" });
  });

  it(`asks a visitor once per ${SITE_QUESTION_COOLDOWN_DAYS} days: a second answer or a dismissal is refused and writes nothing, until the time has passed`, async () => {
    const guest = await client({ kind: "anonymous" });
    const sku = await soldOutSku();
    await guest.call("answerSiteQuestion", { kind: "dismissed", question: "sold-out" });
    await expectCallableError(guest.call("answerSiteQuestion", { kind: "sold-out", sku, needBy: "no-rush" }), "failed-precondition", {
      reason: "asked-recently",
    });
    await expectCallableError(guest.call("answerSiteQuestion", { kind: "dismissed", question: "heard-about-us" }), "failed-precondition", {
      reason: "asked-recently",
    });
    expect(await readDoc(Collections.demandSignals, sku)).toBeUndefined();
    expect(await answersFor(sku)).toEqual([]);

    await backdateVisitor(guest.uid!, SITE_QUESTION_COOLDOWN_DAYS);
    await guest.call("answerSiteQuestion", { kind: "sold-out", sku, needBy: "no-rush" });
    expect(await readDoc(Collections.demandSignals, sku)).toMatchObject({ answers: 1, needBy: { "no-rush": 1 } });
  });

  it("counts a visitor once when they send several answers at the same time", async () => {
    const guest = await client({ kind: "anonymous" });
    const sku = await soldOutSku();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => guest.call("answerSiteQuestion", { kind: "sold-out", sku, needBy: "no-rush" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await answersFor(sku)).toHaveLength(1);
    expect(await readDoc(Collections.demandSignals, sku)).toMatchObject({ answers: 1 });
  });

  it.each([
    ["a SKU in stock", async () => (await createProduct([{ main: 5 }])).skus[0]!, "failed-precondition", { reason: "not-sold-out" }],
    ["an unknown SKU", async () => `NOPE-${Date.now()}`, "not-found", { reason: "unknown-sku" }],
  ])("refuses an answer for %s and writes nothing", async (_name, makeSku, code, details) => {
    const guest = await client({ kind: "anonymous" });
    const sku = await makeSku();
    await expectCallableError(guest.call("answerSiteQuestion", { kind: "sold-out", sku, needBy: "no-rush" }), code, details);
    expect(await readDoc(Collections.demandSignals, sku)).toBeUndefined();
    expect(await readDoc(Collections.siteQuestionVisitors, guest.uid!)).toBeUndefined();
  });

  it("refuses bad input (no answer, unknown choices, free text, someone else's uid) and writes nothing", async () => {
    const guest = await client({ kind: "anonymous" });
    const sku = await soldOutSku();
    for (const input of [
      { kind: "sold-out", sku },
      { kind: "sold-out", sku, needBy: "yesterday" },
      { kind: "sold-out", sku, instead: "<script>alert(1)</script>" },
      { kind: "sold-out", sku, needBy: "no-rush", uid: "someone-else" },
      { kind: "heard-about-us", orderId: "o1", source: "" },
      { kind: "dismissed", question: "everything" },
      {},
    ]) {
      await expectCallableError(guest.call("answerSiteQuestion", input), "invalid-argument");
    }
    expect(await readDoc(Collections.siteQuestionVisitors, guest.uid!)).toBeUndefined();
    expect(await answersFor(sku)).toEqual([]);
    await expectCallableError(
      client({ kind: "signed-out" }).then((c) => c.call("answerSiteQuestion", { kind: "sold-out", sku, needBy: "no-rush" })),
      "unauthenticated",
    );
  });

  it("keeps the demand counters equal to a recount of the answers under a burst of 40 visitors", async () => {
    const sku = await soldOutSku();
    const needBy = ["within-2-weeks", "within-a-month", "within-3-months", "no-rush"] as const;
    // 40 visitors with emulator ID tokens (as the benches call): 40 real sign-ins fire 40 auth triggers and stall the Auth emulator.
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        call("answerSiteQuestion", emulatorToken(), { kind: "sold-out", sku, needBy: needBy[i % 4], ...(i % 2 ? { instead: "wait" } : {}) }),
      ),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const answers = await answersFor(sku);
    expect(answers).toHaveLength(40);
    const recount = (field: "needBy" | "instead") => {
      const counts: Record<string, number> = {};
      for (const a of answers) if (a[field]) counts[a[field]] = (counts[a[field]] ?? 0) + 1;
      return counts;
    };
    expect(await readDoc(Collections.demandSignals, sku)).toMatchObject({ answers: 40, needBy: recount("needBy"), instead: recount("instead") });
    expect(recount("instead")).toEqual({ wait: 20 });
  }, 120_000);
});

describe("the after-checkout question", () => {
  it("counts the buyer's source once per order; refuses someone else's order and a second answer", async () => {
    const buyer = await shopper();
    const { skus } = await createProduct([{ main: 3 }]);
    const { orderId } = await buyer.call<{ orderId: string }>("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku: skus[0], quantity: 1 }], shipping });
    const before = (await readDoc(Collections.siteQuestionTotals, HEARD_ABOUT_US_TOTALS)) ?? { answers: 0, sources: {} };

    const other = await client({ kind: "anonymous" });
    await expectCallableError(other.call("answerSiteQuestion", { kind: "heard-about-us", orderId, source: "advert" }), "permission-denied", {
      reason: "not-your-order",
    });
    await expectCallableError(other.call("answerSiteQuestion", { kind: "heard-about-us", orderId: `missing-${orderId}`, source: "advert" }), "not-found", {
      reason: "unknown-order",
    });
    expect(await readDoc(Collections.siteQuestionVisitors, other.uid!)).toBeUndefined();

    await buyer.call("answerSiteQuestion", { kind: "heard-about-us", orderId, source: "press" });
    const after = await readDoc(Collections.siteQuestionTotals, HEARD_ABOUT_US_TOTALS);
    expect(after?.answers).toBe(before.answers + 1);
    expect(after?.sources.press).toBe((before.sources.press ?? 0) + 1);

    await backdateVisitor(buyer.uid, SITE_QUESTION_COOLDOWN_DAYS);
    await expectCallableError(buyer.call("answerSiteQuestion", { kind: "heard-about-us", orderId, source: "friend" }), "already-exists", {
      reason: "already-answered",
    });
    expect((await readDoc(Collections.siteQuestionTotals, HEARD_ABOUT_US_TOTALS))?.answers).toBe(after?.answers);
  });
});

describe("demandReport", () => {
  it("shows staff each sold-out SKU's answers next to its back-in-stock subscriptions; shoppers are refused", async () => {
    const sku = await soldOutSku();
    const [a, b, c] = await Promise.all([shopper(), shopper(), client({ kind: "anonymous" })]);
    await subscribe(a, sku);
    await subscribe(b, sku);
    await c.call("answerSiteQuestion", { kind: "sold-out", sku, needBy: "within-a-month" });

    const report = await staff.call<DemandReportOutput>("demandReport");
    expect(report.rows.find((r) => r.sku === sku)).toMatchObject({
      status: "out_of_stock",
      available: 0,
      answers: 1,
      needBy: { "within-a-month": 1 },
      subscribers: 2,
    });
    // A sold-out SKU nobody answered for is in the report too (the buyer sees every gap).
    const quiet = await soldOutSku();
    expect((await staff.call<DemandReportOutput>("demandReport")).rows.find((r) => r.sku === quiet)).toMatchObject({ answers: 0, subscribers: 0 });
    await expectCallableError(a.call("demandReport"), "permission-denied");
  }, 180_000);
});

describe("export and erasure", () => {
  it("exports the visitor's answers; erasure keeps them for the counters without the uid and forgets when they were asked", async () => {
    const buyer = await shopper();
    const sku = await soldOutSku();
    const { answerId } = await buyer.call<AnswerSiteQuestionOutput>("answerSiteQuestion", { kind: "sold-out", sku, instead: "elsewhere" });
    const exported = await buyer.call<ExportMyDataOutput>("exportMyData");
    const paths = exported.documents.map((d) => d.path);
    expect(paths).toContain(`${Collections.siteAnswers}/${answerId}`);
    expect(paths).toContain(`${Collections.siteQuestionVisitors}/${buyer.uid}`);

    await buyer.call("deleteMyAccount");
    const answer = await readDoc(Collections.siteAnswers, answerId!);
    expect(answer).toMatchObject({ sku, instead: "elsewhere" });
    expect(answer?.uid).toMatch(/^erased-/);
    expect(await readDoc(Collections.siteQuestionVisitors, buyer.uid)).toBeUndefined();
    expect(await readDoc(Collections.demandSignals, sku)).toMatchObject({ answers: 1, instead: { elsewhere: 1 } });
  }, 120_000);
});
