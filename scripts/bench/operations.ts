/**
 * Operations (issue 13), two rows, both through the scheduled reconcile's own
 * Pub/Sub topic (what Cloud Scheduler sends in production):
 * - reconcile cost: documents one scheduled run reads with N SKUs of which 50
 *   moved (real `adjustStock` calls) since the last run — the run's own count
 *   (`operations/reconcile.lastRun.reads`: each document read, each ledger
 *   aggregation as Firestore bills it). Target ≤ 500 at 10,000 SKUs; N is
 *   `SHOWROOM_BENCH_RECONCILE_SKUS` (default 2,000: the cost does not depend on
 *   N, seeding 10,000 here takes minutes).
 * - detection time: one SKU's on hand corrupted by a write that stamps
 *   `updatedAt` (as a bug in any stock write path would), with the schedule
 *   fired every `PERIOD_S` seconds → the alert document visible. Target ≤ one
 *   period + 10 s.
 */
import { randomUUID } from "node:crypto";
import { FieldValue, type Timestamp } from "firebase-admin/firestore";
import { alertIdOf, Collections, RECONCILE_STATE_DOC } from "@showroom/model";
import { adminDb } from "../lib/admin.js";
import { triggerSchedule } from "../lib/schedules.js";
import { withTriggersPaused } from "../lib/triggers.js";
import { call, emulatorToken } from "./callables.js";
import { writeStockedProducts, type StockedProduct } from "./stocked-products.js";
import { round, type BenchModule, type Row } from "./types.js";

const SKUS = Number(process.env.SHOWROOM_BENCH_RECONCILE_SKUS ?? 2_000);
const MOVED = 50;
const READS_TARGET = 500;
const PERIOD_S = 5;
const SCHEDULE = "scheduledReconcile";

const state = () => adminDb().collection(Collections.operations).doc(RECONCILE_STATE_DOC);

/** Fires the schedule and waits for that run's record (a run that started later than `sinceMs`). */
async function scheduledRun(sinceMs = Date.now()): Promise<{ checked: number; reads: number }> {
  await triggerSchedule(SCHEDULE);
  const deadline = Date.now() + 180_000;
  for (;;) {
    const data = (await state().get()).data();
    const at = data?.lastRunAt as Timestamp | undefined;
    if (data?.lastRun?.trigger === "schedule" && at && at.toMillis() > sinceMs) return data.lastRun;
    if (Date.now() > deadline) throw new Error("The scheduled reconcile did not run within 180 s");
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function seed(prefix: string): Promise<string[]> {
  const products: StockedProduct[] = [];
  for (let p = 0; p < SKUS / 4; p++) {
    products.push({ productId: `${prefix}-p${p}`, active: false, variants: [0, 1, 2, 3].map((v) => ({ sku: `${prefix}-${p}-${v}`, main: 10 })) });
  }
  await withTriggersPaused(() => writeStockedProducts(adminDb(), products));
  return products.flatMap((p) => p.variants.map((v) => v.sku));
}

export const operations: BenchModule = {
  name: "operations",
  async run(): Promise<Row[]> {
    const prefix = `OPS${randomUUID().slice(0, 4).toUpperCase()}`;
    const skus = await seed(prefix);
    const staff = emulatorToken({ role: "staff" });
    await call("adjustStock", staff, {}); // warm the worker (refused input writes nothing)

    // Cost: a run places the cursor, 50 SKUs move, the next run checks them plus one slice.
    await scheduledRun();
    const moved = skus.filter((_, i) => i % Math.floor(skus.length / MOVED) === 0).slice(0, MOVED);
    const results = await Promise.all(moved.map((sku) => call("adjustStock", staff, { sku, delta: 1, reason: "receive" })));
    if (results.some((r) => !r.ok)) throw new Error(`adjustStock failed: ${JSON.stringify(results.find((r) => !r.ok))}`);
    const costRun = await scheduledRun();

    // Detection: the schedule fires every PERIOD_S while a bug corrupts one SKU.
    const victim = skus[skus.length - 1]!;
    let firing = true;
    const ticker = (async () => {
      while (firing) {
        await triggerSchedule(SCHEDULE);
        await new Promise((r) => setTimeout(r, PERIOD_S * 1000));
      }
    })();
    await new Promise((r) => setTimeout(r, PERIOD_S * 1000 * Math.random()));
    const corruptedAt = Date.now();
    await adminDb().collection(Collections.inventory).doc(victim).update({ "locations.main.onHand": 3, updatedAt: FieldValue.serverTimestamp() });
    const alertRef = adminDb()
      .collection(Collections.alerts)
      .doc(alertIdOf("stock-drift", victim, 1));
    const detectedMs = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("No alert within 120 s")), 120_000);
      const stop = alertRef.onSnapshot((snap) => {
        if (!snap.exists) return;
        clearTimeout(timer);
        stop();
        resolve(Date.now() - corruptedAt);
      }, reject);
    });
    firing = false;
    await ticker;

    const detectionS = detectedMs / 1000;
    return [
      {
        bench: "operations",
        variant: `reconcile cost: one scheduled run, ${skus.length} SKUs, ${MOVED} moved (${costRun.checked} checked)`,
        value: costRun.reads,
        unit: "docs",
        target: `≤ ${READS_TARGET}`,
        pass: costRun.reads <= READS_TARGET ? "yes" : "NO",
      },
      {
        bench: "operations",
        variant: `detection time: corrupt → alert doc, schedule every ${PERIOD_S} s`,
        value: round(detectionS, 1),
        unit: "s",
        target: `≤ ${PERIOD_S + 10}`,
        pass: detectionS <= PERIOD_S + 10 ? "yes" : "NO",
      },
    ];
  },
};
