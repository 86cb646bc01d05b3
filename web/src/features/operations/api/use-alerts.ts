/** Live reads for the Operations page: alerts (open first) and the reconcile's last run (both staff-read). */
import { collection, doc, limit, orderBy, query, where } from "firebase/firestore";
import { AlertDocSchema, Collections, compareAlerts, RECONCILE_STATE_DOC, ReconcileStateSchema } from "@showroom/model";
import { db } from "../../../lib/firebase";
import { useLiveDoc, useLiveQuery, type Live } from "../../../lib/live";

/** The newest alerts the page lists; older ones stay in Firestore and the audit log. */
export const RECENT_ALERTS = 200;

const alert = (data: unknown, id: string) => ({ id, ...AlertDocSchema.parse(data) });
export type AlertRow = ReturnType<typeof alert>;

/** Newest first from Firestore, then open before acknowledged before resolved. */
export function useAlerts(): Live<AlertRow[]> {
  const live = useLiveQuery(query(collection(db, Collections.alerts), orderBy("openedAt", "desc"), limit(RECENT_ALERTS)), "alerts", alert);
  return live.status === "ready" ? { status: "ready", data: [...live.data].sort(compareAlerts) } : live;
}

const reconcileState = (data: unknown) => ReconcileStateSchema.partial().parse(data);

export function useReconcileRecord() {
  return useLiveDoc(doc(db, Collections.operations, RECONCILE_STATE_DOC), reconcileState);
}

/** Alerts not resolved yet (open or acknowledged): exact, whatever their age, unlike the page's newest `RECENT_ALERTS`. */
export function useUnresolvedAlerts(): Live<AlertRow[]> {
  return useLiveQuery(query(collection(db, Collections.alerts), where("status", "in", ["open", "acknowledged"])), "alerts-unresolved", alert);
}
