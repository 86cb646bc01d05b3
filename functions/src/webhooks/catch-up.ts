/**
 * The webhook catch-up (schedule, every minute): what a crashed instance can
 * leave behind on the delivery side, found and moved on.
 *
 * - **Arrivals the consumer never recorded.** A `webhooksOnEvent` that died
 *   (or whose message Pub/Sub gave up on) leaves its event published but not
 *   recorded. Subjects the relay moved in the window carry `relayedAt` on
 *   their `eventCursors` doc; where `webhookSubjects.through` is behind the
 *   relay's `publishedSeq`, the missing seqs are read from `events` and
 *   recorded as the consumer would (recordEvents is idempotent per seq).
 * - **Deliveries whose task was lost.** A pending delivery whose attempt is
 *   overdue by `graceMs` and not leased (or whose lease ran out: an attempt
 *   that died mid-send) has its endpoint's queue for that subject pumped
 *   again; the claim lets only one task take each attempt.
 *
 * Cost per run: one read per subject relayed in the window plus, for each
 * that is behind, its missing events; one query of at most RESCUE_PAGE
 * overdue deliveries plus a head query per (endpoint, subject) among them.
 */
import { Timestamp } from "firebase-admin/firestore";
import { Collections } from "@showroom/model";
import { envelopeFromDoc } from "../events/outbox.js";
import { currentTraceparent } from "../operations/tracing.js";
import { pump, pumpSubject, recordEvents, subjectDocId, type DeliveryDeps } from "./deliveries.js";

/** How far back arrivals are checked: a run that fails is covered by the next ones. */
export const ARRIVALS_WINDOW_MS = 15 * 60_000;
const RESCUE_PAGE = 200;

export interface CatchUpResult {
  /** Events recorded for delivery that the consumer had missed. */
  recorded: number;
  /** Endpoint queues (endpoint × subject) with an overdue delivery, pumped if their head is stalled. */
  rescued: number;
}

/** Records the published events of subjects relayed in [fromMs, toMs] that the consumer has not recorded. */
export async function catchUpArrivals(deps: DeliveryDeps, fromMs: number, toMs: number): Promise<number> {
  const { db } = deps;
  const moved = await db
    .collection(Collections.eventCursors)
    .where("relayedAt", ">=", Timestamp.fromMillis(fromMs))
    .where("relayedAt", "<=", Timestamp.fromMillis(toMs))
    .get();
  let recorded = 0;
  for (const cursor of moved.docs) {
    const subject = cursor.get("subject") as string;
    const publishedSeq = (cursor.get("publishedSeq") as number | undefined) ?? 0;
    const arrivals = await db.collection(Collections.webhookSubjects).doc(subjectDocId(subject)).get();
    const through = (arrivals.get("through") as number | undefined) ?? 0;
    if (through >= publishedSeq) continue;
    const ahead = new Set((arrivals.get("ahead") as number[] | undefined) ?? []);
    const missing = await db
      .collection(Collections.events)
      .where("subject", "==", subject)
      .where("seq", ">", through)
      .where("seq", "<=", publishedSeq)
      .orderBy("seq")
      .get();
    const unrecorded = missing.docs
      .filter((event) => !ahead.has(event.get("seq") as number))
      .map((event) => ({ envelope: envelopeFromDoc(event.data()), traceparent: currentTraceparent() }));
    recorded += (await recordEvents(deps, unrecorded)).filter((r) => !r.duplicate).length;
    await pumpSubject(deps, subject);
  }
  return recorded;
}

/** Pumps every endpoint queue whose head attempt is overdue by `graceMs` (its task was lost, or its attempt died). */
export async function rescueStalled(deps: DeliveryDeps, nowMs: number, graceMs: number): Promise<number> {
  const { db } = deps;
  const overdue = await db
    .collection(Collections.webhookDeliveries)
    .where("status", "==", "pending")
    .where("nextAttemptAt", "<=", Timestamp.fromMillis(nowMs - graceMs))
    .orderBy("nextAttemptAt")
    .limit(RESCUE_PAGE)
    .get();
  const queues = new Map<string, { endpointId: string; subject: string }>();
  for (const d of overdue.docs) {
    const endpointId = d.get("endpointId") as string;
    const subject = d.get("subject") as string;
    queues.set(`${endpointId} ${subject}`, { endpointId, subject });
  }
  // A queue whose head is in its backoff, or being attempted, is not stalled: pump leaves it alone.
  await Promise.all([...queues.values()].map(({ endpointId, subject }) => pump(deps, endpointId, subject, nowMs - graceMs)));
  return queues.size;
}

export async function catchUpWebhooks(deps: DeliveryDeps, nowMs: number, graceMs: number): Promise<CatchUpResult> {
  const recorded = await catchUpArrivals(deps, nowMs - ARRIVALS_WINDOW_MS, nowMs - graceMs);
  const rescued = await rescueStalled(deps, nowMs, graceMs);
  return { recorded, rescued };
}
