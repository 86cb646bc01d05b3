/**
 * Live health (issue 13): what recording one callable answer costs. Every
 * callable awaits exactly this write (`recordCallableAnswer`, capped at
 * `SHOWROOM_OPS_MINUTE_WAIT_MS`), so its time is the latency it adds to a call.
 * - one at a time: 200 sequential writes, p50 and p95;
 * - a flash-sale burst: 300 writes at once into one minute, spread over the
 *   configured 10 shards and, for comparison, all on one document.
 * The writes go to a minute in the year 2000, outside any chart, and are
 * deleted afterwards.
 */
import type { Firestore } from "firebase-admin/firestore";
import { Collections, minuteIdOf } from "@showroom/model";
import { writeAnswer } from "../../functions/src/operations/minute-stats.js";
import { adminDb } from "../lib/admin.js";
import { percentile, round, type BenchModule, type Row } from "./types.js";

const MINUTE = Date.UTC(2000, 0, 1);
const SEQUENTIAL = 200;
const BURST = 300;
const SHARDS = 10;
const answer = { callable: "placeOrder", outcome: "ok", durationMs: 120 };

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function burst(db: Firestore, shards: number): Promise<number> {
  return timed(() => Promise.all(Array.from({ length: BURST }, (_, i) => writeAnswer(db, answer, MINUTE, i % shards))));
}

async function cleanUp(db: Firestore): Promise<void> {
  const snap = await db.collection(Collections.opsMinutes).where("minute", "==", new Date(MINUTE)).get();
  await Promise.all(snap.docs.map((d) => d.ref.delete()));
}

export const opsMinutes: BenchModule = {
  name: "live health",
  async run(): Promise<Row[]> {
    const db = adminDb();
    await cleanUp(db);
    await writeAnswer(db, answer, MINUTE, 0);
    const sequential: number[] = [];
    for (let i = 0; i < SEQUENTIAL; i++) sequential.push(await timed(() => writeAnswer(db, answer, MINUTE, i % SHARDS)));
    const sharded = await burst(db, SHARDS);
    const single = await burst(db, 1);
    const counted = (await db.collection(Collections.opsMinutes).where("minute", "==", new Date(MINUTE)).get()).docs.reduce(
      (sum, d) => sum + ((d.get(`calls.${answer.callable}.ok`) as number | undefined) ?? 0),
      0,
    );
    await cleanUp(db);
    const expected = 1 + SEQUENTIAL + 2 * BURST;
    const note = `${counted}/${expected} answers counted in ${minuteIdOf(MINUTE)}_*`;
    return [
      {
        bench: "live health",
        variant: `stats write, one at a time (${SEQUENTIAL})`,
        p50_ms: round(percentile(sequential, 50), 1),
        p95_ms: round(percentile(sequential, 95), 1),
        note,
      },
      { bench: "live health", variant: `burst of ${BURST} writes, ${SHARDS} shards`, wall_ms: round(sharded) },
      { bench: "live health", variant: `burst of ${BURST} writes, 1 document`, wall_ms: round(single) },
    ];
  },
};
