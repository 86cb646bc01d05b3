/**
 * Replay: re-publishes stored events from a point in time, per subject in seq
 * order, marked `replay: "1"` (and `endpointId` when one endpoint asked), so
 * consumers deliver them again; they stay idempotent on the event id. The
 * relay's cursors do not move: a replay is extra, never instead.
 */
import { Timestamp, type Firestore, type Query } from "firebase-admin/firestore";
import { Collections, EventTypeSchema, type EventEnvelope } from "@showroom/model";
import { z } from "zod";
import { envelopeFromDoc } from "./outbox.js";
import type { Publish } from "./pubsub.js";

export const ReplayInputSchema = z.strictObject({
  since: z.iso.datetime({ offset: true }),
  type: EventTypeSchema.optional(),
  endpointId: z.string().min(1).max(128).optional(),
});
export type ReplayInput = z.infer<typeof ReplayInputSchema>;

const PAGE = 500;

/** The stored events since `since`, oldest first (by occurrence), read in pages. */
async function eventsSince(db: Firestore, input: ReplayInput): Promise<EventEnvelope[]> {
  let query: Query = db.collection(Collections.events).where("occurredAt", ">=", Timestamp.fromDate(new Date(input.since)));
  if (input.type) query = query.where("type", "==", input.type);
  query = query.orderBy("occurredAt").orderBy("__name__").limit(PAGE);
  const out: EventEnvelope[] = [];
  for (let page = await query.get(); ; page = await query.startAfter(page.docs.at(-1)).get()) {
    out.push(...page.docs.map((d) => envelopeFromDoc(d.data())));
    if (page.size < PAGE) return out;
  }
}

/** Sorts by subject then seq, so each ordering key's messages are published in seq order. */
export function replayOrder(envelopes: readonly EventEnvelope[]): EventEnvelope[] {
  return [...envelopes].sort((a, b) => (a.subject === b.subject ? a.seq - b.seq : a.subject < b.subject ? -1 : 1));
}

export async function replayEvents(deps: { db: Firestore; publish: Publish }, raw: unknown): Promise<{ published: number; subjects: number }> {
  const input = ReplayInputSchema.parse(raw);
  const ordered = replayOrder(await eventsSince(deps.db, input));
  const target = { replay: true as const, ...(input.endpointId ? { endpointId: input.endpointId } : {}) };
  // Issued in order on one client; Pub/Sub keeps each ordering key's order.
  await Promise.all(ordered.map((envelope) => deps.publish(envelope, target)));
  return { published: ordered.length, subjects: new Set(ordered.map((e) => e.subject)).size };
}
