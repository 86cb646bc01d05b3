/** `setProductActive` (staff): takes a product off the storefront or back on; audited. */
import { FieldValue } from "firebase-admin/firestore";
import { Collections, type SetProductActiveInput } from "@showroom/model";
import { appendAudit } from "../shared/audit.js";
import { defineCallable, refusal, type Caller } from "../shared/callable.js";
import { deps, type Deps } from "../app.js";
import { productEvent } from "../events/build.js";
import { writeEvents } from "../events/outbox.js";

export async function setProductActive(deps: Pick<Deps, "db" | "now">, input: SetProductActiveInput, caller: Caller) {
  const nowMs = await deps.now();
  const ref = deps.db.collection(Collections.products).doc(input.productId);
  await deps.db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) throw refusal("not-found", "No such product.", { reason: "unknown-product", productId: input.productId });
    const before = snap.get("active") === true;
    // Nothing changes, so nothing is audited.
    if (before === input.active) return;
    const skus = ((snap.get("variants") ?? []) as { sku: string }[]).map((v) => v.sku);
    const product = { id: input.productId, active: input.active, skus, eventSeq: Number(snap.get("eventSeq") ?? 0) };
    const event = productEvent(product, nowMs);
    tx.update(ref, { active: input.active, eventSeq: product.eventSeq, updatedAt: FieldValue.serverTimestamp() });
    writeEvents(tx, deps.db, [event]);
    appendAudit(tx, {
      actor: caller,
      action: "product.active",
      target: { kind: "product", id: input.productId },
      before: { active: before },
      after: { active: input.active },
    });
  });
  return { productId: input.productId, active: input.active };
}

export const setProductActiveCallable = defineCallable("setProductActive", (input, caller) => setProductActive(deps(), input, caller));
