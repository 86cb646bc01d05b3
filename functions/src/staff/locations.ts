/**
 * `upsertLocation` and `deleteLocation` (admin): a store's stock locations are
 * documents, each change audited in the same transaction. A location is
 * deleted only when no SKU has stock there (deactivate it instead), and the
 * default location `adjustStock` falls back to is never deleted.
 */
import { FieldPath, FieldValue } from "firebase-admin/firestore";
import { Collections, DEFAULT_LOCATION, parseLocationDoc, type UpsertLocationInput } from "@showroom/model";
import { appendAudit } from "../shared/audit.js";
import { defineCallable, refusal, type Caller } from "../shared/callable.js";
import { deps, type Deps } from "../app.js";

export async function upsertLocation(deps: Pick<Deps, "db">, input: UpsertLocationInput, caller: Caller) {
  const ref = deps.db.collection(Collections.locations).doc(input.code);
  return deps.db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const before = snap.exists ? parseLocationDoc(snap.id, snap.data()) : undefined;
    tx.set(ref, { ...input, updatedAt: FieldValue.serverTimestamp() });
    appendAudit(tx, { actor: caller, action: "location.upsert", target: { kind: "location", id: input.code }, before, after: input });
    return { code: input.code, created: !before };
  });
}

export async function deleteLocation(deps: Pick<Deps, "db">, code: string, caller: Caller) {
  const db = deps.db;
  const ref = db.collection(Collections.locations).doc(code);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) throw refusal("not-found", `Unknown location ${code}.`, { reason: "unknown-location", location: code });
    if (code === DEFAULT_LOCATION) {
      throw refusal("failed-precondition", `${code} is the default location of adjustStock; deactivate it instead.`, {
        reason: "default-location",
        location: code,
      });
    }
    // Any SKU with units (or a backorder's negative count) there keeps the location; this read also makes a concurrent write there retry.
    const stocked = await tx.get(
      db
        .collection(Collections.inventory)
        .where(new FieldPath("locations", code, "onHand"), "!=", 0)
        .limit(1),
    );
    const sku = stocked.docs[0]?.id;
    if (sku) {
      throw refusal("failed-precondition", `${code} still has stock (${sku} and maybe others); deactivate it instead.`, {
        reason: "location-has-stock",
        location: code,
        sku,
      });
    }
    tx.delete(ref);
    appendAudit(tx, { actor: caller, action: "location.delete", target: { kind: "location", id: code }, before: parseLocationDoc(code, snap.data()) });
    return { code, deleted: true as const };
  });
}

export const upsertLocationCallable = defineCallable("upsertLocation", (input, caller) => upsertLocation(deps(), input, caller));
export const deleteLocationCallable = defineCallable("deleteLocation", (input, caller) => deleteLocation(deps(), input.code, caller));
