/**
 * Feedback (issue 14): aggregate correctness under load.
 * - 500 concurrent `submitFeedback` answers across 20 products (delivered
 *   orders seeded up front, each answered through its signed survey link):
 *   every `productRatings` aggregate must equal a recount of the raw answers.
 * - 500 concurrent `answerSiteQuestion` sold-out answers from 500 visitors
 *   across 20 sold-out SKUs: every `demandSignals` counter must equal a
 *   recount of `siteAnswers`.
 * Drift = the number of products (SKUs) whose stored numbers differ from the
 * recount; the target is 0.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  Collections,
  contributionsOf,
  DAY_MS,
  DemandSignalSchema,
  FeedbackSchema,
  RatingTotalsSchema,
  recountTotals,
  SiteAnswerSchema,
  type RatingTotals,
} from "@showroom/model";
import { signSurveyToken } from "../../functions/src/feedback/link-token.js";
import { adminDb } from "../lib/admin.js";
import { call, emulatorToken, type CallResult } from "./callables.js";
import { writeStockedProducts } from "./stocked-products.js";
import { percentile, round, type BenchModule, type Row } from "./types.js";

const ANSWERS = Number(process.env.BENCH_FEEDBACK_ANSWERS ?? 500);
const PRODUCTS = 20;
const shipping = { name: "Bench Buyer", line1: "1 Loom Street", city: "Leeds", postalCode: "LS1 1AA", country: "GB" };
/** The emulator's link key (functions/.secret.local), so the bench signs links as the invitation sender does. */
const linkKey = () => /^SURVEY_LINK_SECRET=(.+)$/m.exec(readFileSync(new URL("../../functions/.secret.local", import.meta.url), "utf8"))![1]!;

/** Wakes the callable's workers with a small refused burst, so 500 first calls do not each spawn one (DESIGN.md). */
const warm = (name: string) => Promise.all(Array.from({ length: 10 }, () => call(name, emulatorToken(), {})));

function loadRow(variant: string, results: CallResult[], wallMs: number, drift: number, checked: number): Row {
  const failures = results.filter((r) => !r.ok);
  return {
    bench: "feedback aggregates",
    variant,
    accepted: results.length - failures.length,
    errors: failures.length,
    wallS: round(wallMs / 1000, 1),
    p50Ms: round(
      percentile(
        results.map((r) => r.ms),
        50,
      ),
    ),
    p99Ms: round(
      percentile(
        results.map((r) => r.ms),
        99,
      ),
    ),
    drift,
    note: `${checked} aggregates recounted from the raw answers${failures[0] ? `; first error: ${failures[0].status} ${failures[0].message.slice(0, 60)}` : ""}`,
  };
}

async function surveyAnswers(run: string): Promise<Row> {
  const db = adminDb();
  const products = Array.from({ length: PRODUCTS }, (_, i) => ({ productId: `bench-fb-${run}-${i}`, sku: `BENCH-FB-${run}-${i}`.toUpperCase() }));
  const orderIds = Array.from({ length: ANSWERS }, (_, i) => `bench-fb-${run}-o${i}`);
  const writer = db.bulkWriter();
  orderIds.forEach((orderId, i) => {
    const p = products[i % PRODUCTS]!;
    void writer.set(db.collection(Collections.orders).doc(orderId), {
      uid: `bench-buyer-${run}`,
      lines: [{ ...p, name: "Bench", label: "One", quantity: 1, unitPriceCents: 1000, lineTotalCents: 1000, allocations: [{ location: "main", quantity: 1 }] }],
      totalCents: 1000,
      currency: "USD",
      status: "delivered",
      shipping,
      idempotencyKey: `key-${orderId}`,
    });
  });
  await writer.close();

  const key = linkKey();
  await warm("submitFeedback");
  const started = performance.now();
  const results = await Promise.all(
    orderIds.map((orderId, i) =>
      call("submitFeedback", emulatorToken(), {
        orderId,
        token: signSurveyToken(key, orderId, Date.now() + DAY_MS),
        nps: i % 11,
        lines: [{ sku: products[i % PRODUCTS]!.sku, rating: 1 + ((i * 7) % 5), ...(i % 3 === 0 ? {} : { matchesPhotos: i % 3 === 1 }) }],
      }),
    ),
  );
  const wallMs = performance.now() - started;

  const answers = await db.collection(Collections.feedback).where("uid", "==", `bench-buyer-${run}`).get();
  const recount = recountTotals(answers.docs.flatMap((d) => contributionsOf(FeedbackSchema.parse(d.data()).lines)));
  const stored = await db.getAll(...products.map((p) => db.collection(Collections.productRatings).doc(p.productId)));
  const same = (a: RatingTotals | undefined, b: RatingTotals | undefined) => JSON.stringify(a) === JSON.stringify(b);
  const drift = stored.filter((s) => {
    const parsed = RatingTotalsSchema.safeParse(s.data());
    const totals = parsed.success
      ? { count: parsed.data.count, ratingSum: parsed.data.ratingSum, matchAnswers: parsed.data.matchAnswers, matchYes: parsed.data.matchYes }
      : undefined;
    return !same(totals, recount.get(s.id));
  }).length;
  return loadRow(`${ANSWERS} concurrent survey answers across ${PRODUCTS} products (productRatings)`, results, wallMs, drift, PRODUCTS);
}

async function soldOutAnswers(run: string): Promise<Row> {
  const db = adminDb();
  const skus = Array.from({ length: PRODUCTS }, (_, i) => `BENCH-SO-${run}-${i}`.toUpperCase());
  await writeStockedProducts(
    db,
    skus.map((sku, i) => ({ productId: `bench-so-${run}-${i}`.toLowerCase(), variants: [{ sku, main: 0 }], active: false })),
  );
  const needBy = ["within-2-weeks", "within-a-month", "within-3-months", "no-rush"] as const;
  await warm("answerSiteQuestion");
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: ANSWERS }, (_, i) =>
      call("answerSiteQuestion", emulatorToken(), { kind: "sold-out", sku: skus[i % PRODUCTS], needBy: needBy[i % 4] }),
    ),
  );
  const wallMs = performance.now() - started;

  let drift = 0;
  for (const sku of skus) {
    const answers = (await db.collection(Collections.siteAnswers).where("sku", "==", sku).get()).docs.map((d) => SiteAnswerSchema.parse(d.data()));
    const counts: Record<string, number> = {};
    for (const a of answers) if (a.question === "sold-out" && a.needBy) counts[a.needBy] = (counts[a.needBy] ?? 0) + 1;
    const signal = DemandSignalSchema.safeParse((await db.collection(Collections.demandSignals).doc(sku).get()).data());
    if (!signal.success || signal.data.answers !== answers.length || !sameCounts(signal.data.needBy, counts)) drift += 1;
  }
  return loadRow(`${ANSWERS} concurrent sold-out answers across ${PRODUCTS} SKUs (demandSignals)`, results, wallMs, drift, PRODUCTS);
}

/** Two count maps say the same (a missing key counts 0). */
function sameCounts(a: Partial<Record<string, number>>, b: Partial<Record<string, number>>): boolean {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
}

export const feedbackAggregates: BenchModule = {
  name: "feedback-aggregates",
  async run() {
    const run = randomUUID().slice(0, 8);
    return [await surveyAnswers(run), await soldOutAnswers(run)];
  },
};
