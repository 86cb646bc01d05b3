/**
 * Writes products with stock the way the seed does (product, inventory,
 * `stock/{sku}`, `productStock/{productId}`, opening ledger entries), for
 * benchmarks and tests that need their own SKUs.
 */
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import {
  Collections,
  inventoryBoardFields,
  newInventoryDoc,
  newInventoryState,
  openingLedger,
  productInStock,
  publicStockOf,
  searchTerms,
  type Category,
  type StockPolicy,
} from "@showroom/model";
import { seedLocations } from "../seed/seed.js";

export interface SkuPlan {
  sku: string;
  main?: number;
  east?: number;
  policy?: StockPolicy;
  backorderLimit?: number;
  leadTimeDays?: number;
  priceCents?: number;
  lowStockThreshold?: number;
}

export interface StockedProduct {
  productId: string;
  variants: SkuPlan[];
  /** False keeps the product out of the storefront (staff still see its SKUs); default true. */
  active?: boolean;
}

/** A planned SKU's stock and its public views (nothing is held yet, so the time does not matter). */
function stockOf(productId: string, { sku, main, east, policy = "stock", priceCents: _price, ...plan }: SkuPlan) {
  const state = newInventoryState(sku, productId, { ...plan, policy, onHand: { main, east } });
  return { state, views: publicStockOf(state, Date.now()) };
}

export async function writeStockedProducts(db: Firestore, products: StockedProduct[]): Promise<void> {
  await seedLocations(db);
  const writer = db.bulkWriter();
  writer.onWriteError((error) => error.failedAttempts < 5);
  for (const { productId, variants, active = true } of products) {
    const name = `Test product ${productId}`;
    const category: Category = "decor";
    const stocks = variants.map((plan) => stockOf(productId, plan));
    const statuses = Object.fromEntries(stocks.map(({ state, views }) => [state.sku, views.summary]));
    void writer.set(db.collection(Collections.products).doc(productId), {
      name,
      slug: productId.toLowerCase(),
      category,
      description: "",
      images: [],
      variants: variants.map((p, i) => ({ sku: p.sku, label: `Variant ${i + 1}`, options: {}, priceCents: p.priceCents ?? 1000 })),
      currency: "USD",
      active,
      inStock: productInStock(Object.keys(statuses), statuses),
      searchTerms: searchTerms(name),
    });
    for (const { state, views } of stocks) {
      void writer.set(db.collection(Collections.inventory).doc(state.sku), newInventoryDoc(state, views, inventoryBoardFields(state.sku, { name, category })));
      void writer.set(db.collection(Collections.stock).doc(state.sku), { ...views.stock, updatedAt: FieldValue.serverTimestamp() });
      for (const { id, entry } of openingLedger(state, "fixture")) {
        void writer.set(db.collection(Collections.stockLedger).doc(id), { ...entry, at: FieldValue.serverTimestamp() });
      }
    }
    void writer.set(db.collection(Collections.productStock).doc(productId), { productId, skus: statuses, updatedAt: FieldValue.serverTimestamp() });
  }
  await writer.close();
}
