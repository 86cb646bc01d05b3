/**
 * The zod-free part of the model: constants and display helpers the
 * storefront needs for its first paint (`@showroom/model/labels`). Keeping zod
 * out of this module keeps it out of the catalog's critical-path JavaScript.
 * Everything here is also exported from `@showroom/model`. Imports run one
 * way: the zod modules (money.ts, stock.ts, catalog.ts) build their enums from
 * the lists here; nothing here imports them.
 */

export { Collections } from "./collections.js";
export { catalogSearchTerm } from "./search.js";

export const Currencies = ["USD", "EUR", "GBP"] as const;
export type Currency = (typeof Currencies)[number];

export const StockStatuses = ["in_stock", "low_stock", "out_of_stock", "made_to_order", "backorder"] as const;
export type StockStatus = (typeof StockStatuses)[number];

export const Categories = ["sofas", "chairs", "tables", "beds", "storage", "lighting", "rugs", "decor"] as const;

export const CategoryLabels: Record<(typeof Categories)[number], string> = {
  sofas: "Sofas",
  chairs: "Chairs",
  tables: "Tables",
  beds: "Beds",
  storage: "Storage",
  lighting: "Lighting",
  rugs: "Rugs",
  decor: "Decor",
};

/** Products per catalog page: with one `productStock` read per card and one count, a page stays within DESIGN's 30 reads. */
export const CATALOG_PAGE_SIZE = 12;

export const MAX_LINES = 25;
export const MAX_LINE_QUANTITY = 20;

/** Money is always integer minor units (cents) plus a currency code. */
export function formatMoney(cents: number, currency: Currency, locale = "en-US"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(cents / 100);
}

export function lowestPrice(variants: readonly { priceCents: number }[]): number {
  return Math.min(...variants.map((v) => v.priceCents));
}

/** The words the storefront shows, exactly as DESIGN lists them. */
export function availabilityLabel(stock: { available: number; status: StockStatus; leadTimeDays?: number | undefined }): string {
  switch (stock.status) {
    case "in_stock":
      return "In stock";
    case "low_stock":
      return `Only ${stock.available} left`;
    case "out_of_stock":
      return "Out of stock";
    case "made_to_order": {
      const weeks = Math.max(1, Math.ceil((stock.leadTimeDays ?? 0) / 7));
      return `Made to order — ships in ${weeks} week${weeks === 1 ? "" : "s"}`;
    }
    case "backorder":
      return "Backorder";
  }
}

/** The stock statuses on which the product page asks the on-site sold-out question. */
export const isSoldOutStatus = (status: unknown): status is "out_of_stock" | "backorder" => status === "out_of_stock" || status === "backorder";

/** "4.6 from 23 verified buyers" (the storefront's words, for `productRatings/{productId}`). */
export function ratingLabel(rating: { count: number; average: number }): string {
  return `${rating.average.toFixed(1)} from ${rating.count} verified ${rating.count === 1 ? "buyer" : "buyers"}`;
}
