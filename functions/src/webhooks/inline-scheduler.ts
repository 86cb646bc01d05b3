/**
 * Attempts that are due now run in the invocation that made them due (the
 * consumer that recorded the event, or the attempt that delivered the seq
 * before), while that invocation is younger than a budget; later ones, every
 * retry, and everything past the budget go to Cloud Tasks. A subject's queue
 * then moves at the receiver's pace instead of one task dispatch per event
 * (about a second each on the emulator, which also ignores a task's delay),
 * and an invocation still ends well inside its timeout: the budget plus one
 * attempt's own timeout. The invocation awaits `settled()` before it ends. An
 * inline attempt that throws is handed to Cloud Tasks; one that dies with its
 * invocation is like a task that died: its lease runs out and the catch-up
 * sends it again.
 */
import type { Scheduler } from "./deliveries.js";

/**
 * Attempts running inline in this process. A hot subject's queue is pumped by
 * every arrival batch while its chain is already sending the head; a second
 * claim of the same attempt would only lose, after a contended transaction.
 */
const inFlight = new Set<string>();

export interface InlineScheduler extends Scheduler {
  /** Resolves once every attempt started inline (and those they started) has finished. */
  settled(): Promise<void>;
}

export function inlineFirst(
  tasks: Scheduler,
  attempt: (deliveryId: string, n: number, scheduler: InlineScheduler) => Promise<void>,
  budgetMs: number,
  now: () => number = Date.now,
): InlineScheduler {
  const deadline = now() + budgetMs;
  const running = new Set<Promise<void>>();
  const scheduler: InlineScheduler = {
    async schedule(deliveryId, n, delaySeconds) {
      if (delaySeconds > 0 || now() >= deadline) return tasks.schedule(deliveryId, n, delaySeconds);
      const key = `${deliveryId}#${n}`;
      if (inFlight.has(key)) return;
      inFlight.add(key);
      const run: Promise<void> = attempt(deliveryId, n, scheduler)
        .catch(() => tasks.schedule(deliveryId, n, 0))
        .finally(() => {
          inFlight.delete(key);
          running.delete(run);
        });
      running.add(run);
    },
    async settled() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
  return scheduler;
}
