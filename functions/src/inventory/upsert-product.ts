/**
 * `upsertProduct`: staff create or edit a product. One transaction reads the
 * product, its public stock summary and every inventory document of its SKUs
 * (listed, and no longer listed); `planUpsert` (upsert-plan.ts) decides; the
 * writes go out in the same transaction.
 */
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { Collections, type UpsertProductInput } from "@showroom/model";
import { deps, type Deps } from "../app.js";
import { appendAudit } from "../shared/audit.js";
import { defineCallable, type Caller } from "../shared/callable.js";
import { Rejection } from "./decide.js";
import { httpsErrorOf } from "./engine.js";
import { writePublicStock } from "./store.js";
import { planUpsert, type StoredProduct, type UpsertPlan, type UpsertReads } from "./upsert-plan.js";
import { writeEvents } from "../events/outbox.js";

async function readUpsert(tx: Transaction, firestore: Firestore, productId: string, input: UpsertProductInput, nowMs: number): Promise<UpsertReads> {
  const inventory = firestore.collection(Collections.inventory);
  const [productSnap, summarySnap, ...listedSnaps] = await tx.getAll(
    firestore.collection(Collections.products).doc(productId),
    firestore.collection(Collections.productStock).doc(productId),
    ...input.variants.map((v) => inventory.doc(v.sku)),
  );
  const listed = new Set(input.variants.map((v) => v.sku));
  const owned = (await tx.get(inventory.where("productId", "==", productId))).docs;
  return {
    productId,
    nowMs,
    product: (productSnap?.data() as StoredProduct | undefined) ?? null,
    summary: summarySnap?.get("skus") ?? {},
    listed: listedSnaps.map((snap) => ({ sku: snap.id, data: snap.data() ?? null })),
    unlisted: owned.filter((d) => !listed.has(d.id)).map((d) => ({ sku: d.id, data: d.data() })),
  };
}

function writeUpsert(tx: Transaction, firestore: Firestore, productId: string, plan: UpsertPlan, nowMs: number): void {
  const now = FieldValue.serverTimestamp();
  const inventory = firestore.collection(Collections.inventory);
  for (const { sku, doc } of plan.inventoryCreates) tx.create(inventory.doc(sku), { ...doc, updatedAt: now });
  for (const { sku, fields } of plan.inventoryUpdates) tx.update(inventory.doc(sku), { ...fields, updatedAt: now });
  tx.set(
    firestore.collection(Collections.products).doc(productId),
    { ...plan.product, updatedAt: now, ...(plan.created ? { createdAt: now } : {}) },
    { merge: true },
  );
  writePublicStock(tx, firestore, plan.republish, nowMs);
  writeEvents(tx, firestore, plan.events);
  appendAudit(tx, plan.audit);
}

export async function upsertProduct(deps: Pick<Deps, "db" | "now">, input: UpsertProductInput, caller: Caller) {
  const productId = input.id ?? deps.db.collection(Collections.products).doc().id;
  const nowMs = await deps.now();
  await deps.db.runTransaction(async (tx) => {
    const reads = await readUpsert(tx, deps.db, productId, input, nowMs);
    let plan: UpsertPlan;
    try {
      plan = planUpsert(input, caller, reads);
    } catch (error) {
      if (error instanceof Rejection) throw httpsErrorOf(error);
      throw error;
    }
    writeUpsert(tx, deps.db, productId, plan, nowMs);
  });
  return { productId };
}

export const upsertProductCallable = defineCallable("upsertProduct", (input, caller) => upsertProduct(deps(), input, caller));
