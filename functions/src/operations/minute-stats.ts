/**
 * Every callable answer adds to its minute's health document (model's
 * ops-minutes.ts; docs/operations.md, "Live health"): one `set … merge` of
 * `FieldValue.increment`s on a shard picked at random, so no transaction, no
 * read and no single hot document. Telemetry must never cost a sale: a failed
 * write is logged and dropped, and a slow one is waited for at most
 * `config.opsMinutes.waitMs` (it may still land after the answer).
 */
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { answerIncrements, Collections, minuteStartOf, OPS_MINUTE_TTL_MS, opsMinuteDocId } from "@showroom/model";
import { db } from "../app.js";
import { config } from "../config.js";
import { opsMinuteNotRecorded } from "../logs.js";

interface Counts {
  [field: string]: number | Counts;
}

/** The same tree with every number turned into an increment by it (merge adds to what the shard holds). */
function increments(counts: Counts): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(counts).map(([field, value]) => [field, typeof value === "number" ? FieldValue.increment(value) : increments(value)]),
  );
}

/** Adds one answer to shard `shard` of the minute of `nowMs`. */
export async function writeAnswer(
  firestore: Firestore,
  answer: { callable: string; outcome: string; durationMs: number },
  nowMs: number,
  shard: number,
): Promise<void> {
  const minute = minuteStartOf(nowMs);
  await firestore
    .collection(Collections.opsMinutes)
    .doc(opsMinuteDocId(minute, shard))
    .set(
      {
        minute: Timestamp.fromMillis(minute),
        expiresAt: Timestamp.fromMillis(minute + OPS_MINUTE_TTL_MS),
        ...increments(answerIncrements(answer.callable, answer.outcome, answer.durationMs)),
      },
      { merge: true },
    );
}

/**
 * Records one answer of `callable` that started at `startedMs`; never throws.
 * Resolves when the write is done, or failed, or after `waitMs`, whichever
 * comes first.
 */
export async function recordCallableAnswer(
  callable: string,
  outcome: string,
  startedMs: number,
  options: { firestore?: Firestore; shards?: number; waitMs?: number } = {},
): Promise<void> {
  if (!config.opsMinutes.enabled) return;
  const { shards = config.opsMinutes.shards, waitMs = config.opsMinutes.waitMs } = options;
  const now = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const write = writeAnswer(options.firestore ?? db(), { callable, outcome, durationMs: now - startedMs }, now, Math.floor(Math.random() * shards)).then(
    () => "written" as const,
    (error: unknown) => opsMinuteNotRecorded(callable, error),
  );
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), waitMs);
  });
  if ((await Promise.race([write, late])) === "late") opsMinuteNotRecorded(callable, new Error(`still writing after ${waitMs} ms; answered without waiting`));
  clearTimeout(timer);
}
