/** Stock fixtures for the inventory and order suites: unique SKUs written with the Admin SDK. */
import { randomUUID } from "node:crypto";
import { Collections } from "@showroom/model";
import { expect } from "vitest";
import { adminDb } from "../../scripts/lib/admin.js";
import { reconcile } from "../../scripts/reconcile.js";
import { writeStockedProducts, type SkuPlan as StockPlan } from "../../scripts/bench/stocked-products.js";
import { signIn, type Persona, type TestClient } from "../support/clients.js";
import type { CallableName } from "@showroom/model";

export const shipping = { name: "Ada Lovelace", line1: "1 Loom Street", city: "Leeds", postalCode: "LS1 1AA", country: "GB" };

export type SkuPlan = Omit<StockPlan, "sku">;

export const uniqueSku = (prefix = "T") => `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;
export const uniqueKey = () => `key-${randomUUID()}`;

/** One product with one variant per plan, stocked like the seed does (inventory, stock, productStock, opening ledger). */
export async function createProduct(plans: SkuPlan[]): Promise<{ productId: string; skus: string[] }> {
  const productId = `test-${randomUUID().slice(0, 12)}`;
  const variants = plans.map((plan) => ({ ...plan, sku: uniqueSku() }));
  await writeStockedProducts(adminDb(), [{ productId, variants }]);
  return { productId, skus: variants.map((v) => v.sku) };
}

export async function readDoc(collection: string, id: string) {
  return (await adminDb().collection(collection).doc(id).get()).data();
}

export async function onHand(sku: string): Promise<{ main: number; east: number }> {
  const data = await readDoc(Collections.inventory, sku);
  return { main: data?.locations?.main?.onHand, east: data?.locations?.east?.onHand };
}

export async function available(sku: string): Promise<number> {
  return (await readDoc(Collections.stock, sku))?.available;
}

export async function ledgerOf(sku: string) {
  const snap = await adminDb().collection(Collections.stockLedger).where("sku", "==", sku).get();
  return snap.docs.map((d) => d.data()).filter((e) => e.reason !== "seed");
}

export async function ordersOf(uid: string) {
  return (await adminDb().collection(Collections.orders).where("uid", "==", uid).get()).docs;
}

/** The invariants `npm run reconcile` checks, for these SKUs: on hand = ledger sum, policy floor, public views exact. */
export async function expectReconciled(skus: string[]): Promise<void> {
  const { drift } = await reconcile(adminDb(), { skus });
  expect(drift).toEqual([]);
}

/**
 * Starts each callable's emulator worker before the timed tests: a cold start
 * takes many seconds on a busy machine. Empty input is refused before any write.
 */
export async function warmUp(client: TestClient, names: CallableName[]): Promise<void> {
  await Promise.all(names.map((name) => client.call(name, {}).catch(() => undefined)));
}

/** Signed-in clients, closed after the file. */
export function clientPool() {
  const clients: TestClient[] = [];
  return {
    async client(persona: Persona = { kind: "anonymous" }) {
      const c = await signIn(persona);
      clients.push(c);
      return c;
    },
    closeAll: () => Promise.all(clients.map((c) => c.close())),
  };
}
