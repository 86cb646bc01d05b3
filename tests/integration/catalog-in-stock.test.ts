import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Collections, searchTerms, type StockStatus } from "@showroom/model";
import { adminDb } from "../../scripts/lib/admin.js";
import { syncProductInStock } from "../../functions/src/catalog/in-stock.js";
import { eventually } from "./customers-support.js";
import { clientPool, createProduct, readDoc, uniqueSku, warmUp } from "./inventory-fixtures.js";

const pool = clientPool();
afterAll(pool.closeAll);
beforeAll(async () => {
  await warmUp(await pool.client(), ["adjustStock", "upsertProduct"]);
  await warmTrigger();
}, 120_000);

const inStockOf = async (productId: string) => (await readDoc(Collections.products, productId))?.inStock as boolean | undefined;

/** Polls the flag the `stock/{sku}` trigger keeps; returns how long it took. */
async function inStockBecomes(productId: string, expected: boolean, timeoutMs = 10_000): Promise<number> {
  const started = Date.now();
  await eventually(async () => ((await inStockOf(productId)) === expected ? true : undefined), `${productId}.inStock to become ${expected}`, timeoutMs);
  return Date.now() - started;
}

/**
 * A product and its productStock summary with no `stock/{sku}` documents, so no
 * trigger runs: the handler is called directly, with a stored flag that may be wrong.
 */
async function bareProduct(counts: Partial<Record<StockStatus, number>>, inStock: boolean) {
  const productId = `bare-${randomUUID().slice(0, 12)}`;
  const entries = Object.entries(counts).flatMap(([status, n]) => Array.from({ length: n }, () => [uniqueSku(), { available: 0, status }] as const));
  const skus = entries.map(([sku]) => sku);
  await adminDb()
    .collection(Collections.productStock)
    .doc(productId)
    .set({ productId, skus: Object.fromEntries(entries) });
  await adminDb()
    .collection(Collections.products)
    .doc(productId)
    .set({ name: productId, variants: skus.map((sku) => ({ sku })), inStock });
  return { productId, skus };
}

/** The first trigger run starts a worker, which can take many seconds on a busy machine: the timed tests wait for one first. */
async function warmTrigger(): Promise<void> {
  const { productId, skus } = await bareProduct({ in_stock: 1 }, false);
  await adminDb().collection(Collections.stock).doc(skus[0]!).set({ sku: skus[0], productId, available: 5, status: "in_stock" });
  await inStockBecomes(productId, true, 60_000);
}

describe("products.inStock", () => {
  it("turns false when staff set the only SKU that ships now to 0 (made to order and backorder do not count), and true on restock", async () => {
    const { productId, skus } = await createProduct([{ main: 4 }, { policy: "made_to_order", leadTimeDays: 28 }, { policy: "backorder", backorderLimit: 5 }]);
    const sku = skus[0]!;
    expect(await inStockOf(productId)).toBe(true);
    const staff = await pool.client({ kind: "user", role: "staff" });

    await staff.call("adjustStock", { sku, setTo: 0, reason: "count" });
    console.log(`sold out → products.inStock false: ${await inStockBecomes(productId, false)} ms`);
    await staff.call("adjustStock", { sku, delta: 3, reason: "receive" });
    console.log(`restocked → products.inStock true: ${await inStockBecomes(productId, true)} ms`);
  });

  it("ends right when two SKUs of a product flip at once", async () => {
    const { productId, skus } = await createProduct([{ main: 2 }, { east: 5 }]);
    const staff = await pool.client({ kind: "user", role: "staff" });
    await Promise.all(skus.map((sku) => staff.call("adjustStock", { sku, location: "main", setTo: 0, reason: "count" })));
    await Promise.all(skus.map((sku) => staff.call("adjustStock", { sku, location: "east", setTo: 0, reason: "count" })));
    await inStockBecomes(productId, false);
    await Promise.all(skus.map((sku) => staff.call("adjustStock", { sku, delta: 1, reason: "receive" })));
    await inStockBecomes(productId, true);
  });

  it("recomputes rather than toggles: a redelivered flip changes nothing", async () => {
    const { productId } = await bareProduct({ out_of_stock: 1, in_stock: 1 }, false);
    const flip = { before: { productId, status: "out_of_stock" }, after: { productId, status: "in_stock" } };
    await expect(syncProductInStock(adminDb(), flip)).resolves.toEqual({ changed: true });
    await expect(syncProductInStock(adminDb(), flip)).resolves.toEqual({ changed: false });
    expect(await inStockOf(productId)).toBe(true);
  });

  it("ignores writes that keep a SKU on the same side, and never recreates a deleted product", async () => {
    const { productId } = await bareProduct({ low_stock: 1 }, false);
    const lower = { before: { productId, status: "in_stock" }, after: { productId, status: "low_stock" } };
    await expect(syncProductInStock(adminDb(), lower)).resolves.toEqual({ changed: false });
    expect(await inStockOf(productId)).toBe(false);

    await adminDb().collection(Collections.products).doc(productId).delete();
    await expect(syncProductInStock(adminDb(), { before: lower.after, after: undefined })).resolves.toEqual({ changed: false });
    expect((await adminDb().collection(Collections.products).doc(productId).get()).exists).toBe(false);
  });

  it("upsertProduct writes the flag and search terms: a new product is not in stock until it is received, and dropping its stocked variant clears it", async () => {
    const staff = await pool.client({ kind: "user", role: "staff" });
    const [stocked, fresh] = [uniqueSku("NOOK"), uniqueSku("NOOK")];
    const variant = (sku: string) => ({ sku, label: sku, options: {}, priceCents: 9_900 });
    const input = { name: "Nook Velvet Stool", category: "chairs", description: "", variants: [variant(stocked)] };
    const { productId } = await staff.call<{ productId: string }>("upsertProduct", input);
    expect(await readDoc(Collections.products, productId)).toMatchObject({ inStock: false, searchTerms: searchTerms("Nook Velvet Stool") });

    await staff.call("adjustStock", { sku: stocked, delta: 5, reason: "receive" });
    await inStockBecomes(productId, true);
    await staff.call("upsertProduct", { ...input, id: productId, variants: [variant(fresh)] });
    expect(await inStockOf(productId)).toBe(false);
  });
});
