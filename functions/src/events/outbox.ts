/**
 * The outbox's Firestore side: events go into `events/{id}` inside the
 * caller's transaction (or batch), and come back out as the envelope consumers
 * receive (DESIGN.md "Contract, part 2").
 */
import { FieldValue, Timestamp, type DocumentData, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import { Collections, parseEventEnvelope, type EventEnvelope } from "@showroom/model";
import { currentTraceparent } from "../operations/tracing.js";
import { commitSubjects, type CommitSubject, type OutboxEvent } from "./build.js";

/** A transaction or a write batch: both create documents. */
interface Creates {
  create(ref: DocumentReference, data: DocumentData): unknown;
}

/**
 * `occurredAt` is the decision time (the engine's clock); `createdAt` the
 * commit time; `publishedAt` stays null until the relay has published the
 * event (relay.ts sets it together with the subject's cursor). `traceparent`
 * is the causing request's trace (the engine stamps it per request; other
 * writers run inside their callable's span, `writerTraceparent`), which the
 * relay hands on.
 */
function eventToDoc(event: OutboxEvent, writerTraceparent: string | undefined): DocumentData {
  const { occurredAtMs, traceparent: _traceparent, ...rest } = event;
  const traceparent = event.traceparent ?? writerTraceparent;
  return {
    ...rest,
    ...(traceparent ? { traceparent } : {}),
    occurredAt: Timestamp.fromMillis(occurredAtMs),
    createdAt: FieldValue.serverTimestamp(),
    publishedAt: null,
  };
}

/** How long a commit's relay marker is kept (TTL on `expireAt`): it only has to outlive its trigger. */
const COMMIT_MARKER_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The events, and one `eventCommits` marker naming their subjects: the relay
 * runs once per commit, not once per event. A group commit of 100 orders
 * writes 200 events; the Firestore emulator runs document triggers one at a
 * time, and production pays one invocation per document. Answers the
 * marker's subjects, for the writer's own relay (instance-relay.ts).
 */
export function writeEvents(writer: Creates, db: Firestore, events: readonly OutboxEvent[]): CommitSubject[] {
  if (events.length === 0) return [];
  // Read once: every event without a trace of its own, and the marker, take the writer's.
  const writerTraceparent = currentTraceparent();
  for (const event of events) writer.create(db.collection(Collections.events).doc(event.id), eventToDoc(event, writerTraceparent));
  const subjects = commitSubjects(events, writerTraceparent);
  // Named after its first event: a retried transaction writes the same marker, and the marker of an erasure's
  // announcement is found beside it.
  writer.create(db.collection(Collections.eventCommits).doc(events[0]!.id), {
    subjects,
    createdAt: FieldValue.serverTimestamp(),
    expireAt: Timestamp.fromMillis(events[0]!.occurredAtMs + COMMIT_MARKER_TTL_MS),
  });
  return subjects;
}

/** The envelope of a stored event; a document that does not parse throws (a bug, never skipped silently). */
export function envelopeFromDoc(data: DocumentData): EventEnvelope {
  const occurredAt = data.occurredAt instanceof Timestamp ? data.occurredAt.toDate().toISOString() : data.occurredAt;
  return parseEventEnvelope({ id: data.id, type: data.type, occurredAt, subject: data.subject, seq: data.seq, data: data.data });
}
