/**
 * When `stock/{sku}` goes from not sellable to sellable: one notification per
 * subscriber whose email marketing consent is granted, and the same news by
 * email (a `mail/{id}` document) when the profile has an email. Alerts stay,
 * so the next sell-out and restock alerts again. Notification and mail ids
 * derive from the event id, so a redelivered event creates nothing twice.
 */
import { FieldValue, type DocumentData, type Firestore } from "firebase-admin/firestore";
import { becameSellable, Collections, CustomerSubcollections } from "@showroom/model";
import { config } from "../config.js";
import { backInStockSent } from "../logs.js";
import { backInStockMail } from "../mail/compose.js";
import { mailDoc, safeMailId } from "../mail/queue.js";
import { safeId } from "./receipts.js";

export interface StockWrite {
  eventId: string;
  sku: string;
  before: DocumentData | undefined;
  after: DocumentData | undefined;
}

/**
 * The issue asks that only customers whose consent allows it are notified;
 * a back-in-stock notice is what we would send by email, so the email
 * channel's consent decides.
 */
export function consentAllowsAlert(profile: DocumentData | undefined): boolean {
  return profile?.marketing?.email?.granted === true;
}

export async function notifyBackInStock(firestore: Firestore, change: StockWrite): Promise<{ notified: number }> {
  if (!becameSellable(change.before, change.after)) return { notified: 0 };
  const after = change.after ?? {};
  const alerts = await firestore.collectionGroup(CustomerSubcollections.alerts).where("sku", "==", change.sku).get();
  const uids = [...new Set(alerts.docs.map((d) => d.ref.parent.parent?.id).filter((id): id is string => id !== undefined))];
  const notificationId = `backInStock-${safeId(change.eventId)}`;
  const productId = String(after.productId ?? "");
  const product = productId ? await firestore.collection(Collections.products).doc(productId).get() : undefined;
  const message = backInStockMail({ productName: String(product?.get("name") ?? change.sku), productId, sku: change.sku }, config.mail.storeUrl);
  let notified = 0;
  for (let i = 0; i < uids.length; i += config.notificationChunk) {
    const chunk = uids.slice(i, i + config.notificationChunk);
    notified += await firestore.runTransaction(async (tx) => {
      const profiles = chunk.map((uid) => firestore.collection(Collections.customers).doc(uid));
      const notices = profiles.map((p) => p.collection(CustomerSubcollections.notifications).doc(notificationId));
      const mails = chunk.map((uid) => firestore.collection(Collections.mail).doc(safeMailId(`back-in-stock-${change.eventId}-${uid}`)));
      // Profiles and existing notices are read in the transaction: an erased
      // customer (no profile) gets nothing, and a redelivery finds its notices.
      const snaps = await tx.getAll(...profiles, ...notices);
      let count = 0;
      chunk.forEach((_, k) => {
        const profile = snaps[k];
        const notice = snaps[chunk.length + k];
        if (!profile?.exists || notice?.exists || !consentAllowsAlert(profile.data())) return;
        tx.create(notices[k]!, {
          kind: "back-in-stock",
          sku: change.sku,
          productId: String(after.productId ?? ""),
          status: String(after.status),
          available: typeof after.available === "number" ? after.available : 0,
          createdAt: FieldValue.serverTimestamp(),
          readAt: null,
        });
        const email = profile.get("email") as unknown;
        if (typeof email === "string" && email !== "") tx.create(mails[k]!, mailDoc([email], message, chunk[k]));
        count += 1;
      });
      return count;
    });
  }
  backInStockSent(change.sku, alerts.size, notified);
  return { notified };
}
