/**
 * Which locations an order line takes its units from. The rule (docs/inventory.md):
 * `main` first, then `east`, only from positive on-hand; whatever is left (a
 * backorder sale past zero) goes against `main`. Made-to-order lines take no stock.
 */
import { Locations, type Location } from "./collections.js";
import type { StockPolicy } from "./stock.js";

export interface Allocation {
  location: Location;
  quantity: number;
}

export function allocate(locations: Partial<Record<Location, { onHand: number }>>, quantity: number, policy: StockPolicy): Allocation[] {
  if (policy === "made_to_order") return [];
  const taken = new Map<Location, number>();
  let left = quantity;
  for (const location of Locations) {
    const take = Math.min(left, Math.max(0, locations[location]?.onHand ?? 0));
    if (take > 0) taken.set(location, take);
    left -= take;
  }
  if (left > 0) taken.set("main", (taken.get("main") ?? 0) + left);
  return Locations.filter((l) => taken.has(l)).map((location) => ({ location, quantity: taken.get(location) ?? 0 }));
}
