/** Staff move an order along placed → fulfilled → delivered; stock does not move, so no engine batch. */
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import { Collections, NextOrderStatus, type OrderStatus, type UpdateOrderStatusInput } from "@showroom/model";
import { deps, type Deps } from "../app.js";
import { orderEvents } from "../events/build.js";
import { writeEvents } from "../events/outbox.js";
import { appendAudit } from "../shared/audit.js";
import { defineCallable, refusal, type Caller } from "../shared/callable.js";

export async function updateOrderStatus(deps: Pick<Deps, "db" | "now">, input: UpdateOrderStatusInput, caller: Caller) {
  const ref = deps.db.collection(Collections.orders).doc(input.orderId);
  const nowMs = await deps.now();
  await deps.db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) throw refusal("not-found", "No such order.", { reason: "unknown-order", orderId: input.orderId });
    const from = String(snap.get("status"));
    if (NextOrderStatus[from] !== input.status) {
      throw refusal("failed-precondition", `An order that is ${from} cannot become ${input.status}.`, { reason: "invalid-transition", from, to: input.status });
    }
    const order = snap.data() ?? {};
    const after = {
      id: input.orderId,
      uid: String(order.uid),
      lines: order.lines,
      totalCents: order.totalCents,
      currency: order.currency,
      status: input.status,
      eventSeq: Number(order.eventSeq ?? 0),
    };
    const events = orderEvents({ status: from as OrderStatus }, after, nowMs);
    tx.update(ref, {
      status: input.status,
      eventSeq: after.eventSeq,
      statusHistory: FieldValue.arrayUnion({ status: input.status, by: caller.uid, at: Timestamp.fromMillis(nowMs) }),
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

export const updateOrderStatusCallable = defineCallable("updateOrderStatus", (input, caller) => updateOrderStatus(deps(), input, caller));
