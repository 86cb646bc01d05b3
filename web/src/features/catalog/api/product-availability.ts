/**
 * A product's availability in one phrase, from its variants' public stock, in
 * DESIGN's words: the best way to get any variant of it now.
 */
import { availabilityLabel } from "@showroom/model/labels";
import type { ProductStock, StockStatus } from "@showroom/model";

type SkuStock = ProductStock["skus"][string];

/** Best first: what a shopper can have soonest. */
const RANK: Record<StockStatus, number> = { in_stock: 0, low_stock: 1, made_to_order: 2, backorder: 3, out_of_stock: 4 };

export function bestAvailability(skus: readonly string[], stock: ProductStock | null): SkuStock | null {
  let best: SkuStock | null = null;
  for (const sku of skus) {
    const s = stock?.skus[sku];
    if (!s) continue;
    const better =
      !best ||
      RANK[s.status] < RANK[best.status] ||
      (s.status === best.status && s.status === "low_stock" && s.available > best.available) ||
      (s.status === best.status && s.status === "made_to_order" && (s.leadTimeDays ?? 0) < (best.leadTimeDays ?? 0));
    if (better) best = s;
  }
  return best;
}

export function productAvailabilityLabel(skus: readonly string[], stock: ProductStock | null): string {
  const best = bestAvailability(skus, stock);
  return best ? availabilityLabel(best) : "Out of stock";
}
