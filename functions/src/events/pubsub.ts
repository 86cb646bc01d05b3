/**
 * The one place that talks to Pub/Sub: the topic `showroom-events`, created
 * if missing, with message ordering on. The message is the interface with the
 * consumers (webhooks, email): data = the envelope JSON, orderingKey = the
 * subject, attributes `{ type, subject, seq }` plus `replay: "1"` and
 * `endpointId` for replays, and `traceparent` (W3C) when the event has a
 * trace. On the emulator the client follows PUBSUB_EMULATOR_HOST.
 */
import { PubSub, type Topic } from "@google-cloud/pubsub";
import { EVENTS_TOPIC, type EventEnvelope } from "@showroom/model";

export interface ReplayTarget {
  replay: true;
  endpointId?: string;
}

/** Publishes one event; resolves once Pub/Sub has it. Callers publish a subject's events in seq order. */
export type Publish = (envelope: EventEnvelope, replay?: ReplayTarget, traceparent?: string) => Promise<void>;

export function messageAttributes(envelope: EventEnvelope, replay?: ReplayTarget, traceparent?: string): Record<string, string> {
  return {
    type: envelope.type,
    subject: envelope.subject,
    seq: String(envelope.seq),
    ...(replay ? { replay: "1", ...(replay.endpointId ? { endpointId: replay.endpointId } : {}) } : {}),
    ...(traceparent ? { traceparent } : {}),
  };
}

const ALREADY_EXISTS = 6;

/** The topic, created on first use when missing (a concurrent creator wins harmlessly). */
async function ensureTopic(pubsub: PubSub): Promise<Topic> {
  const topic = pubsub.topic(EVENTS_TOPIC, { messageOrdering: true });
  const [exists] = await topic.exists();
  if (!exists) {
    await topic.create().catch((error: { code?: number }) => {
      if (error.code !== ALREADY_EXISTS) throw error;
    });
  }
  return topic;
}

/** A publisher with its own client: one client per process keeps each ordering key's messages in order. */
export function pubsubPublisher(projectId = process.env.GCLOUD_PROJECT): Publish {
  const pubsub = new PubSub(projectId ? { projectId } : {});
  let topic: Promise<Topic> | undefined;
  return async (envelope, replay, traceparent) => {
    topic ??= ensureTopic(pubsub).catch((error: unknown) => {
      topic = undefined;
      throw error;
    });
    const ready = await topic;
    try {
      await ready.publishMessage({
        data: Buffer.from(JSON.stringify(envelope)),
        orderingKey: envelope.subject,
        attributes: messageAttributes(envelope, replay, traceparent),
      });
    } catch (error) {
      // A failed publish pauses its ordering key; the relay retries from its cursor, so let the key go on.
      ready.resumePublishing(envelope.subject);
      throw error;
    }
  };
}
