/**
 * Per-key rate limit: a token bucket per key in this instance (refills
 * continuously to `perMinute`, bursts up to `perMinute`). Kept in memory so a
 * request costs no write; with several instances each enforces the limit on
 * its own share of the traffic.
 */
export interface Bucket {
  tokens: number;
  atMs: number;
}

/** Takes one token if there is one; otherwise says how long until there is. */
export function take(bucket: Bucket | undefined, perMinute: number, nowMs: number): { bucket: Bucket; retryAfterSeconds: number | null } {
  const refilled = bucket ? Math.min(perMinute, bucket.tokens + ((nowMs - bucket.atMs) * perMinute) / 60_000) : perMinute;
  if (refilled >= 1) return { bucket: { tokens: refilled - 1, atMs: nowMs }, retryAfterSeconds: null };
  // Rounded to milliseconds first, so float noise never adds a second.
  const waitMs = Math.round(((1 - refilled) * 60_000) / perMinute);
  return { bucket: { tokens: refilled, atMs: nowMs }, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  /** `null` when the request may go on, else the seconds to wait. */
  check(keyId: string, perMinute: number, nowMs: number): number | null {
    const { bucket, retryAfterSeconds } = take(this.buckets.get(keyId), perMinute, nowMs);
    this.buckets.set(keyId, bucket);
    return retryAfterSeconds;
  }
}
