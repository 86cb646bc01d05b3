/**
 * A `showroom-events` Pub/Sub message as every consumer reads it (the
 * contract with the relay): data = the envelope JSON, orderingKey = subject,
 * attributes `{ type, subject, seq }`, and on replays `replay: "1"` with an
 * optional `endpointId` (webhooks deliver only to that endpoint); `traceparent`
 * when the event has a trace.
 */
import { parseEventEnvelope, type EventEnvelope } from "@showroom/model";
import { parseTraceparent } from "../operations/traceparent.js";

export interface RawMessage {
  data?: string;
  attributes?: Record<string, string>;
  messageId: string;
}

export type EventMessage =
  { ok: true; envelope: EventEnvelope; replay: { endpointId?: string } | null; traceparent: string | null } | { ok: false; reason: string };

export function parseEventMessage(message: RawMessage): EventMessage {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(message.data ?? "", "base64").toString("utf8"));
  } catch {
    return { ok: false, reason: "data is not JSON" };
  }
  let envelope: EventEnvelope;
  try {
    envelope = parseEventEnvelope(json);
  } catch (error) {
    return { ok: false, reason: `not an event envelope: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}` };
  }
  const attributes = message.attributes ?? {};
  const replay = attributes.replay === "1" ? (attributes.endpointId ? { endpointId: attributes.endpointId } : {}) : null;
  // A malformed trace header is dropped: the consumer starts a new trace rather than hand on garbage.
  const traceparent = parseTraceparent(attributes.traceparent) ? (attributes.traceparent ?? null) : null;
  return { ok: true, envelope, replay, traceparent };
}
