/**
 * Idempotent triggers: Cloud Functions deliver events at least once. A trigger
 * that runs its writes through `oncePerEvent` creates a receipt keyed by the
 * event id in the same transaction, so a redelivered event writes nothing.
 */
import { FieldValue, Timestamp, type Firestore, type Transaction } from "firebase-admin/firestore";
import { EVENT_RECEIPTS_COLLECTION } from "@showroom/model";

/** Redeliveries come within hours; a week is ample. */
const RECEIPT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Event ids are opaque; keep document ids to a safe alphabet. */
export const safeId = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, "_");

/**
 * Runs `work` once per event id. `work` must do all its reads before its
 * writes (Firestore transactions require it) and may decide to write nothing.
 * Returns false when the event had already been handled.
 */
export async function oncePerEvent(firestore: Firestore, eventId: string, trigger: string, work: (tx: Transaction) => Promise<void>): Promise<boolean> {
  const receipt = firestore.collection(EVENT_RECEIPTS_COLLECTION).doc(safeId(eventId));
  return firestore.runTransaction(async (tx) => {
    if ((await tx.get(receipt)).exists) return false;
    await work(tx);
    // `expireAt` lets a TTL policy (firestore.indexes.json) drop receipts once no redelivery can come.
    tx.create(receipt, { trigger, at: FieldValue.serverTimestamp(), expireAt: Timestamp.fromMillis(Date.now() + RECEIPT_TTL_MS) });
    return true;
  });
}
