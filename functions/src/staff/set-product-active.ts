/** `setProductActive` (staff): takes a product off the storefront or back on; audited. */
import { FieldValue } from "firebase-admin/firestore";
import { Collections, type SetProductActiveInput } from "@showroom/model";
import { appendAudit } from "../shared/audit.js";
import { defineCallable, refusal, type Caller } from "../shared/callable.js";
import { deps, type Deps } from "../app.js";

export async function setProductActive(deps: Pick<Deps, "db">, input: SetProductActiveInput, caller: Caller) {
  const ref = deps.db.collection(Collections.products).doc(input.productId);
  await deps.db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) throw refusal("not-found", "No such product.", { reason: "unknown-product", productId: input.productId });
    const before = snap.get("active") === true;
    // Nothing changes, so nothing is audited.
    if (before === input.active) return;
    tx.update(ref, { active: input.active, updatedAt: FieldValue.serverTimestamp() });
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

export const setProductActiveCallable = defineCallable("setProductActive", (input, caller) =>
  setProductActive(deps(), input, caller),
);
