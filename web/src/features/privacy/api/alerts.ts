/**
 * Back-in-stock alerts (`customers/{uid}/alerts/{sku}`) and the notifications
 * the server writes when a watched SKU is sellable again, both live.
 */
import { collection, deleteDoc, doc, limit, orderBy, query, serverTimestamp, setDoc, updateDoc } from "firebase/firestore";
import { Collections, CustomerSubcollections } from "@showroom/model";
import { db } from "../../../lib/firebase";
import { useLiveDoc, useLiveQuery } from "../../../lib/live";

/** Newest first; older ones are still in the export. */
export const NOTIFICATIONS_SHOWN = 20;

const alertRef = (uid: string, sku: string) => doc(db, Collections.customers, uid, CustomerSubcollections.alerts, sku);

/** Exactly the shape the rules allow: `{ sku, createdAt }` with the server's time. */
export function watchSku(uid: string, sku: string): Promise<void> {
  return setDoc(alertRef(uid, sku), { sku, createdAt: serverTimestamp() });
}

export function unwatchSku(uid: string, sku: string): Promise<void> {
  return deleteDoc(alertRef(uid, sku));
}

const parseAlert = (data: unknown) => ({ sku: String((data as { sku?: unknown }).sku ?? "") });

export function useAlert(uid: string | null, sku: string | null) {
  return useLiveDoc(uid && sku ? alertRef(uid, sku) : null, parseAlert);
}

export interface NotificationView {
  id: string;
  sku: string;
  productId: string;
  status: string;
  createdAt: Date | null;
  read: boolean;
}

/** Lenient: a field the server adds later never hides a notification. */
export function parseNotification(data: unknown, id: string): NotificationView {
  const d = (data ?? {}) as Record<string, unknown>;
  const createdAt = d.createdAt as { toDate?: () => Date } | null | undefined;
  return {
    id,
    sku: String(d.sku ?? ""),
    productId: String(d.productId ?? ""),
    status: String(d.status ?? ""),
    createdAt: typeof createdAt?.toDate === "function" ? createdAt.toDate() : null,
    read: d.readAt !== null && d.readAt !== undefined,
  };
}

export function useNotifications(uid: string | null) {
  const q = uid
    ? query(collection(db, Collections.customers, uid, CustomerSubcollections.notifications), orderBy("createdAt", "desc"), limit(NOTIFICATIONS_SHOWN))
    : null;
  return useLiveQuery(q, `notifications:${uid ?? ""}`, parseNotification);
}

/** The only change the rules let the owner make to a notification. */
export function markRead(uid: string, id: string): Promise<void> {
  return updateDoc(doc(db, Collections.customers, uid, CustomerSubcollections.notifications, id), { readAt: serverTimestamp() });
}
