import { z } from "zod";
import { SkuSchema } from "./catalog.js";
import { StockStatuses, type StockStatus } from "./labels.js";

export type { StockStatus } from "./labels.js";
export const StockStatusSchema = z.enum(StockStatuses);

/** How a SKU may sell: from stock only, without limit (made to order), or past zero up to a limit. */
export const StockPolicySchema = z.enum(["stock", "made_to_order", "backorder"]);
export type StockPolicy = z.infer<typeof StockPolicySchema>;

export const DEFAULT_LOW_STOCK_THRESHOLD = 3;

/** `stock/{sku}`: the public, live view shoppers read. Written only by functions. */
export const PublicStockSchema = z.object({
  sku: SkuSchema,
  productId: z.string().min(1),
  available: z.number().int().min(0),
  status: StockStatusSchema,
  lowStockThreshold: z.number().int().min(0).optional(),
  leadTimeDays: z.number().int().min(0).optional(),
});
export type PublicStock = z.infer<typeof PublicStockSchema>;

export interface StockFacts {
  /** Units that can be sold now (on hand − active holds), may be < 0 only for backorder. */
  sellable: number;
  policy: StockPolicy;
  lowStockThreshold: number;
  /** For backorder: how many units may be sold past zero. */
  backorderLimit?: number;
}

/** The public status for a SKU; one rule shared by functions, seed and tests. */
export function stockStatus(facts: StockFacts): StockStatus {
  if (facts.policy === "made_to_order") return "made_to_order";
  if (facts.sellable <= 0) {
    const canBackorder = facts.policy === "backorder" && (facts.backorderLimit ?? 0) + facts.sellable > 0;
    return canBackorder ? "backorder" : "out_of_stock";
  }
  return facts.sellable <= facts.lowStockThreshold ? "low_stock" : "in_stock";
}

export { availabilityLabel } from "./labels.js";

/**
 * Ships now, from stock: what the catalog's "In stock only" filter means.
 * Made to order and backorder can be bought but ship later, so they do not count.
 */
export function shipsNow(status: unknown): boolean {
  return status === "in_stock" || status === "low_stock";
}

/** Whether a stock write changed the SKU's ships-now-ness (a created or deleted document counts as not shipping). */
export function shipsNowChanged(before: { status?: unknown } | undefined, after: { status?: unknown } | undefined): boolean {
  return shipsNow(before?.status) !== shipsNow(after?.status);
}

/**
 * `products/{id}.inStock`: some SKU the product lists ships now, by its public
 * status (`productStock` entries of SKUs the product no longer lists do not count).
 */
export function productInStock(skus: readonly string[], statuses: Readonly<Record<string, { status?: unknown } | undefined>>): boolean {
  return skus.some((sku) => shipsNow(statuses[sku]?.status));
}

/** `productStock/{productId}`: the public availability of every variant, keyed by SKU. Written only by functions, with every `stock/{sku}` write. */
export const ProductStockSchema = z.object({
  productId: z.string().min(1),
  skus: z.record(z.string(), PublicStockSchema.pick({ available: true, status: true, leadTimeDays: true })),
});
export type ProductStock = z.infer<typeof ProductStockSchema>;
