/**
 * Which events become mail: `order.placed` → an order confirmation to the
 * account's email (accounts without one, such as anonymous guests, get none).
 * The mail id derives from the order, so a redelivered message queues
 * nothing twice. Back-in-stock mail goes out with the in-app notice, from
 * the stock trigger (customers/back-in-stock.ts; why: docs/webhooks.md).
 */
import type { Auth } from "firebase-admin/auth";
import type { Firestore } from "firebase-admin/firestore";
import { Collections, EventDataSchemas, OrderSchema, type EventEnvelope } from "@showroom/model";
import { mailSkipped } from "../logs.js";
import { orderConfirmationMail } from "./compose.js";
import { queueMail } from "./queue.js";

export interface MailDeps {
  db: Firestore;
  auth: Auth;
  storeUrl: string;
}

async function emailOf(auth: Auth, uid: string): Promise<string | null> {
  try {
    return (await auth.getUser(uid)).email ?? null;
  } catch (error) {
    if ((error as { code?: string }).code === "auth/user-not-found") return null;
    throw error;
  }
}

export async function mailForEvent(deps: MailDeps, envelope: EventEnvelope): Promise<void> {
  if (envelope.type === "order.placed") {
    const { orderId, uid } = EventDataSchemas["order.placed"].parse(envelope.data);
    if (uid === null) return mailSkipped("order-confirmation", orderId, "erased account");
    const email = await emailOf(deps.auth, uid);
    if (!email) return mailSkipped("order-confirmation", orderId, "no email on the account");
    const snap = await deps.db.collection(Collections.orders).doc(orderId).get();
    const order = OrderSchema.safeParse(snap.data());
    if (!order.success) return mailSkipped("order-confirmation", orderId, "order not found");
    await queueMail(deps.db, `order-confirmation-${orderId}`, [email], orderConfirmationMail(order.data, orderId, deps.storeUrl), { uid });
  }
}
