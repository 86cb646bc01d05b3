/**
 * Pure decisions of webhook delivery (no I/O, unit-tested): how long to wait
 * before the next attempt, and what one attempt's outcome does to the
 * delivery and to its endpoint.
 */
export interface RetryPolicy {
  backoffBaseSeconds: number;
  backoffMaxSeconds: number;
  retryWindowSeconds: number;
  disableAfterSeconds: number;
  disableAfterFailures: number;
}

/** Exponential backoff with ± 20 % jitter, so receivers coming back up are not hit by every retry at once. */
export function backoffSeconds(failedAttempts: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.backoffMaxSeconds, policy.backoffBaseSeconds * 2 ** Math.max(0, failedAttempts - 1));
  return exponential * (0.8 + 0.4 * random());
}

/** 2xx delivers; `410 Gone` means the receiver asks us to stop; everything else (and no answer) is retried. */
export type AttemptResult = { kind: "delivered" } | { kind: "gone" } | { kind: "failed" };

export function classifyStatus(status: number | null): AttemptResult {
  if (status !== null && status >= 200 && status < 300) return { kind: "delivered" };
  if (status === 410) return { kind: "gone" };
  return { kind: "failed" };
}

export interface FailureStreak {
  consecutive: number;
  /** Epoch ms of the first failure since the last success, or null. */
  sinceMs: number | null;
}

export type DeliveryDecision =
  | { delivery: "delivered" }
  /** Stays pending: it goes out when the endpoint is enabled again. */
  | { delivery: "paused" }
  | { delivery: "retry"; delaySeconds: number }
  | { delivery: "failed" };

export interface AttemptDecision {
  decision: DeliveryDecision;
  streak: FailureStreak;
  /** Set when this attempt disables the endpoint. */
  disable: "gone" | "failing" | null;
}

export function decideAfterAttempt(input: {
  result: AttemptResult;
  attempt: number;
  firstAttemptMs: number;
  nowMs: number;
  streak: FailureStreak;
  policy: RetryPolicy;
  random?: () => number;
}): AttemptDecision {
  const { result, attempt, firstAttemptMs, nowMs, streak, policy } = input;
  if (result.kind === "delivered") return { decision: { delivery: "delivered" }, streak: { consecutive: 0, sinceMs: null }, disable: null };
  const failing: FailureStreak = { consecutive: streak.consecutive + 1, sinceMs: streak.sinceMs ?? nowMs };
  if (result.kind === "gone") return { decision: { delivery: "paused" }, streak: failing, disable: "gone" };
  const tooLong = nowMs - (failing.sinceMs ?? nowMs) >= policy.disableAfterSeconds * 1000;
  if (tooLong && failing.consecutive >= policy.disableAfterFailures) {
    return { decision: { delivery: "paused" }, streak: failing, disable: "failing" };
  }
  if (nowMs - firstAttemptMs >= policy.retryWindowSeconds * 1000) return { decision: { delivery: "failed" }, streak: failing, disable: null };
  return { decision: { delivery: "retry", delaySeconds: backoffSeconds(attempt, policy, input.random) }, streak: failing, disable: null };
}
