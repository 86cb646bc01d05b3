/**
 * Parsing products for display. The product page parses with the full
 * `ProductSchema`; catalog cards use a structural check of the fields they
 * show, which keeps zod (and so ~25 KB gzip) off the catalog's first paint.
 * Products are written only by functions, which validate them with the schema.
 */
import { Categories } from "@showroom/model/labels";
import type { Product } from "@showroom/model";

/**
 * What a catalog card shows, plus every field the catalog sorts by (the next
 * page's cursor starts from them). Only these are fetched: `searchTerms` alone
 * is several times the rest of a card.
 */
export const CARD_FIELDS = ["name", "slug", "category", "images", "variants", "currency", "active", "priceFromCents", "createdAt"] as const;
export type CatalogCard = Pick<Product, "name" | "slug" | "category" | "images" | "variants" | "currency" | "active"> & { id: string };

function isVariantLike(v: unknown): boolean {
  const variant = v as Record<string, unknown> | null;
  return typeof variant?.sku === "string" && typeof variant.label === "string" && typeof variant.priceCents === "number" && typeof variant.options === "object";
}

/** A malformed document is skipped rather than breaking the whole page. */
export function parseCatalogCard(data: unknown, id: string): CatalogCard | null {
  const d = data as Record<string, unknown> | null;
  const ok =
    typeof d?.name === "string" &&
    typeof d.slug === "string" &&
    (Categories as readonly unknown[]).includes(d.category) &&
    Array.isArray(d.images) &&
    Array.isArray(d.variants) &&
    d.variants.length > 0 &&
    d.variants.every(isVariantLike) &&
    typeof d.currency === "string" &&
    d.active === true;
  return ok ? ({ ...(d as unknown as CatalogCard), id } satisfies CatalogCard) : null;
}
