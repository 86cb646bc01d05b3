/**
 * The relay: publishes each subject's stored events to Pub/Sub in seq order,
 * at least once, and resumes where it stopped after a crash.
 *
 * Per subject, `eventCursors/{subject}` holds `publishedSeq` (every event up to
 * it is published) and a lease, so one relay at a time drains a subject:
 * another one that finds the lease taken sets `pending`, and the holder drains
 * again before it lets go, so no event waits for the next catch-up. A drain
 * reads the events after the cursor in seq order, publishes them, then in one
 * transaction moves the cursor forward (never back: `max`) and stamps their
 * `publishedAt`. A crash before that transaction publishes them again next
 * time (duplicates, never gaps); a crashed holder's lease expires after
 * LEASE_MS and the catch-up (triggers.ts) takes over.
 */
import { randomUUID } from "node:crypto";
import { FieldValue, type DocumentData, type Firestore } from "firebase-admin/firestore";
import { Collections, type EventEnvelope, type EventSubject } from "@showroom/model";
import { currentTraceparent, inSpan, orderIdOf } from "../operations/tracing.js";
import { SpanAttributes } from "../operations/span-record.js";
import { envelopeFromDoc } from "./outbox.js";
import { eventsPublished } from "../logs.js";
import type { Publish } from "./pubsub.js";

export const LEASE_MS = 60_000;
/** Events published per drain round (each round's cursor transaction also stamps them). */
const PAGE = 200;

export interface RelayDeps {
  db: Firestore;
  publish: Publish;
  now: () => number;
  /** This relay's lease owner id. */
  owner: string;
}

export const cursorId = (subject: EventSubject) => subject.replace("/", "~");

interface Cursor {
  publishedSeq: number;
  leaseOwner: string | null;
  leaseUntilMs: number;
  pending: boolean;
}

const cursorRef = (db: Firestore, subject: EventSubject) => db.collection(Collections.eventCursors).doc(cursorId(subject));

function readCursor(data: DocumentData | undefined): Cursor {
  return {
    publishedSeq: data?.publishedSeq ?? 0,
    leaseOwner: data?.leaseOwner ?? null,
    leaseUntilMs: data?.leaseUntilMs ?? 0,
    pending: data?.pending === true,
  };
}

/** Takes the subject's lease and answers its cursor, or flags `pending` for the holder and answers null. */
async function acquire(deps: RelayDeps, subject: EventSubject): Promise<number | null> {
  const ref = cursorRef(deps.db, subject);
  return deps.db.runTransaction(async (tx) => {
    const cursor = readCursor((await tx.get(ref)).data());
    const now = deps.now();
    if (cursor.leaseOwner && cursor.leaseOwner !== deps.owner && cursor.leaseUntilMs > now) {
      if (!cursor.pending) tx.set(ref, { pending: true }, { merge: true });
      return null;
    }
    tx.set(ref, { subject, publishedSeq: cursor.publishedSeq, leaseOwner: deps.owner, leaseUntilMs: now + LEASE_MS, pending: false }, { merge: true });
    return cursor.publishedSeq;
  });
}

/**
 * Moves the cursor to `upTo` and stamps those events; answers whether to drain
 * again (a full page, or another relay asked), keeping the lease if so.
 */
async function advance(deps: RelayDeps, subject: EventSubject, published: string[], upTo: number, more: boolean): Promise<{ again: boolean; from: number }> {
  const ref = cursorRef(deps.db, subject);
  return deps.db.runTransaction(async (tx) => {
    const cursor = readCursor((await tx.get(ref)).data());
    const publishedSeq = Math.max(cursor.publishedSeq, upTo);
    const stillOurs = cursor.leaseOwner === deps.owner;
    const again = stillOurs && (more || cursor.pending);
    const lease = again ? { leaseUntilMs: deps.now() + LEASE_MS, pending: false } : stillOurs ? { leaseOwner: null, leaseUntilMs: 0 } : {};
    // relayedAt: the webhook catch-up checks the subjects the relay moved lately (webhooks/catch-up.ts).
    const moved = published.length > 0 ? { relayedAt: FieldValue.serverTimestamp() } : {};
    tx.set(ref, { subject, publishedSeq, ...moved, ...lease }, { merge: true });
    for (const id of published) tx.update(deps.db.collection(Collections.events).doc(id), { publishedAt: FieldValue.serverTimestamp() });
    return { again, from: publishedSeq };
  });
}

async function release(deps: RelayDeps, subject: EventSubject): Promise<void> {
  const ref = cursorRef(deps.db, subject);
  await deps.db.runTransaction(async (tx) => {
    if ((await tx.get(ref)).get("leaseOwner") === deps.owner) tx.set(ref, { leaseOwner: null, leaseUntilMs: 0 }, { merge: true });
  });
}

/**
 * One publish in the trace of the request that caused the event (a span of
 * its own there), the message carrying that trace on to the consumers.
 * Untraced events are published as they are.
 */
function publishTraced(deps: RelayDeps, envelope: EventEnvelope, traceparent: string | undefined): Promise<void> {
  if (!traceparent) return deps.publish(envelope);
  const attributes = { [SpanAttributes.subject]: envelope.subject, [SpanAttributes.eventId]: envelope.id, ...orderIdOf(envelope.subject) };
  // The span is started synchronously, so the publish is still issued in seq order.
  return inSpan("events.publish", { parent: traceparent, attributes }, () => deps.publish(envelope, undefined, currentTraceparent()));
}

/** Publishes every unpublished event of one subject in seq order; answers how many. */
export async function drainSubject(deps: RelayDeps, subject: EventSubject): Promise<number> {
  let from = await acquire(deps, subject);
  if (from === null) return 0;
  let count = 0;
  try {
    for (;;) {
      const snap = await deps.db.collection(Collections.events).where("subject", "==", subject).where("seq", ">", from).orderBy("seq").limit(PAGE).get();
      // Seqs are gap-free per subject (one counter, written in each event's transaction); stop at a gap rather than skip.
      const stored = snap.docs.map((d) => ({ envelope: envelopeFromDoc(d.data()), traceparent: d.get("traceparent") as string | undefined }));
      const runStored = stored.filter(({ envelope }, i) => envelope.seq === from! + 1 + i);
      const run = runStored.map(({ envelope }) => envelope);
      // Issued in order on one client: Pub/Sub keeps an ordering key's messages in the order published.
      await Promise.all(runStored.map(({ envelope, traceparent }) => publishTraced(deps, envelope, traceparent)));
      if (run[0]) eventsPublished(subject, run.length, deps.now() - Date.parse(run[0].occurredAt));
      count += run.length;
      const next = await advance(
        deps,
        subject,
        run.map((e) => e.id),
        from + run.length,
        run.length === PAGE,
      );
      if (!next.again) return count;
      from = next.from;
    }
  } catch (error) {
    // Let another relay (or the catch-up) take over now rather than after the lease runs out.
    await release(deps, subject).catch(() => undefined);
    throw error;
  }
}

/**
 * One drain per subject at a time in this process: triggers arriving during a
 * drain ask for one more round instead of starting their own (a burst of 100
 * events for one SKU costs a few cursor transactions, not 100 contending ones).
 */
export function relayer(deps: Omit<RelayDeps, "owner">): (subject: EventSubject) => Promise<void> {
  const relayDeps: RelayDeps = { ...deps, owner: randomUUID() };
  const running = new Map<EventSubject, { again: boolean; done: Promise<void> }>();
  return (subject) => {
    const current = running.get(subject);
    if (current) {
      current.again = true;
      return current.done;
    }
    const state = { again: false, done: Promise.resolve() };
    state.done = (async () => {
      try {
        do {
          state.again = false;
          await drainSubject(relayDeps, subject);
        } while (state.again);
      } finally {
        running.delete(subject);
      }
    })();
    running.set(subject, state);
    return state.done;
  };
}

/** Each subject's `publishedSeq` (0 when it has no cursor yet), in one read. */
export async function publishedSeqs(db: Firestore, subjects: EventSubject[]): Promise<number[]> {
  if (subjects.length === 0) return [];
  const snaps = await db.getAll(...subjects.map((subject) => cursorRef(db, subject)));
  return snaps.map((snap) => readCursor(snap.data()).publishedSeq);
}

/** Subjects with events not yet published (oldest first), for the catch-up. */
export async function unpublishedSubjects(db: Firestore, limit = 500): Promise<EventSubject[]> {
  const snap = await db.collection(Collections.events).where("publishedAt", "==", null).limit(limit).get();
  return [...new Set(snap.docs.map((d) => String(d.get("subject")) as EventSubject))];
}
