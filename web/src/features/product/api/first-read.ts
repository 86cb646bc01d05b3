/**
 * The product page's first paint, from plain REST data (no SDK, no zod: both
 * would cost the page's critical path more than the 120 KB gzip budget allows).
 * Structural checks of the fields the page shows, as the catalog's cards do;
 * products and stock are written only by functions, which validate them with
 * the model's schemas, and the live documents that replace these are parsed
 * with those schemas.
 */
import { StockStatuses } from "@showroom/model/labels";
import type { Product, ProductStock } from "@showroom/model";
import { parseCatalogCard, type CatalogCard } from "../../catalog";

/** What the product page shows of a product: a catalog card plus its description, dimensions and materials. */
export type ProductView = CatalogCard & Pick<Product, "description" | "dimensions" | "materials">;

/** One variant's public availability: what `productStock` holds per SKU, and the part of `stock/{sku}` the page reads. */
export type SkuAvailability = ProductStock["skus"][string];

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

function isDimensions(v: unknown): boolean {
  const d = v as Record<string, unknown> | null;
  return typeof d === "object" && d !== null && isNumber(d.widthCm) && isNumber(d.depthCm) && isNumber(d.heightCm);
}

/** An active product with the fields the page shows, or null (missing, inactive or malformed: the page says "not found"). */
export function parseProductView(data: unknown, id: string): ProductView | null {
  const card = parseCatalogCard(data, id);
  if (!card) return null;
  const d = data as Record<string, unknown>;
  const ok =
    typeof d.description === "string" &&
    (d.materials === undefined || (Array.isArray(d.materials) && d.materials.every((m) => typeof m === "string"))) &&
    (d.dimensions === undefined || isDimensions(d.dimensions));
  return ok ? (card as ProductView) : null;
}

function isSkuAvailability(v: unknown): v is SkuAvailability {
  const s = v as Record<string, unknown> | null;
  return (
    typeof s === "object" &&
    s !== null &&
    Number.isInteger(s.available) &&
    (StockStatuses as readonly unknown[]).includes(s.status) &&
    (s.leadTimeDays === undefined || isNumber(s.leadTimeDays))
  );
}

/**
 * Each SKU's availability from the product's `productStock` document (written
 * in the same transaction as every `stock/{sku}`, so it is the current public
 * stock): null for a SKU it lacks or cannot read, which the page shows as out
 * of stock, as it does a missing `stock/{sku}`.
 */
export function skuAvailability(productStock: unknown, skus: readonly string[]): Record<string, SkuAvailability | null> {
  const listed = (productStock as { skus?: unknown } | null)?.skus;
  const bySku = typeof listed === "object" && listed !== null ? (listed as Record<string, unknown>) : {};
  return Object.fromEntries(skus.map((sku) => [sku, isSkuAvailability(bySku[sku]) ? bySku[sku] : null]));
}
