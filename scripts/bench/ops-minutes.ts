/**
 * Live health (issue 13): what the minute-stats writes cost. No answer waits
 * for one (an instance batches its answers, `MinuteStats`), so these figures
 * are Firestore's cost and capacity, not latency added to calls:
 * - one at a time: 200 sequential writes of one answer, p50 and p95;
 * - a flash-sale burst: 300 answers at once into one minute, as 300 writes
 *   spread over the configured 10 shards, as 300 writes on one document, and
 *   as one instance batches them (`MinuteStats`: one write).
 * The writes go to a minute in the year 2000, outside any chart, and are
 * deleted afterwards.
 */
import type { Firestore } from "firebase-admin/firestore";
import { answerIncrements, Collections, minuteIdOf } from "@showroom/model";
import { MinuteStats, writeCounts } from "../../functions/src/operations/minute-stats.js";
import { adminDb } from "../lib/admin.js";
import { percentile, round, type BenchModule, type Row } from "./types.js";

const MINUTE = Date.UTC(2000, 0, 1);
const SEQUENTIAL = 200;
const BURST = 300;
const SHARDS = 10;
const answer = { callable: "placeOrder", outcome: "ok", durationMs: 120 };
const writeOne = (db: Firestore, shard: number) => writeCounts(db, MINUTE, shard, answerIncrements(answer.callable, answer.outcome, answer.durationMs));

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function burst(db: Firestore, shards: number): Promise<number> {
  return timed(() => Promise.all(Array.from({ length: BURST }, (_, i) => writeOne(db, i % shards))));
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
    await writeOne(db, 0);
    const sequential: number[] = [];
    for (let i = 0; i < SEQUENTIAL; i++) sequential.push(await timed(() => writeOne(db, i % SHARDS)));
    const sharded = await burst(db, SHARDS);
    const single = await burst(db, 1);
    let batchWrites = 0;
    const stats = new MinuteStats(
      (minute, shard, counts) => {
        batchWrites += 1;
        return writeCounts(db, minute, shard, counts);
      },
      { shards: SHARDS, flushMs: 60_000 },
    );
    const batched = await timed(() => {
      for (let i = 0; i < BURST; i++) stats.add(answer, MINUTE);
      return stats.flush();
    });
    const counted = (await db.collection(Collections.opsMinutes).where("minute", "==", new Date(MINUTE)).get()).docs.reduce(
      (sum, d) => sum + ((d.get(`calls.${answer.callable}.ok`) as number | undefined) ?? 0),
      0,
    );
    await cleanUp(db);
    const expected = 1 + SEQUENTIAL + 3 * BURST;
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
      { bench: "live health", variant: `burst of ${BURST} answers, batched by one instance`, wall_ms: round(batched), note: `${batchWrites} write(s)` },
    ];
  },
};
