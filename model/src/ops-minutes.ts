/**
 * Live health (docs/operations.md, "Live health"): every callable answer adds
 * to a per-minute document, `opsMinutes/{yyyyMMddHHmm}_{shard}`, with
 * `FieldValue.increment`. A call picks one of a few shards at random, so a
 * flash sale spreads its writes over several documents instead of one hot one;
 * the console sums a minute's shards. Latency is kept as counts in fixed
 * buckets, which add up across shards and minutes, so p95 comes from the sum.
 * Old minutes go by a TTL policy on `expiresAt`.
 */
import { z } from "zod";
import { StoredTimeSchema } from "./inventory.js";

/** Minute documents live this long; the console shows the last hour. */
export const OPS_MINUTE_TTL_MS = 2 * 24 * 60 * 60 * 1000;
/** The minutes the console charts (and subscribes to). */
export const OPS_WINDOW_MINUTES = 60;
/** The trailing minutes the console's tiles average over (the current one included). */
export const OPS_TILE_MINUTES = 5;

const MINUTE_MS = 60_000;

/** Inclusive upper bounds of the latency buckets, in ms; slower answers fall in `inf`. */
export const LATENCY_BOUNDS_MS = [10, 25, 50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 10_000, 30_000] as const;
/** The slowest finite bound: all a quantile among the `inf` answers can say is "slower than this". */
const LAST_BOUND_MS = LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1]!;
export const LatencyBucketKeys = [...LATENCY_BOUNDS_MS.map((b) => `le${b}` as const), "inf"] as const;
export type LatencyBucketKey = (typeof LatencyBucketKeys)[number];
export type LatencyBuckets = Partial<Record<LatencyBucketKey, number>>;

/** The bucket an answer time falls in. */
export function latencyBucketOf(durationMs: number): LatencyBucketKey {
  const index = LATENCY_BOUNDS_MS.findIndex((bound) => durationMs <= bound);
  return index === -1 ? "inf" : LatencyBucketKeys[index]!;
}

/**
 * The q-quantile (0 < q ≤ 1) of the answers counted in `buckets`, or null when
 * there are none. Within its bucket the value is interpolated linearly (as
 * Prometheus' `histogram_quantile` does), so it is an estimate good to a
 * bucket's width; one in `inf` answers the last finite bound (all we know is
 * "slower than that").
 */
export function quantileFromBuckets(buckets: LatencyBuckets, q: number): number | null {
  const counts = LatencyBucketKeys.map((key) => buckets[key] ?? 0);
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = q * total;
  let below = 0;
  for (const [i, count] of counts.entries()) {
    if (count > 0 && below + count >= rank) {
      const upper = LATENCY_BOUNDS_MS[i];
      if (upper === undefined) return LAST_BOUND_MS;
      const lower = i === 0 ? 0 : LATENCY_BOUNDS_MS[i - 1]!;
      return lower + ((upper - lower) * (rank - below)) / count;
    }
    below += count;
  }
  return LAST_BOUND_MS;
}

export function addBuckets(a: LatencyBuckets, b: LatencyBuckets): LatencyBuckets {
  const sum: LatencyBuckets = { ...a };
  for (const key of LatencyBucketKeys) if (b[key]) sum[key] = (sum[key] ?? 0) + b[key];
  return sum;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The minute's id, `yyyyMMddHHmm` in UTC: ids sort as the minutes do. */
export function minuteIdOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}`;
}

export const minuteStartOf = (ms: number) => Math.floor(ms / MINUTE_MS) * MINUTE_MS;

/** `opsMinutes/{yyyyMMddHHmm}_{shard}`. */
export const opsMinuteDocId = (ms: number, shard: number) => `${minuteIdOf(ms)}_${shard}`;

/**
 * How an answer counts: `ok`; `failed`, the server's fault (what the
 * callable-errors alert policy counts, and what "errors per minute" shows);
 * or `refused`, the caller's (bad input, no stock, wrong role…), which is
 * normal in a sale and not an error of the store.
 */
export type CallOutcome = "ok" | "refused" | "failed";
const SERVER_FAULTS: ReadonlySet<string> = new Set(["internal", "unavailable", "unknown", "deadline-exceeded", "data-loss"]);
export function callOutcomeOf(outcome: string): CallOutcome {
  if (outcome === "ok") return "ok";
  return SERVER_FAULTS.has(outcome) ? "failed" : "refused";
}

const count = z.number().int().min(0);
export const CallCountsSchema = z.object({ ok: count.default(0), refused: count.default(0), failed: count.default(0) });
export type CallCounts = z.infer<typeof CallCountsSchema>;

/** `opsMinutes/{minuteId}_{shard}` (staff read, written only by functions). */
export const OpsMinuteDocSchema = z.object({
  /** The start of the minute. */
  minute: StoredTimeSchema,
  /** When the TTL policy may delete the document. */
  expiresAt: StoredTimeSchema,
  /** Answers per callable name (bounded: the callable registry's names). */
  calls: z.record(z.string(), CallCountsSchema).default({}),
  /** Answer times of every callable, counted per bucket. */
  latencyMs: z.partialRecord(z.enum(LatencyBucketKeys), count).default({}),
});
export type OpsMinuteDoc = z.infer<typeof OpsMinuteDocSchema>;

/** The increments one answer adds to its shard (the caller turns each number into `FieldValue.increment`). */
export function answerIncrements(callable: string, outcome: string, durationMs: number) {
  return {
    calls: { [callable]: { [callOutcomeOf(outcome)]: 1 } },
    latencyMs: { [latencyBucketOf(durationMs)]: 1 },
  };
}

/** One minute, its shards summed. */
export interface MinuteTotals {
  minuteMs: number;
  answers: number;
  ok: number;
  refused: number;
  failed: number;
  /** `placeOrder` answered ok: one per order placed (a retried key answers its first order again and counts again). */
  orders: number;
  latencyMs: LatencyBuckets;
}

const emptyMinute = (minuteMs: number): MinuteTotals => ({ minuteMs, answers: 0, ok: 0, refused: 0, failed: 0, orders: 0, latencyMs: {} });

/**
 * The last `minutes` minutes up to `nowMs`, oldest first, one entry per
 * minute (zeros where no document exists): the shards of each minute summed.
 */
export function minuteSeries(docs: readonly OpsMinuteDoc[], nowMs: number, minutes = OPS_WINDOW_MINUTES): MinuteTotals[] {
  const last = minuteStartOf(nowMs);
  const series = Array.from({ length: minutes }, (_, i) => emptyMinute(last - (minutes - 1 - i) * MINUTE_MS));
  const byMinute = new Map(series.map((m) => [m.minuteMs, m]));
  for (const doc of docs) {
    const minute = byMinute.get(minuteStartOf(doc.minute));
    if (!minute) continue;
    for (const [name, counts] of Object.entries(doc.calls)) {
      minute.ok += counts.ok;
      minute.refused += counts.refused;
      minute.failed += counts.failed;
      minute.answers += counts.ok + counts.refused + counts.failed;
      if (name === "placeOrder") minute.orders += counts.ok;
    }
    minute.latencyMs = addBuckets(minute.latencyMs, doc.latencyMs);
  }
  return series;
}

export interface HealthTiles {
  ordersPerMinute: number;
  errorsPerMinute: number;
  /** p95 answer time of every callable over the tiles' minutes; null with no answers. */
  p95Ms: number | null;
}

/** The tiles: per-minute means and p95 over the last `minutes` of the series. */
export function healthTiles(series: readonly MinuteTotals[], minutes = OPS_TILE_MINUTES): HealthTiles {
  const recent = series.slice(-minutes);
  const span = Math.max(1, recent.length);
  return {
    ordersPerMinute: recent.reduce((sum, m) => sum + m.orders, 0) / span,
    errorsPerMinute: recent.reduce((sum, m) => sum + m.failed, 0) / span,
    p95Ms: quantileFromBuckets(
      recent.reduce<LatencyBuckets>((sum, m) => addBuckets(sum, m.latencyMs), {}),
      0.95,
    ),
  };
}

// ---- what the minute documents do not hold: the `operationsHealth` callable (staff) ----

/** A webhook endpoint whose latest attempts failed; no URL path or query (they can carry tokens), only its host. */
export const FailingEndpointSchema = z.object({
  id: z.string(),
  label: z.string(),
  consecutiveFailures: z.number().int().min(1),
  failingSince: z.string().nullable(),
  enabled: z.boolean(),
});
export type FailingEndpoint = z.infer<typeof FailingEndpointSchema>;

/** Endpoints listed by name; the count covers them all. */
export const MAX_FAILING_ENDPOINTS_LISTED = 20;

export const OperationsHealthOutputSchema = z.object({
  holdsActive: z.number().int().min(0),
  /** Outbox events the relay has not published yet, and the age of the oldest (null when none). */
  unpublishedEvents: z.number().int().min(0),
  oldestUnpublishedAgeMs: z.number().min(0).nullable(),
  failingEndpoints: z.object({ count: z.number().int().min(0), endpoints: z.array(FailingEndpointSchema).max(MAX_FAILING_ENDPOINTS_LISTED) }),
  checkedAt: z.string(),
});
export type OperationsHealthOutput = z.infer<typeof OperationsHealthOutputSchema>;
