/**
 * Queues a mail as a `mail/{id}` document in the Trigger Email extension's
 * shape. Ids are deterministic (derived from the event), so a redelivered
 * event finds its mail and queues nothing twice.
 */
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { Collections } from "@showroom/model";
import type { MailMessage } from "./compose.js";

/** `uid`: the customer a mail is for, so erasure finds and deletes it (customer.ts data registry). */
export function mailDoc(to: string[], message: MailMessage, uid?: string) {
  return {
    to,
    message,
    ...(uid ? { uid } : {}),
    delivery: { state: "PENDING", attempts: 0, startTime: null, endTime: null, leaseExpireTime: null, error: null, info: null },
    createdAt: FieldValue.serverTimestamp(),
  };
}

export const safeMailId = (id: string) => id.replace(/[^A-Za-z0-9_.-]/g, "-").slice(0, 700);

/** Queues the mail unless one with this id exists; returns whether it was queued now. */
export async function queueMail(
  db: Firestore,
  id: string,
  to: string[],
  message: MailMessage,
  options: { tx?: Transaction; uid?: string } = {},
): Promise<boolean> {
  const { tx, uid } = options;
  const ref = db.collection(Collections.mail).doc(safeMailId(id));
  if (tx) {
    const snap = await tx.get(ref);
    if (snap.exists) return false;
    tx.create(ref, mailDoc(to, message, uid));
    return true;
  }
  try {
    await ref.create(mailDoc(to, message, uid));
    return true;
  } catch (error) {
    if ((error as { code?: number }).code === 6) return false; // ALREADY_EXISTS: queued by an earlier delivery of the event.
    throw error;
  }
}
