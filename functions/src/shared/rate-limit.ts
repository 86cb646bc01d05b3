/**
 * Per-user rate limits for the calls a bot would repeat (holds, orders).
 *
 * Fixed windows aligned to the clock, one counter document per user, action
 * and window (`rateLimits/{uid}_{action}_{window}`): a user's calls touch only
 * their own document, so there is no hot document, and a blind
 * `increment` needs no transaction (concurrent calls from one bot do not
 * queue on a lock). Each call counts itself, then reads the count: a caller
 * sees at least its own place in the window, so concurrency can only refuse a
 * little early, never let more than `max` through. Old windows carry
 * `expiresAt` for a Firestore TTL policy (firestore.indexes.json).
 */
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/https";
import { Collections } from "@showroom/model";

export interface RateLimit {
  /** Calls allowed per window; 0 turns the limit off (benchmarks). */
  max: number;
  windowSeconds: number;
}

/** Which window `nowMs` falls in, and how long until it ends. */
export function windowOf(limit: RateLimit, nowMs: number): { index: number; endsInSeconds: number } {
  const windowMs = limit.windowSeconds * 1000;
  const index = Math.floor(nowMs / windowMs);
  return { index, endsInSeconds: Math.max(1, Math.ceil(((index + 1) * windowMs - nowMs) / 1000)) };
}

/** Null when the call is admitted; otherwise how long to wait. */
export function refusal(limit: RateLimit, countWithThisCall: number, nowMs: number): { retryAfterSeconds: number } | null {
  if (limit.max <= 0 || countWithThisCall <= limit.max) return null;
  return { retryAfterSeconds: windowOf(limit, nowMs).endsInSeconds };
}

/** Counts the call; throws `resource-exhausted` with `retryAfterSeconds` once the user is over the limit. */
export async function enforceRateLimit(db: Firestore, uid: string, action: string, limit: RateLimit, nowMs = Date.now()): Promise<void> {
  if (limit.max <= 0) return;
  const { index } = windowOf(limit, nowMs);
  const ref = db.collection(Collections.rateLimits).doc(`${uid}_${action}_${index}`);
  const expiresAt = Timestamp.fromMillis((index + 2) * limit.windowSeconds * 1000);
  await ref.set({ uid, action, count: FieldValue.increment(1), expiresAt }, { merge: true });
  const count = Number((await ref.get()).get("count") ?? 0);
  const refused = refusal(limit, count, nowMs);
  if (refused) throw new HttpsError("resource-exhausted", `Too many ${action} calls; try again in ${refused.retryAfterSeconds} s.`, refused);
}
