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

let relay: ((subject: EventSubject) => Promise<void>) | undefined;

export const instanceRelay = () => (relay ??= relayer({ db: db(), publish: pubsubPublisher(), now: Date.now }));

/**
 * Starts publishing a commit's subjects right after it commits, without waiting
 * for its `eventCommits` trigger (on the emulator, which runs document triggers
 * one at a time, that wait was seconds under a flash sale). Not awaited: the
 * caller answers at once, and the trigger and the catch-up still cover an
 * instance that stops first. A drain another relay holds costs one transaction.
 */
export function relayAfterCommit(events: readonly { subject: EventSubject; traceparent?: string | undefined }[]): void {
  const firsts = new Map<EventSubject, string | undefined>();
  for (const { subject, traceparent } of events) if (!firsts.has(subject)) firsts.set(subject, traceparent);
  for (const [subject, traceparent] of firsts) {
    // In the trace of the request that wrote the subject's first event, like the commit trigger's drain.
    void inSpan("events.relay_after_commit", { parent: traceparent ?? null, attributes: { [SpanAttributes.subject]: subject, ...orderIdOf(subject) } }, () =>
      instanceRelay()(subject),
    ).catch((error: unknown) => eventsRelayFailed(subject, error));
  }
}
