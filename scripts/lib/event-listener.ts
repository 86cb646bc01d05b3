/**
 * Listens to `showroom-events` on the Pub/Sub emulator the way a consumer
 * does: its own ordered subscription, every message kept with its receive
 * time. Tests and the bench read what arrived from here.
 */
import { randomUUID } from "node:crypto";
import { PubSub, type Message, type Subscription } from "@google-cloud/pubsub";
import { EVENTS_TOPIC, parseEventEnvelope, type EventEnvelope } from "@showroom/model";
import { waitFor } from "./wait.js";

export interface Received {
  envelope: EventEnvelope;
  attributes: Record<string, string>;
  orderingKey: string;
  receivedAtMs: number;
}

export interface EventListener {
  pubsub: PubSub;
  received: Received[];
  /** Messages of these subjects, in arrival order. */
  of(subjects: Iterable<string>): Received[];
  /** Resolves once `done(received)` holds; rejects after `timeoutMs`. */
  until(done: (received: Received[]) => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const ALREADY_EXISTS = 6;

export async function listenToEvents(projectId = process.env.GCLOUD_PROJECT ?? "demo-showroom"): Promise<EventListener> {
  const pubsub = new PubSub({ projectId });
  const topic = pubsub.topic(EVENTS_TOPIC);
  await topic.create().catch((error: { code?: number }) => {
    if (error.code !== ALREADY_EXISTS) throw error;
  });
  const [subscription]: [Subscription, ...unknown[]] = await topic.createSubscription(`listener-${randomUUID()}`, { enableMessageOrdering: true });
  const received: Received[] = [];
  subscription.on("message", (message: Message) => {
    received.push({
      envelope: parseEventEnvelope(JSON.parse(message.data.toString("utf8"))),
      attributes: { ...message.attributes },
      orderingKey: message.orderingKey ?? "",
      receivedAtMs: Date.now(),
    });
    message.ack();
  });
  return {
    pubsub,
    received,
    of(subjects) {
      const wanted = new Set(subjects);
      return received.filter((r) => wanted.has(r.envelope.subject));
    },
    until: (done, what, timeoutMs = 60_000) => waitFor(() => done(received), what, timeoutMs),
    async close() {
      await subscription.close();
      await subscription.delete().catch(() => undefined);
      await pubsub.close();
    },
  };
}

/**
 * Per subject, the seqs in arrival order with redeliveries (same id again)
 * dropped; `inOrder` holds when each subject's first deliveries are 1, 2, 3, …
 * from its first seq, with no gap and nothing out of order.
 */
export function deliveryOrder(received: readonly Received[]): { bySubject: Map<string, number[]>; duplicates: number; inOrder: boolean } {
  const seen = new Set<string>();
  const bySubject = new Map<string, number[]>();
  let duplicates = 0;
  for (const { envelope } of received) {
    if (seen.has(envelope.id)) {
      duplicates += 1;
      continue;
    }
    seen.add(envelope.id);
    bySubject.set(envelope.subject, [...(bySubject.get(envelope.subject) ?? []), envelope.seq]);
  }
  const inOrder = [...bySubject.values()].every((seqs) => seqs.every((seq, i) => seq === (seqs[0] ?? 0) + i));
  return { bySubject, duplicates, inOrder };
}
