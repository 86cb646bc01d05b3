/**
 * Webhook deliveries: one `webhookDeliveries/{endpointId}_{eventId}` per
 * (subscribed endpoint, event), created by the event consumer; each attempt is
 * one Cloud Tasks task (see docs/webhooks.md for why).
 *
 * Order: per endpoint and subject only the lowest-seq pending delivery may be
 * sent (the queue's head). The Pub/Sub emulator and push subscriptions do not
 * guarantee order, so `webhookSubjects/{subject}` records which seqs arrived:
 * a first delivery is sent only once every lower seq of its subject has
 * arrived (`through`), so seq n+1 never overtakes a late n.
 */
import { randomUUID } from "node:crypto";
import { FieldValue, Timestamp, type DocumentSnapshot, type Firestore } from "firebase-admin/firestore";
import {
  checkResolvedAddresses,
  Collections,
  MAX_WEBHOOK_BODY_BYTES,
  WEBHOOK_ATTEMPTS,
  WEBHOOK_LOG_RETENTION_DAYS,
  webhookDeliveryId,
  type EventEnvelope,
  type UrlPolicy,
  type WebhookDeliveryDoc,
} from "@showroom/model";
import { annotateSpan, currentTraceparent, inSpan, orderIdOf } from "../operations/tracing.js";
import { SpanAttributes } from "../operations/span-record.js";
import { traceIdOf } from "../operations/traceparent.js";
import { classifyStatus, decideAfterAttempt, type FailureStreak, type RetryPolicy } from "./decide.js";
import { signingSecrets, signWebhook, type SecretsDoc } from "./secrets.js";
import { postWebhook, type AttemptOutcome } from "./send.js";

/** Runs one attempt of a delivery after a delay (Cloud Tasks in functions). Extra calls are harmless. */
export interface Scheduler {
  schedule(deliveryId: string, attempt: number, delaySeconds: number): Promise<void>;
}

export interface DeliveryDeps {
  db: Firestore;
  scheduler: Scheduler;
  now?: () => number;
}

export interface AttemptDeps extends DeliveryDeps {
  policy: RetryPolicy;
  timeoutSeconds: number;
  urlPolicy: UrlPolicy;
  resolve?: (hostname: string) => Promise<string[]>;
  /** Told when an endpoint is disabled (log + mail to admins). */
  onDisabled?: (endpointId: string, url: string, reason: "gone" | "failing", streakSinceMs: number) => Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const deliveriesOf = (db: Firestore) => db.collection(Collections.webhookDeliveries);
/** Subjects hold exactly one "/" before an id without one, so this is one-to-one. */
export const subjectDocId = (subject: string) => subject.replace("/", "~");

export function envelopeBody(envelope: EventEnvelope): string {
  const { id, type, occurredAt, subject, seq, data } = envelope;
  return JSON.stringify({ id, type, occurredAt, subject, seq, data });
}

/** `traceparent`: the span that made the delivery (the event's consumer, or a resend's callable); each attempt continues it. */
export function newDelivery(
  envelope: EventEnvelope,
  endpointId: string,
  body: string,
  origin: WebhookDeliveryDoc["origin"],
  nowMs: number,
  traceparent: string | undefined,
) {
  const tooLarge = Buffer.byteLength(body) > MAX_WEBHOOK_BODY_BYTES;
  return {
    ...(traceparent ? { traceparent } : {}),
    endpointId,
    eventId: envelope.id,
    type: envelope.type,
    subject: envelope.subject,
    seq: envelope.seq,
    occurredAt: envelope.occurredAt,
    body: tooLarge ? "" : body,
    origin,
    status: tooLarge ? "failed" : "pending",
    attempts: 0,
    createdAt: FieldValue.serverTimestamp(),
    nextAttemptAt: Timestamp.fromMillis(nowMs),
    firstAttemptAt: null,
    leaseUntil: null,
    lastStatus: null,
    lastError: tooLarge ? "payload-too-large" : null,
    finishedAt: tooLarge ? FieldValue.serverTimestamp() : null,
    expireAt: Timestamp.fromMillis(nowMs + WEBHOOK_LOG_RETENTION_DAYS * DAY_MS),
  };
}

/** Writes one recording transaction may make (a commit takes at most 500). */
const MAX_RECORD_WRITES = 450;

/** An event as it reached the consumer, with the span it arrived in (its deliveries' attempts join that trace). */
export interface Arrival {
  envelope: EventEnvelope;
  traceparent: string | undefined;
}

export interface Recorded {
  duplicate: boolean;
  endpointIds: string[];
}

const subscribedTo = (db: Firestore, type: string) =>
  db.collection(Collections.webhookEndpoints).where("eventTypes", "array-contains", type).where("enabled", "==", true);

/**
 * First deliveries of events of one subject to every enabled endpoint
 * subscribed to each one's type, and the subject's arrival record, in as few
 * transactions as the write limit allows (usually one). A redelivered
 * message finds its seq recorded and changes nothing. Answers per event, in order.
 */
export async function recordEvents(deps: DeliveryDeps, arrivals: readonly Arrival[]): Promise<Recorded[]> {
  const results: Recorded[] = [];
  while (results.length < arrivals.length) results.push(...(await recordPage(deps, arrivals.slice(results.length))));
  return results;
}

/** Records a prefix of `arrivals` in one transaction (at least one event); answers for that prefix. */
async function recordPage(deps: DeliveryDeps, arrivals: readonly Arrival[]): Promise<Recorded[]> {
  const { db } = deps;
  const nowMs = (deps.now ?? Date.now)();
  const subject = arrivals[0]!.envelope.subject;
  const cursorRef = db.collection(Collections.webhookSubjects).doc(subjectDocId(subject));
  const types = [...new Set(arrivals.map((a) => a.envelope.type))];
  return db.runTransaction(async (tx) => {
    const [cursor, ...subscribed] = await Promise.all([tx.get(cursorRef), ...types.map((type) => tx.get(subscribedTo(db, type)))]);
    const endpointsOf = new Map(types.map((type, i) => [type, subscribed[i]!.docs]));
    const through = (cursor.get("through") as number | undefined) ?? 0;
    const ahead = new Set((cursor.get("ahead") as number[] | undefined) ?? []);
    const page: Recorded[] = [];
    let writes = 1;
    for (const { envelope, traceparent } of arrivals) {
      const endpoints = endpointsOf.get(envelope.type) ?? [];
      if (page.length > 0 && writes + endpoints.length > MAX_RECORD_WRITES) break;
      if (envelope.seq <= through || ahead.has(envelope.seq)) {
        page.push({ duplicate: true, endpointIds: [] });
        continue;
      }
      ahead.add(envelope.seq);
      writes += endpoints.length;
      const body = envelopeBody(envelope);
      for (const endpoint of endpoints) {
        tx.create(deliveriesOf(db).doc(webhookDeliveryId(endpoint.id, envelope.id)), newDelivery(envelope, endpoint.id, body, "event", nowMs, traceparent));
      }
      page.push({ duplicate: false, endpointIds: endpoints.map((d) => d.id) });
    }
    let next = through;
    while (ahead.delete(next + 1)) next += 1;
    tx.set(cursorRef, { subject, through: next, ahead: [...ahead].sort((a, b) => a - b), updatedAt: FieldValue.serverTimestamp() });
    return page;
  });
}

/**
 * A replay or resend: a new delivery of the event to one endpoint (or every
 * subscribed endpoint), its id keyed by `key` (the Pub/Sub message id, or the
 * resend's id) so the same replay message twice still makes one delivery.
 */
export async function recordRedelivery(
  deps: DeliveryDeps,
  envelope: EventEnvelope,
  target: { endpointId?: string; origin: "replay" | "resend"; key: string },
): Promise<string[]> {
  const { db } = deps;
  const nowMs = (deps.now ?? Date.now)();
  const endpointIds = target.endpointId ? [target.endpointId] : (await subscribedTo(db, envelope.type).get()).docs.map((d) => d.id);
  if (endpointIds.length === 0) return [];
  const refs = endpointIds.map((id) => deliveriesOf(db).doc(webhookDeliveryId(id, envelope.id, `${target.origin}-${target.key}`)));
  const body = envelopeBody(envelope);
  const traceparent = currentTraceparent();
  await db.runTransaction(async (tx) => {
    const existing = await tx.getAll(...refs);
    existing.forEach((snap, i) => {
      if (!snap.exists) tx.create(refs[i]!, newDelivery(envelope, endpointIds[i]!, body, target.origin, nowMs, traceparent));
    });
  });
  return endpointIds;
}

async function headOf(db: Firestore, endpointId: string, subject: string): Promise<DocumentSnapshot | undefined> {
  const pending = await deliveriesOf(db)
    .where("endpointId", "==", endpointId)
    .where("subject", "==", subject)
    .where("status", "==", "pending")
    .orderBy("seq")
    .limit(1)
    .get();
  return pending.docs[0];
}

/** Whether every lower seq of the subject has arrived, so this first delivery may go. */
async function inOrder(db: Firestore, delivery: DocumentSnapshot): Promise<boolean> {
  if (delivery.get("origin") !== "event") return true;
  const cursor = await db
    .collection(Collections.webhookSubjects)
    .doc(subjectDocId(delivery.get("subject") as string))
    .get();
  return ((cursor.get("through") as number | undefined) ?? 0) >= (delivery.get("seq") as number);
}

/**
 * Schedules the head of one endpoint's queue for one subject, if it may go now.
 * `stalledBy` (the catch-up): only if the head was due by then and no attempt holds its lease.
 */
export async function pump(deps: DeliveryDeps, endpointId: string, subject: string, stalledBy?: number): Promise<void> {
  const head = await headOf(deps.db, endpointId, subject);
  if (!head || (stalledBy !== undefined && !stalled(head, stalledBy, (deps.now ?? Date.now)())) || !(await inOrder(deps.db, head))) return;
  const endpoint = await deps.db.collection(Collections.webhookEndpoints).doc(endpointId).get();
  if (endpoint.get("enabled") !== true) return;
  const dueMs = (head.get("nextAttemptAt") as Timestamp).toMillis();
  const delaySeconds = Math.max(0, (dueMs - (deps.now ?? Date.now)()) / 1000);
  await deps.scheduler.schedule(head.id, (head.get("attempts") as number) + 1, delaySeconds);
}

function stalled(delivery: DocumentSnapshot, dueByMs: number, nowMs: number): boolean {
  const lease = delivery.get("leaseUntil") as Timestamp | null;
  return (delivery.get("nextAttemptAt") as Timestamp).toMillis() <= dueByMs && (lease === null || lease.toMillis() <= nowMs);
}

/** Every endpoint with pending deliveries on a subject gets its head scheduled (after new arrivals). */
export async function pumpSubject(deps: DeliveryDeps, subject: string): Promise<void> {
  const pending = await deliveriesOf(deps.db).where("subject", "==", subject).where("status", "==", "pending").select("endpointId").get();
  const endpointIds = new Set(pending.docs.map((d) => d.get("endpointId") as string));
  await Promise.all([...endpointIds].map((id) => pump(deps, id, subject)));
}

/** After an endpoint is enabled again: every subject it has waiting deliveries for. */
export async function pumpEndpoint(deps: DeliveryDeps, endpointId: string): Promise<void> {
  const pending = await deliveriesOf(deps.db).where("endpointId", "==", endpointId).where("status", "==", "pending").select("subject").get();
  const subjects = new Set(pending.docs.map((d) => d.get("subject") as string));
  await Promise.all([...subjects].map((subject) => pump(deps, endpointId, subject)));
}

type Claim =
  | { kind: "skip"; why: string }
  | {
      kind: "claimed";
      endpointId: string;
      eventId: string;
      subject: string;
      url: string;
      body: string;
      secrets: string[];
      firstAttemptMs: number;
      streak: { consecutive: number; sinceMs: number | null };
      traceparent: string | null;
    };
type Claimed = Extract<Claim, { kind: "claimed" }>;

/**
 * Takes attempt `n` of a delivery: only one task can, because the delivery's
 * `attempts` moves from n - 1 to n in a transaction (or a crashed attempt's
 * lease has run out). Only the delivery document is locked: endpoint,
 * secrets and order are read before, and a stale read only makes this task
 * step aside for the one the change itself schedules.
 */
async function claim(deps: AttemptDeps, deliveryId: string, n: number, nowMs: number): Promise<Claim> {
  const { db } = deps;
  const ref = deliveriesOf(db).doc(deliveryId);
  const snap = await ref.get();
  if (!snap.exists || snap.get("status") !== "pending") return { kind: "skip", why: "not pending" };
  const endpointId = snap.get("endpointId") as string;
  const [endpoint, secrets] = await db.getAll(
    db.collection(Collections.webhookEndpoints).doc(endpointId),
    db.collection(Collections.webhookSecrets).doc(endpointId),
  );
  if (!endpoint?.exists || !secrets?.exists) {
    await ref.update({ status: "cancelled", lastError: "endpoint deleted", finishedAt: FieldValue.serverTimestamp() });
    return { kind: "skip", why: "endpoint deleted" };
  }
  if (endpoint.get("enabled") !== true) return { kind: "skip", why: "endpoint disabled" };
  const head = await headOf(db, endpointId, snap.get("subject") as string);
  if (head && head.id !== deliveryId && (head.get("seq") as number) < (snap.get("seq") as number)) return { kind: "skip", why: "waits for an earlier seq" };
  if (!(await inOrder(db, snap))) return { kind: "skip", why: "waits for an earlier seq to arrive" };

  const leaseMs = (deps.timeoutSeconds + 30) * 1000;
  const taken = await db.runTransaction(async (tx) => {
    const current = await tx.get(ref);
    if (current.get("status") !== "pending") return null;
    const attempts = current.get("attempts") as number;
    const lease = current.get("leaseUntil") as Timestamp | null;
    const leaseOver = lease === null || lease.toMillis() <= nowMs;
    const fresh = attempts === n - 1 && leaseOver;
    const crashed = attempts === n && leaseOver && lease !== null;
    if (!fresh && !crashed) return null;
    const first = (current.get("firstAttemptAt") as Timestamp | null)?.toMillis() ?? nowMs;
    tx.update(ref, { attempts: n, leaseUntil: Timestamp.fromMillis(nowMs + leaseMs), firstAttemptAt: Timestamp.fromMillis(first) });
    return first;
  });
  if (taken === null) return { kind: "skip", why: "taken by another task" };
  const failure = endpoint.get("failure") as { consecutive?: number; since?: Timestamp | null } | undefined;
  return {
    kind: "claimed",
    endpointId,
    eventId: snap.get("eventId") as string,
    subject: snap.get("subject") as string,
    url: endpoint.get("url") as string,
    body: snap.get("body") as string,
    secrets: signingSecrets(secrets.data() as SecretsDoc, nowMs),
    firstAttemptMs: taken,
    streak: { consecutive: failure?.consecutive ?? 0, sinceMs: failure?.since?.toMillis() ?? null },
    traceparent: (snap.get("traceparent") as string | undefined) ?? null,
  };
}

/** In production, what the host resolves to now (DNS may have changed since the endpoint was saved). */
async function addressProblem(deps: AttemptDeps, url: string): Promise<string | null> {
  if (deps.urlPolicy !== "production" || !deps.resolve) return null;
  return checkResolvedAddresses(await deps.resolve(new URL(url).hostname.replace(/^\[|\]$/g, "")));
}

/**
 * What one attempt came to, for the attempt's log line (the webhook failure-rate metric reads it);
 * `traceId` ties the line to the trace of the request that caused the event.
 */
export type AttemptSummary = ({ outcome: "delivered" | "paused" | "retry" | "failed" } | { outcome: "skipped"; why: string }) & { traceId?: string };

/** One attempt of a delivery: claim, then POST, record the attempt and decide what comes next, in the delivery's trace. */
export async function attemptDelivery(deps: AttemptDeps, deliveryId: string, n: number): Promise<AttemptSummary> {
  const claimed = await claim(deps, deliveryId, n, (deps.now ?? Date.now)());
  if (claimed.kind === "skip") return { outcome: "skipped", why: claimed.why };
  const attributes = {
    [SpanAttributes.deliveryId]: deliveryId,
    [SpanAttributes.attempt]: n,
    [SpanAttributes.subject]: claimed.subject,
    ...orderIdOf(claimed.subject),
  };
  return inSpan("webhooks.attempt", { parent: claimed.traceparent, attributes }, () => sendAttempt(deps, deliveryId, n, claimed));
}

async function sendAttempt(deps: AttemptDeps, deliveryId: string, n: number, claimed: Claimed): Promise<AttemptSummary> {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const ref = deliveriesOf(db).doc(deliveryId);
  const requestId = randomUUID();
  // The receiver gets this attempt's span as its parent: same trace id as the order that caused the event.
  const traceparent = currentTraceparent();
  const traceId = traceIdOf(traceparent);
  const blocked = await addressProblem(deps, claimed.url);
  const sentAt = new Date(now());
  const result: AttemptOutcome = blocked
    ? { status: null, latencyMs: 0, responseSnippet: "", error: blocked }
    : await postWebhook(
        claimed.url,
        claimed.body,
        // `webhook-id` is the event id on every attempt, replay and resend, so receivers can dedupe (DESIGN.md).
        { ...signWebhook(claimed.secrets, claimed.eventId, sentAt, claimed.body), "x-showroom-request-id": requestId, ...(traceparent ? { traceparent } : {}) },
        deps.timeoutSeconds * 1000,
      );

  const nowMs = now();
  const { decision, streak, disable } = decideAfterAttempt({
    result: classifyStatus(result.status),
    attempt: n,
    firstAttemptMs: claimed.firstAttemptMs,
    nowMs,
    streak: claimed.streak,
    policy: deps.policy,
  });
  const { endpointId } = claimed;
  const batch = db.batch();
  batch.set(ref.collection(WEBHOOK_ATTEMPTS).doc(String(n)), {
    n,
    requestId,
    at: Timestamp.fromDate(sentAt),
    status: result.status,
    latencyMs: result.latencyMs,
    responseSnippet: result.responseSnippet,
    error: result.error,
    traceId,
    expireAt: Timestamp.fromMillis(nowMs + WEBHOOK_LOG_RETENTION_DAYS * DAY_MS),
  });
  const finished = decision.delivery === "delivered" || decision.delivery === "failed";
  batch.update(ref, {
    status: finished ? decision.delivery : "pending",
    leaseUntil: null,
    lastStatus: result.status,
    lastError: result.error,
    nextAttemptAt: Timestamp.fromMillis(nowMs + (decision.delivery === "retry" ? decision.delaySeconds * 1000 : 0)),
    finishedAt: finished ? FieldValue.serverTimestamp() : null,
  });
  await batch.commit();
  // The streak is read at claim time, so concurrent attempts may undercount it; it only steers auto-disable.
  if (streak.consecutive !== claimed.streak.consecutive || disable) {
    await updateEndpointHealth(db, endpointId, streak, disable);
  }

  if (decision.delivery === "retry") await deps.scheduler.schedule(deliveryId, n + 1, decision.delaySeconds);
  if (finished) await pump(deps, endpointId, claimed.subject);
  if (disable) await deps.onDisabled?.(endpointId, claimed.url, disable, streak.sinceMs ?? nowMs);
  annotateSpan({ [SpanAttributes.outcome]: decision.delivery });
  return { outcome: decision.delivery, ...(traceId ? { traceId } : {}) };
}

async function updateEndpointHealth(db: Firestore, endpointId: string, streak: FailureStreak, disable: "gone" | "failing" | null): Promise<void> {
  try {
    await db
      .collection(Collections.webhookEndpoints)
      .doc(endpointId)
      .update({
        failure: { consecutive: streak.consecutive, since: streak.sinceMs === null ? null : Timestamp.fromMillis(streak.sinceMs) },
        ...(disable ? { enabled: false, disabledReason: disable, updatedAt: FieldValue.serverTimestamp() } : {}),
      });
  } catch (error) {
    // Deleted meanwhile: there is no health left to record.
    if ((error as { code?: number }).code !== 5) throw error;
  }
}
