/** One named function per log line, so messages stay greppable and consistent. */
import { logger } from "firebase-functions";
import type { AttemptSummary } from "./webhooks/deliveries.js";

// ---- Metrics (issue 13): the log-based metrics in monitoring/metrics read these lines by message and
// field; monitoring/monitoring.test.ts fails when one drifts from its metric's filter. ----

/** One line per callable answer: the error-rate and latency metrics. `outcome` is "ok" or the error code. */
export function callableAnswered(operation: string, outcome: string, durationMs: number): void {
  logger.debug("callable: answered", { operation, outcome, durationMs });
}

/** One line per relayed run of a subject's events: the outbox lag metric (commit of the oldest → publish). */
export function eventsPublished(subject: string, count: number, lagMs: number): void {
  logger.info("events: published", { subject, count, lagMs });
}

export function unexpectedError(callable: string, uid: string | undefined, error: unknown): void {
  logger.error(`${callable}: unexpected error`, {
    uid,
    error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
  });
}

export function transientError(callable: string, uid: string | undefined, error: unknown): void {
  logger.warn(`${callable}: Firestore failed transiently; answered unavailable`, {
    uid,
    error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
  });
}

export function roleChanged(actorUid: string, targetUid: string, role: string | null): void {
  logger.info("setUserRole: role changed", { actorUid, targetUid, role });
}

export function stockBatchFailed(requests: number, error: unknown): void {
  logger.error("inventory: stock batch transaction failed", {
    requests,
    error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
  });
}

/** `traceIds`: the trace of each request in the batch (one group commit serves many). */
export function stockBatchCommitted(requests: number, ms: number, traceIds: string[]): void {
  logger.debug("inventory: stock batch committed", { requests, ms, traceIds });
}

/** One line per sweep run, also when nothing expired: the holds-active metric reads `active`. */
export function holdsSwept(holds: number, skus: number, active: number): void {
  logger.info("inventory: expired holds swept", { holds, skus, active });
}

export function productInStockChanged(productId: string, inStock: boolean): void {
  logger.info("catalog: product in-stock flag changed", { productId, inStock });
}

// ---- Customer data (issue 7): uids only, never names, emails or phones. ----

export function profileCreated(uid: string, created: boolean): void {
  logger.info("customers: profile ensured", { uid, created });
}

export function backInStockSent(sku: string, subscribers: number, notified: number): void {
  logger.info("customers: back-in-stock notifications", { sku, subscribers, notified });
}

export function anonymousAccountsCleaned(idle: number, erased: number): void {
  logger.info("customers: idle anonymous accounts erased", { idle, erased });
}

export function dataExported(uid: string, documents: number): void {
  logger.info("customers: data exported", { uid, documents });
}

export function accountErased(placeholder: string, counts: Record<string, number>): void {
  logger.info("customers: account erased", { placeholder, ...counts });
}

export function customerLookedUp(staffUid: string, customerUid: string): void {
  logger.info("customers: staff looked up a customer", { staffUid, customerUid });
}

// ---- Events (issue 11): ids, subjects and counts only. ----

export function eventsRelayCaughtUp(subjects: number, failed: number): void {
  logger.info("events: catch-up drained subjects with unpublished events", { subjects, failed });
}

export function webhooksCaughtUp(recorded: number, rescued: number): void {
  logger.info("webhooks: catch-up recorded missed arrivals and pumped stalled queues", { recorded, rescued });
}

export function eventsRelayFailed(subject: string, error: unknown): void {
  logger.warn("events: relay could not publish; the next trigger or the catch-up resumes from the cursor", {
    subject,
    error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
  });
}

// ---- Events, webhooks and mail (issue 11): ids and states, never payloads. ----

export function eventMessageRejected(consumer: string, messageId: string, reason: string): void {
  logger.error(`${consumer}: event message rejected`, { messageId, reason });
}

/** One line per delivery attempt: the webhook failure-rate metric counts outcomes other than "delivered" and "skipped". */
export function webhookAttempted(deliveryId: string, attempt: number, summary: AttemptSummary): void {
  logger.info("webhooks: attempt", { deliveryId, attempt, ...summary });
}

export function webhookEndpointDisabled(endpointId: string, url: string, reason: string, admins: number): void {
  logger.warn("webhooks: endpoint disabled", { endpointId, url, reason, adminsMailed: admins });
}

export function mailSent(mailId: string, attempts: number): void {
  logger.info("mail: sent", { mailId, attempts });
}

export function mailFailed(mailId: string, attempts: number, error: string, final: boolean): void {
  logger.warn("mail: send failed", { mailId, attempts, error, final });
}

export function mailSkipped(kind: string, subjectId: string, why: string): void {
  logger.info("mail: not queued", { kind, subjectId, why });
}

export function apiUnexpectedError(method: string, path: string, keyId: string | null, error: unknown): void {
  logger.error("api: unexpected error", { method, path, keyId, error: error instanceof Error ? error.stack : String(error) });
}

export function apiUsageNotRecorded(keyId: string, error: unknown): void {
  logger.warn("api: key usage not recorded", { keyId, error: String(error) });
}

export function apiKeyChanged(actorUid: string, keyId: string, change: "created" | "revoked"): void {
  logger.info(`api: key ${change}`, { actorUid, keyId });
}

export function surveyInvitesSent(sent: number, emailed: number): void {
  logger.info("feedback: survey invitations sent", { sent, emailed });
}

// ---- Operations (issue 13): the reconcile and its alerts. ----

/** One line per reconcile run: the "reconcile did not run" absence alert and the drift metric read it. */
export function reconcileRan(run: { trigger: string; checked: number; drift: number; opened: number; reads: number; durationMs: number }): void {
  logger.info("operations: reconcile ran", run);
}

/** A scheduled run fired while another held the lease (reconcile period shorter than a run). */
export function reconcileSkipped(): void {
  logger.info("operations: reconcile skipped, a run is in progress");
}

export function stockDriftAlertOpened(alertId: string, sku: string, problems: number, adminsMailed: number): void {
  logger.warn("operations: stock drift alert opened", { alertId, sku, problems, adminsMailed });
}

export function alertChanged(alertId: string, status: string, actorUid: string): void {
  logger.info("operations: alert changed", { alertId, status, actorUid });
}

export function healthCheckFailed(error: unknown): void {
  logger.error("operations: health check failed", { error: error instanceof Error ? { name: error.name, message: error.message } : String(error) });
}

/** Answers counted in memory that did not reach their minute's health document (the answers themselves went out). */
export function opsMinuteNotRecorded(minuteId: string, answers: number, error: unknown): void {
  logger.warn("operations: minute stats not recorded", { minuteId, answers, error: error instanceof Error ? error.message : String(error) });
}
