/**
 * Every callable answer adds to its minute's health document (model's
 * ops-minutes.ts; docs/operations.md, "Live health"). An instance counts its
 * answers in memory and writes them every `config.opsMinutes.flushMs`: one
 * `set … merge` of `FieldValue.increment`s per minute that has answers, so no
 * transaction, no read, and at most one write per instance and second however
 * many calls it serves. Each write goes to this instance's next shard (its
 * turn starts at a random one), so instances and successive writes spread over
 * the minute's documents. Telemetry must never cost a sale: no answer waits
 * for a write, and a failed write is logged and dropped.
 */
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { answerIncrements, Collections, minuteIdOf, minuteStartOf, OPS_MINUTE_TTL_MS, opsMinuteDocId } from "@showroom/model";
import { db } from "../app.js";
import { config } from "../config.js";
import { opsMinuteNotRecorded } from "../logs.js";

export interface Counts {
  [field: string]: number | Counts;
}

export interface Answer {
  callable: string;
  outcome: string;
  durationMs: number;
}

/** `a` plus `b`, field by field (a new tree; neither is changed). */
export function addCounts(a: Counts, b: Counts): Counts {
  const sum: Counts = { ...a };
  for (const [field, value] of Object.entries(b)) {
    const mine = sum[field];
    sum[field] = typeof value === "number" ? (typeof mine === "number" ? mine : 0) + value : addCounts(typeof mine === "object" ? mine : {}, value);
  }
  return sum;
}

/** How many answers a minute's counts hold (one latency bucket per answer). */
const answersIn = (counts: Counts) => Object.values(counts.latencyMs ?? {}).reduce<number>((sum, n) => sum + (typeof n === "number" ? n : 0), 0);

/** The same tree with every number turned into an increment by it (merge adds to what the shard holds). */
function increments(counts: Counts): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(counts).map(([field, value]) => [field, typeof value === "number" ? FieldValue.increment(value) : increments(value)]),
  );
}

/** Adds `counts` to shard `shard` of the minute starting at `minuteMs`. */
export async function writeCounts(firestore: Firestore, minuteMs: number, shard: number, counts: Counts): Promise<void> {
  await firestore
    .collection(Collections.opsMinutes)
    .doc(opsMinuteDocId(minuteMs, shard))
    .set({ minute: Timestamp.fromMillis(minuteMs), expiresAt: Timestamp.fromMillis(minuteMs + OPS_MINUTE_TTL_MS), ...increments(counts) }, { merge: true });
}

type Write = (minuteMs: number, shard: number, counts: Counts) => Promise<void>;

/** One instance's answers not yet written, by minute, and the timer that writes them. */
export class MinuteStats {
  private pending = new Map<number, Counts>();
  private timer: NodeJS.Timeout | undefined;
  private nextShard: number;

  constructor(
    private readonly write: Write,
    private readonly options: { shards: number; flushMs: number },
  ) {
    this.nextShard = Math.floor(Math.random() * options.shards);
  }

  /** Counts one answer given at `nowMs`; the write follows within `flushMs`. */
  add(answer: Answer, nowMs: number): void {
    const minute = minuteStartOf(nowMs);
    this.pending.set(minute, addCounts(this.pending.get(minute) ?? {}, answerIncrements(answer.callable, answer.outcome, answer.durationMs)));
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), this.options.flushMs);
    // A pending flush must not keep a process alive that has nothing else to do.
    this.timer.unref();
  }

  /** Writes what is pending now; resolves when each write has landed or been dropped (never rejects). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const due = [...this.pending];
    this.pending = new Map();
    await Promise.all(
      due.map(([minute, counts]) => {
        const shard = this.nextShard;
        this.nextShard = (shard + 1) % this.options.shards;
        // Called inside a promise, so a write that throws before it returns a promise is dropped like one that rejects.
        return Promise.resolve()
          .then(() => this.write(minute, shard, counts))
          .catch((error: unknown) => opsMinuteNotRecorded(minuteIdOf(minute), answersIn(counts), error));
      }),
    );
  }
}

let instanceStats: MinuteStats | undefined;

/**
 * Records one answer of `callable` that started at `startedMs`; returns at
 * once and never throws. In production an instance may get CPU only while it
 * serves requests, so a pending write can wait for the instance's next
 * request; an instance shut down meanwhile loses those counts (the charts
 * undercount, never overcount), as spans in the tracer's queue are lost.
 */
export function recordCallableAnswer(callable: string, outcome: string, startedMs: number): void {
  if (!config.opsMinutes.enabled) return;
  instanceStats ??= new MinuteStats((minute, shard, counts) => writeCounts(db(), minute, shard, counts), config.opsMinutes);
  const now = Date.now();
  instanceStats.add({ callable, outcome, durationMs: now - startedMs }, now);
}
