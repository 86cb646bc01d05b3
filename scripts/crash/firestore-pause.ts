/**
 * Firestore away for a few seconds: shoppers order while the Firestore
 * emulator is frozen (SIGSTOP, then SIGCONT). A call may be slow or fail, but
 * a failure must carry a retryable code (never `internal`), nothing may be
 * half-written, and the same-key retries must succeed afterwards.
 */
import { adminDb } from "../lib/admin.js";
import { call, emulatorToken } from "../bench/callables.js";
import { writeStockedProducts } from "../bench/stocked-products.js";
import { isRetryable, sleep, tally, untilAnswered } from "./client.js";
import { shipping, type ScenarioResult } from "./flash-sale.js";
import { checkOrders } from "./orders-check.js";
import { pauseFirestore, type CrashTarget } from "./target.js";

/** Codes that tell a client "try again", as a frozen database should answer. */
const RETRYABLE_CODES = new Set(["UNAVAILABLE", "DEADLINE_EXCEEDED", "ABORTED"]);

export async function firestorePause(target: CrashTarget, options: { shoppers: number; pauseMs: number; run: string }): Promise<ScenarioResult> {
  const db = adminDb();
  const sku = `CRASH-${options.run}-PAUSE`;
  const keyPrefix = `crash-${options.run}-pause-`;
  await writeStockedProducts(db, [
    { productId: `crash-${options.run}-pause`.toLowerCase(), variants: [{ sku, main: options.shoppers + 1, lowStockThreshold: 5 }] },
  ]);
  // Outside keyPrefix: the warm-up order is not one of the shoppers'.
  await call("placeOrder", emulatorToken(), { idempotencyKey: `crash-${options.run}-pausewarm`, lines: [{ sku, quantity: 1 }], shipping });
  const units = options.shoppers;

  const started = performance.now();
  const orders = Promise.all(
    Array.from({ length: units }, async (_, i) => {
      const token = emulatorToken();
      return untilAnswered(() => call("placeOrder", token, { idempotencyKey: `${keyPrefix}${i}`, lines: [{ sku, quantity: 1 }], shipping }));
    }),
  );
  await sleep(50);
  await pauseFirestore(target, options.pauseMs);
  const answers = await orders;
  const wallMs = performance.now() - started;

  const problems: string[] = [];
  const failures = answers.flatMap((a) => a.failures);
  const notRetryable = failures.filter((status) => !RETRYABLE_CODES.has(status));
  if (notRetryable.length > 0) problems.push(`calls failed with codes that do not say "retry": ${tally(notRetryable)}`);
  const unanswered = answers.filter((a) => isRetryable(a.result)).length;
  if (unanswered > 0) problems.push(`${unanswered} call(s) still failing after retries`);
  const ok = answers.filter((a) => a.result.ok);
  if (ok.length !== units) problems.push(`${ok.length} of ${units} orders succeeded with stock for all`);

  const answeredIds = ok.map((a) => ((a.result.ok ? a.result.data : {}) as { orderId: string }).orderId);
  const check = await checkOrders(db, { keyPrefix, sku, answered: answeredIds });
  problems.push(...check.problems);
  const firstTry = ok.filter((a) => a.attempts === 1).length;
  return {
    problems,
    row: {
      bench: "crash",
      variant: `Firestore paused (SIGSTOP) ${options.pauseMs / 1000} s under ${units} orders`,
      ordersCreated: check.created,
      firstTryAnswers: firstTry,
      recoveredRetries: ok.length - firstTry,
      duplicates: check.duplicates,
      drift: check.drift,
      errorsByCode: tally(failures),
      slowestMs: Math.round(Math.max(...answers.map((a) => a.result.ms))),
      wallMs: Math.round(wallMs),
      ok: problems.length === 0 ? "yes" : "NO",
    },
  };
}
