/**
 * Stock-drift alerts: opening one (or seeing it again) and the staff actions
 * on it. Each runs in its own transaction over the subject's slot and the
 * alert, never over stock documents, so it cannot hold up a sale.
 */
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import {
  AlertDocSchema,
  AlertSlotSchema,
  alertIdOf,
  alertSlotId,
  Collections,
  MAX_ALERT_PROBLEMS,
  newAlertFields,
  nextAlertStatus,
  subjectOf,
  type AlertAction,
} from "@showroom/model";
import { auth } from "../app.js";
import { config } from "../config.js";
import { nextEvent } from "../events/build.js";
import { writeEvents } from "../events/outbox.js";
import { alertChanged, stockDriftAlertOpened } from "../logs.js";
import { stockDriftMail } from "../mail/compose.js";
import { mailDoc, safeMailId } from "../mail/queue.js";
import { appendAudit } from "../shared/audit.js";
import { refusal, type Caller } from "../shared/callable.js";
import { listStaff } from "../staff/list-staff.js";
import type { Drift } from "./check-stock.js";

const SYSTEM = { uid: "system", role: null } as const;

/** The problems of each SKU with real drift (settling views are the sweep's job, not an alert). */
export function driftBySku(drift: Drift[]): Map<string, string[]> {
  const bySku = new Map<string, string[]>();
  for (const d of drift) if (!d.settling) bySku.set(d.sku, [...(bySku.get(d.sku) ?? []), d.problem]);
  return bySku;
}

async function adminEmails(): Promise<string[]> {
  const { staff } = await listStaff({ auth: auth() }, {});
  return staff.filter((s) => s.role === "admin" && s.email).map((s) => s.email!);
}

/**
 * Opens a `stock-drift` alert for the SKU, with its mail to every admin and
 * its `alert.opened` event, all in one transaction; or, while the subject's
 * alert is still open or acknowledged, only records that it was seen again.
 * Returns the alert's id and whether it was opened now.
 */
export async function raiseStockDrift(db: Firestore, sku: string, problems: string[], admins: string[]): Promise<{ alertId: string; opened: boolean }> {
  const slotRef = db.collection(Collections.alertSubjects).doc(alertSlotId("stock-drift", sku));
  const outcome = await db.runTransaction(async (tx) => {
    const slotSnap = await tx.get(slotRef);
    const slot = slotSnap.exists ? AlertSlotSchema.parse(slotSnap.data()) : { openAlertId: null, episodes: 0 };
    const now = Timestamp.now();
    if (slot.openAlertId) {
      const alertRef = db.collection(Collections.alerts).doc(slot.openAlertId);
      tx.update(alertRef, { lastSeenAt: now, problems: problems.slice(0, MAX_ALERT_PROBLEMS), seenCount: FieldValue.increment(1) });
      return { alertId: slot.openAlertId, opened: false };
    }
    const episode = slot.episodes + 1;
    const alertId = alertIdOf("stock-drift", sku, episode);
    const fields = newAlertFields("stock-drift", sku, episode, problems);
    const event = nextEvent(fields, "alert.opened", subjectOf.alert(alertId), now.toMillis(), {
      alertId,
      kind: fields.kind,
      subject: fields.subject,
      problems: fields.problems,
    });
    tx.create(db.collection(Collections.alerts).doc(alertId), { ...fields, openedAt: now, lastSeenAt: now });
    tx.set(slotRef, { openAlertId: alertId, episodes: episode });
    writeEvents(tx, db, [event]);
    // One mail per alert (its id names it): seeing the drift again mails nobody.
    if (admins.length)
      tx.create(
        db.collection(Collections.mail).doc(safeMailId(`alert-${alertId}`)),
        mailDoc(admins, stockDriftMail({ alertId, sku, problems: fields.problems }, config.mail.storeUrl)),
      );
    appendAudit(tx, { actor: SYSTEM, action: "alert.opened", target: { kind: "alert", id: alertId }, after: { sku, problems: fields.problems } });
    return { alertId, opened: true };
  });
  if (outcome.opened) stockDriftAlertOpened(outcome.alertId, sku, problems.length, admins.length);
  return outcome;
}

/** Raises an alert for every SKU with real drift; returns the alerts' ids and how many were opened now. */
export async function raiseDriftAlerts(db: Firestore, drift: Drift[]): Promise<{ alertIds: string[]; opened: number }> {
  const bySku = driftBySku(drift);
  if (bySku.size === 0) return { alertIds: [], opened: 0 };
  const admins = await adminEmails();
  const outcomes = await Promise.all([...bySku].map(([sku, problems]) => raiseStockDrift(db, sku, problems, admins)));
  return { alertIds: outcomes.map((o) => o.alertId), opened: outcomes.filter((o) => o.opened).length };
}

/**
 * A staff member acknowledges or resolves an alert; audited in the same
 * transaction. Resolving frees the subject's slot, so drift found afterwards
 * opens a new alert (the next episode).
 */
export async function actOnAlert(db: Firestore, alertId: string, action: AlertAction, caller: Caller, note?: string) {
  const alertRef = db.collection(Collections.alerts).doc(alertId);
  const status = await db.runTransaction(async (tx) => {
    const snap = await tx.get(alertRef);
    if (!snap.exists) throw refusal("not-found", `No alert ${alertId}.`, { reason: "unknown-alert", alertId });
    const alert = AlertDocSchema.parse(snap.data());
    const next = nextAlertStatus(alert.status, action);
    if (!next)
      throw refusal("failed-precondition", `An alert that is ${alert.status} cannot be ${action}d.`, {
        reason: "invalid-transition",
        from: alert.status,
        action,
      });
    const slotRef = db.collection(Collections.alertSubjects).doc(alertSlotId(alert.kind, alert.sku));
    const slot = next === "resolved" ? await tx.get(slotRef) : null;
    const now = Timestamp.now();
    if (next === "acknowledged") tx.update(alertRef, { status: next, acknowledgedBy: caller.uid, acknowledgedAt: now });
    else tx.update(alertRef, { status: next, resolvedBy: caller.uid, resolvedAt: now, resolveNote: note ?? null });
    if (slot?.get("openAlertId") === alertId) tx.update(slotRef, { openAlertId: null });
    appendAudit(tx, {
      actor: caller,
      action: `alert.${next}`,
      target: { kind: "alert", id: alertId },
      before: { status: alert.status },
      after: { status: next },
      note,
    });
    return next;
  });
  alertChanged(alertId, status, caller.uid);
  return status;
}
