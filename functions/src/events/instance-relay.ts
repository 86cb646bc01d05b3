/**
 * This instance's relay, shared by the commit trigger, the catch-up and the
 * stock engine's fast path, so their drains of one subject coalesce in-process.
 */
import type { EventSubject } from "@showroom/model";
import { db } from "../app.js";
import { eventsRelayFailed } from "../logs.js";
import { inSpan, orderIdOf } from "../operations/tracing.js";
import { SpanAttributes } from "../operations/span-record.js";
import { pubsubPublisher } from "./pubsub.js";
import { relayer } from "./relay.js";
import type { CommitSubject } from "./build.js";

let relay: ((subject: EventSubject) => Promise<void>) | undefined;

export const instanceRelay = () => (relay ??= relayer({ db: db(), publish: pubsubPublisher(), now: Date.now }));

/**
 * Drains `subject` in a span of the trace of the request that wrote its first
 * event in the commit (a new trace when it has none). `outcome` is recorded on
 * the span; "already published" records without draining. A failure is logged,
 * not retried: the next commit or the catch-up resumes from the cursor.
 */
export function drainInTrace(spanName: string, { subject, traceparent }: CommitSubject, outcome?: "drained" | "already published"): Promise<void> {
  const attributes = { [SpanAttributes.subject]: subject, ...orderIdOf(subject), ...(outcome ? { [SpanAttributes.outcome]: outcome } : {}) };
  return inSpan(spanName, { parent: traceparent ?? null, attributes }, async () => {
    if (outcome !== "already published") await instanceRelay()(subject).catch((error: unknown) => eventsRelayFailed(subject, error));
  });
}

/**
 * Starts publishing a commit's subjects right after it commits, without waiting
 * for its `eventCommits` trigger (on the emulator, which runs document triggers
 * one at a time, that wait was seconds under a flash sale). Not awaited: the
 * caller answers at once, and the trigger and the catch-up still cover an
 * instance that stops first. A drain another relay holds costs one transaction.
 */
export function relayAfterCommit(subjects: readonly CommitSubject[]): void {
  for (const subject of subjects) void drainInTrace("events.relay_after_commit", subject);
}
