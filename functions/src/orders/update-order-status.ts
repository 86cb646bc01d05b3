/** Staff move an order along placed → fulfilled → delivered; stock does not move, so no engine batch. */
import { HttpsError } from "firebase-functions/https";
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { Collections, NextOrderStatus, UpdateOrderStatusInputSchema, type OrderStatus, type UpdateOrderStatusInput } from "@showroom/model";
import { db } from "../app.js";
import { orderEvents } from "../events/build.js";
import { writeEvents } from "../events/outbox.js";
import { appendAudit } from "../shared/audit.js";
import { defineCallable, type Caller } from "../shared/callable.js";

export async function updateOrderStatus(deps: { db: Firestore; now: () => number }, input: UpdateOrderStatusInput, caller: Caller) {
  const ref = deps.db.collection(Collections.orders).doc(input.orderId);
  await deps.db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) throw new HttpsError("not-found", "No such order.", { reason: "unknown-order", orderId: input.orderId });
    const from = String(snap.get("status"));
    if (NextOrderStatus[from] !== input.status) {
      throw new HttpsError("failed-precondition", `An order that is ${from} cannot become ${input.status}.`, { reason: "invalid-transition", from, to: input.status });
    }
    const order = snap.data() ?? {};
    const after = { id: input.orderId, uid: String(order.uid), lines: order.lines, totalCents: order.totalCents, currency: order.currency, status: input.status, eventSeq: Number(order.eventSeq ?? 0) };
    const events = orderEvents({ status: from as OrderStatus }, after, deps.now());
    tx.update(ref, {
      status: input.status,
      eventSeq: after.eventSeq,
      statusHistory: FieldValue.arrayUnion({ status: input.status, by: caller.uid, at: Timestamp.fromMillis(deps.now()) }),
      updatedAt: FieldValue.serverTimestamp(),
    });
    appendAudit(tx, {
      actor: caller,
      action: "order.status",
      target: { kind: "order", id: input.orderId },
      before: { status: from },
      after: { status: input.status },
    });
    writeEvents(tx, deps.db, events);
  });
  return { orderId: input.orderId, status: input.status };
}

export const updateOrderStatusCallable = defineCallable("updateOrderStatus", "staff", UpdateOrderStatusInputSchema, (input, caller) =>
  updateOrderStatus({ db: db(), now: Date.now }, input, caller),
);
