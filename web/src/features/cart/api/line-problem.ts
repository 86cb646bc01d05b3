/** Whether a cart line can still be bought as it stands, from the SKU's live public stock. */
import type { PublicStock } from "@showroom/model";

export type LineProblem = { kind: "sold-out" } | { kind: "short"; available: number } | null;

/** `stock` undefined: not known yet (no warning); null: the SKU no longer exists. */
export function lineProblem(quantity: number, stock: PublicStock | null | undefined): LineProblem {
  if (stock === undefined) return null;
  if (stock === null || stock.status === "out_of_stock") return { kind: "sold-out" };
  if ((stock.status === "in_stock" || stock.status === "low_stock") && stock.available < quantity) {
    return stock.available > 0 ? { kind: "short", available: stock.available } : { kind: "sold-out" };
  }
  return null;
}
