/**
 * The event consumer's arrivals, group-committed per instance: events that
 * reach this instance while a recording is in flight join the next one, and
 * each subject's share is recorded together (triggers.ts: one `recordEvents`
 * transaction), then the subject's queues are pumped once. The pump (which may
 * send attempts itself, inline-scheduler.ts) runs outside the group commit, so
 * a slow receiver never holds up the next recording. Recording them one by
 * one, a flash sale's 100 events of one SKU contend for that SKU's
 * `webhookSubjects` document; on the emulator one of them ended in
 * "Transaction lock timeout", and its event, and every later seq of the SKU
 * with it, waited a minute for the catch-up.
 */
import type { EventEnvelope } from "@showroom/model";
import { GroupCommitter } from "../shared/group-commit.js";

type Outcome = { ok: true; pumped: Promise<void> } | { ok: false; error: unknown };

/** Events recorded together at most (each subject's share is split further by the write limit). */
const MAX_ARRIVALS_PER_BATCH = 500;

export function arrivalRecorder<A extends { envelope: EventEnvelope }>(
  recordSubject: (subject: string, arrivals: A[]) => Promise<void>,
  pumpSubject: (subject: string) => Promise<void>,
): (arrival: A) => Promise<void> {
  const committer = new GroupCommitter<A, Outcome>(
    async (arrivals) => {
      const bySubject = new Map<string, number[]>();
      arrivals.forEach(({ envelope }, i) => bySubject.set(envelope.subject, [...(bySubject.get(envelope.subject) ?? []), i]));
      const outcomes: Outcome[] = [];
      await Promise.all(
        [...bySubject].map(async ([subject, indexes]) => {
          // A subject that fails fails only its own arrivals.
          const outcome: Outcome = await recordSubject(
            subject,
            indexes.map((i) => arrivals[i]!),
          ).then(
            () => ({ ok: true, pumped: pumpedOnce(pumpSubject(subject)) }),
            (error: unknown) => ({ ok: false, error }),
          );
          for (const i of indexes) outcomes[i] = outcome;
        }),
      );
      return outcomes;
    },
    { maxRequests: MAX_ARRIVALS_PER_BATCH, maxWeight: MAX_ARRIVALS_PER_BATCH, weight: () => 1 },
  );
  return async (arrival) => {
    const outcome = await committer.submit(arrival);
    if (!outcome.ok) throw outcome.error;
    await outcome.pumped;
  };
}

/** The subject's pump, awaited by each of its arrivals; marked handled so a failure is theirs to report, not the process's. */
function pumpedOnce(pumped: Promise<void>): Promise<void> {
  pumped.catch(() => undefined);
  return pumped;
}
