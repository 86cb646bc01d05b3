/**
 * A client that does what the storefront must do after a crash: a call that
 * got no answer (the instance died, Firestore was away) is sent again with
 * the same input — the same idempotency key — until it gets one.
 */
import type { CallResult } from "../bench/callables.js";

/** Statuses a client cannot act on except by retrying: no answer, a 5xx from a dead instance, or a transient code. */
const RETRYABLE = new Set(["NETWORK", "INTERNAL", "UNAVAILABLE", "DEADLINE_EXCEEDED", "ABORTED"]);
export const isRetryable = (result: CallResult): result is Extract<CallResult, { ok: false }> =>
  !result.ok && (RETRYABLE.has(result.status) || result.status.startsWith("HTTP 5"));

const MAX_ATTEMPTS = 20;

export interface Answered {
  /** The final answer: a success or a refusal the client accepts (e.g. out of stock). */
  result: CallResult;
  attempts: number;
  /** Status of every attempt that failed retryably, in order. */
  failures: string[];
}

export async function untilAnswered(send: () => Promise<CallResult>): Promise<Answered> {
  const failures: string[] = [];
  for (let attempt = 1; ; attempt += 1) {
    const result = await send();
    if (!isRetryable(result)) return { result, attempts: attempt, failures };
    failures.push(result.status);
    // Still unanswered after this many: the caller reports it as such.
    if (attempt === MAX_ATTEMPTS) return { result, attempts: attempt, failures };
    await sleep(Math.min(2_000, 250 * attempt));
  }
}

/** Counts by status, as "HTTP 500 ×12, UNAVAILABLE ×3" (or "none"). */
export function tally(statuses: string[]): string {
  const counts = new Map<string, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts.size === 0
    ? "none"
    : [...counts]
        .sort((a, b) => b[1] - a[1])
        .map(([s, n]) => `${s} ×${n}`)
        .join(", ");
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
