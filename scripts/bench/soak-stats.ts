/**
 * The soak bench's aggregation (pure): each answer is a sample of its
 * callable, stamped with when the call started in the run. Latency is read
 * per minute of the run, and "creep" compares the end of the run with its
 * start, so a store that slows down as it fills up shows it.
 */
import { percentile } from "./types.js";

export interface CallSample {
  /** The callable, or the REST route, that answered. */
  callable: string;
  /** When the call started, in ms since the traffic began. */
  startMs: number;
  ms: number;
  /** `ok`, or what the refusal or failure said: a reason (`out-of-stock`), a status (`INTERNAL`), `HTTP 500`, `stale`. */
  outcome: string;
}

export const MINUTE_MS = 60_000;
/** Creep compares this much of the run's start with as much of its end (less in a run shorter than twice this). */
export const CREEP_WINDOW_MS = 2 * MINUTE_MS;

/** Answers the contract does not allow for any input: a callable's `internal`, or the REST API's 500. */
export const isInternal = (outcome: string) => outcome === "INTERNAL" || outcome === "HTTP 500";

/** p99 latency of the calls started in each minute of a run `durationMs` long (null for a minute with none). */
export function p99ByMinute(samples: readonly CallSample[], durationMs: number): (number | null)[] {
  const minutes = Math.max(1, Math.ceil(durationMs / MINUTE_MS));
  const buckets: number[][] = Array.from({ length: minutes }, () => []);
  for (const s of samples) buckets[Math.min(minutes - 1, Math.max(0, Math.floor(s.startMs / MINUTE_MS)))]?.push(s.ms);
  return buckets.map((ms) => (ms.length ? percentile(ms, 99) : null));
}

/**
 * p99 of the calls started in the run's last window over p99 of those in its
 * first (each window 2 minutes, or half the run if shorter); null without
 * samples in both. Above 1 means the run got slower.
 */
export function creep(samples: readonly CallSample[], durationMs: number): { first: number; last: number; ratio: number } | null {
  const window = Math.min(CREEP_WINDOW_MS, durationMs / 2);
  const first = samples.filter((s) => s.startMs < window).map((s) => s.ms);
  const last = samples.filter((s) => s.startMs >= durationMs - window).map((s) => s.ms);
  if (first.length === 0 || last.length === 0) return null;
  const [p99First, p99Last] = [percentile(first, 99), percentile(last, 99)];
  return { first: p99First, last: p99Last, ratio: p99Last / p99First };
}

export interface OutcomeCounts {
  calls: number;
  ok: number;
  internal: number;
  /** Every other outcome (refusals, stale sets, transient failures) and how many. */
  refused: Map<string, number>;
}

export function countOutcomes(samples: readonly CallSample[]): OutcomeCounts {
  const counts: OutcomeCounts = { calls: samples.length, ok: 0, internal: 0, refused: new Map() };
  for (const { outcome } of samples) {
    if (outcome === "ok") counts.ok += 1;
    else if (isInternal(outcome)) counts.internal += 1;
    else counts.refused.set(outcome, (counts.refused.get(outcome) ?? 0) + 1);
  }
  return counts;
}

/** The samples of each callable, in order of first appearance. */
export function byCallable(samples: readonly CallSample[]): Map<string, CallSample[]> {
  const groups = new Map<string, CallSample[]>();
  for (const s of samples) {
    const group = groups.get(s.callable);
    if (group) group.push(s);
    else groups.set(s.callable, [s]);
  }
  return groups;
}
