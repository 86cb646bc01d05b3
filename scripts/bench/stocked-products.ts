/**
 * Writes products with stock the way the seed does (product, inventory,
 * `stock/{sku}`, `productStock/{productId}`, opening ledger entries), for
 * benchmarks and tests that need their own SKUs.
 */
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { Collections, DEFAULT_LOW_STOCK_THRESHOLD, inventoryBoardFields, productInStock, searchTerms, stockStatus, type Category, type StockPolicy } from "@showroom/model";

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

function statusOf(plan: SkuPlan) {
  return stockStatus({ sellable: (plan.main ?? 0) + (plan.east ?? 0), policy: plan.policy ?? "stock", lowStockThreshold: plan.lowStockThreshold ?? DEFAULT_LOW_STOCK_THRESHOLD, backorderLimit: plan.backorderLimit });
}

export async function writeStockedProducts(db: Firestore, products: StockedProduct[]): Promise<void> {
  const writer = db.bulkWriter();
  writer.onWriteError((error) => error.failedAttempts < 5);
  for (const { productId, variants, active = true } of products) {
    const name = `Test product ${productId}`;
    const category: Category = "decor";
    const statuses = Object.fromEntries(variants.map((p) => [p.sku, { status: statusOf(p) }]));
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
    const summary: Record<string, unknown> = {};
    for (const plan of variants) {
      const { sku } = plan;
      const main = plan.main ?? 0;
      const east = plan.east ?? 0;
      const policy = plan.policy ?? "stock";
      const lowStockThreshold = plan.lowStockThreshold ?? DEFAULT_LOW_STOCK_THRESHOLD;
      const lead = plan.leadTimeDays !== undefined ? { leadTimeDays: plan.leadTimeDays } : {};
      const backorder = plan.backorderLimit !== undefined ? { backorderLimit: plan.backorderLimit } : {};
      // One status for inventory and the public documents, as the functions write it (publicStockOf).
      const status = statusOf(plan);
      void writer.set(db.collection(Collections.inventory).doc(sku), {
        sku,
        productId,
        policy,
        locations: { main: { onHand: main }, east: { onHand: east } },
        held: 0,
        holds: {},
        lowStockThreshold,
        ...backorder,
        ...lead,
        status,
        ...inventoryBoardFields(sku, { name, category }),
      });
      const available = Math.max(0, main + east);
      void writer.set(db.collection(Collections.stock).doc(sku), { sku, productId, available, status, lowStockThreshold, ...lead, updatedAt: FieldValue.serverTimestamp() });
      summary[sku] = { available, status, ...lead };
      for (const [location, delta] of [["main", main], ["east", east]] as const) {
        if (delta === 0) continue;
        void writer.set(db.collection(Collections.stockLedger).doc(`seed-${sku}-${location}`), { sku, location, delta, reason: "seed", actorUid: "fixture", before: 0, after: delta, at: FieldValue.serverTimestamp() });
      }
    }
    void writer.set(db.collection(Collections.productStock).doc(productId), { productId, skus: summary, updatedAt: FieldValue.serverTimestamp() });
  }
  await writer.close();
}
