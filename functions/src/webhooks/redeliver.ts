/**
 * Staff redeliveries: resend one delivery's event, or replay a time range of
 * stored events (`events/{id}`, the outbox) to one endpoint. Each makes new
 * deliveries (ids suffixed with the resend's or replay's id) that queue
 * behind the endpoint's pending ones in seq order like any other.
 */
import { randomUUID } from "node:crypto";
import { Timestamp } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/https";
import { Collections, EventEnvelopeSchema, MAX_REPLAY_EVENTS, webhookDeliveryId, type EventType, type ReplayWebhookEventsInput } from "@showroom/model";
import { envelopeFromDoc } from "../events/outbox.js";
import { replayOrder } from "../events/replay.js";
import { currentTraceparent } from "../operations/tracing.js";
import { appendAudit } from "../shared/audit.js";
import type { Caller } from "../shared/callable.js";
import { envelopeBody, newDelivery, pump, pumpEndpoint, recordRedelivery, type DeliveryDeps } from "./deliveries.js";

export async function resendDelivery(deps: DeliveryDeps, input: { deliveryId: string }, actor: Caller): Promise<{ deliveryId: string }> {
  const snap = await deps.db.collection(Collections.webhookDeliveries).doc(input.deliveryId).get();
  if (!snap.exists) throw new HttpsError("not-found", "No such delivery.", { reason: "unknown-delivery", deliveryId: input.deliveryId });
  const endpointId = snap.get("endpointId") as string;
  const endpoint = await deps.db.collection(Collections.webhookEndpoints).doc(endpointId).get();
  if (!endpoint.exists) throw new HttpsError("failed-precondition", "The endpoint was deleted.", { reason: "unknown-endpoint", id: endpointId });
  const body = snap.get("body") as string;
  if (!body) throw new HttpsError("failed-precondition", "This event is too large to send.", { reason: "payload-too-large" });
  const envelope = EventEnvelopeSchema.parse(JSON.parse(body));
  const key = randomUUID();
  await recordRedelivery(deps, envelope, { endpointId, origin: "resend", key });
  const batch = deps.db.batch();
  appendAudit(batch, { actor, action: "webhook.resend", target: { kind: "webhookDelivery", id: input.deliveryId } });
  await batch.commit();
  await pump(deps, endpointId, envelope.subject);
  return { deliveryId: webhookDeliveryId(endpointId, envelope.id, `resend-${key}`) };
}

/**
 * Reads the outbox's events with `since ≤ occurredAt < until` (stored as
 * Timestamps, see outbox.ts) of the endpoint's types, and queues one delivery
 * each to that endpoint, per subject in seq order.
 */
export async function replayRange(deps: DeliveryDeps, input: ReplayWebhookEventsInput, actor: Caller): Promise<{ endpointId: string; queued: number }> {
  const { db } = deps;
  const endpoint = await db.collection(Collections.webhookEndpoints).doc(input.endpointId).get();
  if (!endpoint.exists) throw new HttpsError("not-found", "No such webhook endpoint.", { reason: "unknown-endpoint", id: input.endpointId });
  const types = new Set(endpoint.get("eventTypes") as EventType[]);
  const since = new Date(input.since);
  const until = new Date(input.until);
  const stored = await db
    .collection(Collections.events)
    .where("occurredAt", ">=", Timestamp.fromDate(since))
    .where("occurredAt", "<", Timestamp.fromDate(until))
    .orderBy("occurredAt")
    .limit(MAX_REPLAY_EVENTS + 1)
    .get();
  if (stored.size > MAX_REPLAY_EVENTS) {
    throw new HttpsError("invalid-argument", `More than ${MAX_REPLAY_EVENTS} events in that range; replay a shorter one.`, { reason: "too-many-events" });
  }
  const envelopes = replayOrder(stored.docs.map((d) => envelopeFromDoc(d.data())).filter((e) => types.has(e.type)));
  const key = `${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
  const writer = db.bulkWriter();
  const traceparent = currentTraceparent();
  for (const envelope of envelopes) {
    void writer.create(
      db.collection(Collections.webhookDeliveries).doc(webhookDeliveryId(input.endpointId, envelope.id, `replay-${key}`)),
      newDelivery(envelope, input.endpointId, envelopeBody(envelope), "replay", (deps.now ?? Date.now)(), traceparent),
    );
  }
  await writer.close();
  const batch = db.batch();
  appendAudit(batch, {
    actor,
    action: "webhook.replay",
    target: { kind: "webhookEndpoint", id: input.endpointId },
    after: { since: since.toISOString(), until: until.toISOString(), queued: envelopes.length },
  });
  await batch.commit();
  await pumpEndpoint(deps, input.endpointId);
  return { endpointId: input.endpointId, queued: envelopes.length };
}
