/**
 * Which locations an order line takes its units from. The rule (docs/inventory.md):
 * locations in draw order (`drawSequence`: active ones by `drawOrder`, then
 * inactive ones), only from positive on-hand; a location holding stock that is
 * not configured comes last, so every unit that counts as available can be
 * drawn. Whatever is left (a backorder sale past zero) goes against the first
 * location in draw order. Made-to-order lines take no stock.
 */
import { DEFAULT_LOCATION, type Location } from "./locations.js";
import type { StockPolicy } from "./stock.js";

export interface Allocation {
  location: Location;
  quantity: number;
}

export function allocate(
  locations: Partial<Record<Location, { onHand: number }>>,
  quantity: number,
  policy: StockPolicy,
  drawOrder: readonly Location[],
): Allocation[] {
  if (policy === "made_to_order") return [];
  const unlisted = Object.keys(locations)
    .filter((code) => !drawOrder.includes(code))
    .sort();
  const sequence = [...drawOrder, ...unlisted];
  const taken = new Map<Location, number>();
  let left = quantity;
  for (const location of sequence) {
    const take = Math.min(left, Math.max(0, locations[location]?.onHand ?? 0));
    if (take > 0) taken.set(location, take);
    left -= take;
  }
  if (left > 0) {
    const first = sequence[0] ?? DEFAULT_LOCATION;
    taken.set(first, (taken.get(first) ?? 0) + left);
  }
  return sequence.filter((l) => taken.has(l)).map((location) => ({ location, quantity: taken.get(location) ?? 0 }));
}
