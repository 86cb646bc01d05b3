/**
 * After a crash and its retries, what Firestore holds must match what the
 * clients were told: one order per idempotency key, each with its ledger entry
 * and its key, every answered order present, no order nobody was answered,
 * and reconcile clean.
 */
import { Collections } from "@showroom/model";
import type { Firestore } from "firebase-admin/firestore";
import { reconcile } from "../reconcile.js";

export interface OrdersCheck {
  created: number;
  duplicates: number;
  drift: number;
  problems: string[];
}

/** Orders whose idempotency key starts with `keyPrefix` (the run's own), checked against the answered order ids. */
export async function checkOrders(db: Firestore, options: { keyPrefix: string; sku: string; answered: string[]; nowMs?: number }): Promise<OrdersCheck> {
  const { keyPrefix, sku, answered } = options;
  const orders = (await db.collection(Collections.orders).where("idempotencyKey", ">=", keyPrefix).where("idempotencyKey", "<", `${keyPrefix}\uf8ff`).get())
    .docs;
  const problems: string[] = [];
  const keys = orders.map((o) => `${o.get("uid")}_${o.get("idempotencyKey")}`);
  const duplicates = orders.length - new Set(keys).size + (answered.length - new Set(answered).size);
  if (duplicates > 0) problems.push(`${duplicates} duplicate order(s) or answers`);

  const stored = new Set(orders.map((o) => o.id));
  const lost = answered.filter((id) => !stored.has(id));
  if (lost.length > 0) problems.push(`${lost.length} answered order(s) missing from Firestore, e.g. ${lost[0]}`);
  const told = new Set(answered);
  const unanswered = orders.filter((o) => !told.has(o.id));
  if (unanswered.length > 0) problems.push(`${unanswered.length} order(s) no client was answered with, e.g. ${unanswered[0]?.id}`);

  const ledger = (await db.collection(Collections.stockLedger).where("sku", "==", sku).get()).docs.filter((d) => d.get("reason") === "order");
  const ledgerUnits = new Map<string, number>();
  for (const entry of ledger) ledgerUnits.set(String(entry.get("orderId")), (ledgerUnits.get(String(entry.get("orderId"))) ?? 0) - Number(entry.get("delta")));
  for (const order of orders) {
    const units = (order.get("lines") as { sku: string; quantity: number }[]).filter((l) => l.sku === sku).reduce((sum, l) => sum + l.quantity, 0);
    if (ledgerUnits.get(order.id) !== units) problems.push(`order ${order.id}: ${units} unit(s) ordered, ledger moved ${ledgerUnits.get(order.id) ?? 0}`);
  }
  // Ledger entries of orders outside this run's keys (a warm-up order) are fine if their order exists.
  const others = [...ledgerUnits.keys()].filter((id) => !stored.has(id));
  const otherDocs = others.length ? await db.getAll(...others.map((id) => db.collection(Collections.orders).doc(id))) : [];
  const orphanLedger = otherDocs.filter((d) => !d.exists).map((d) => d.id);
  if (orphanLedger.length > 0) problems.push(`${orphanLedger.length} ledger entr(ies) for orders that do not exist, e.g. ${orphanLedger[0]}`);

  const keyDocs = orders.length ? await db.getAll(...keys.map((k) => db.collection(Collections.orderKeys).doc(k))) : [];
  const keyless = keyDocs.filter((k, i) => k.get("orderId") !== orders[i]?.id);
  if (keyless.length > 0) problems.push(`${keyless.length} order(s) without their orderKeys entry`);

  const { drift } = await reconcile(db, { skus: [sku], ...(options.nowMs ? { nowMs: options.nowMs } : {}) });
  problems.push(...drift.map((d) => `drift ${d.sku}: ${d.problem}`));
  return { created: orders.length, duplicates, drift: drift.length, problems };
}
