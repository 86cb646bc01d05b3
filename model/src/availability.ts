/**
 * Availability of one SKU, computed from its inventory truth at a given time.
 * Holds are kept on the SKU's inventory document with their expiry, so an
 * expired hold stops counting the moment the clock passes it — no sweeper
 * needed for correctness.
 */
import type { Location } from "./locations.js";
import { stockStatus, type StockPolicy, type StockStatus } from "./stock.js";

export interface HoldEntry {
  quantity: number;
  uid: string;
  expiresAtMs: number;
}

export interface StockState {
  policy: StockPolicy;
  locations: Partial<Record<Location, { onHand: number }>>;
  /** Active (possibly expired) holds by hold id. */
  holds: Record<string, HoldEntry>;
  lowStockThreshold: number;
  backorderLimit?: number;
  leadTimeDays?: number;
}

/** One SKU's stock: `inventory/{sku}` as the stock engine, the board and reconcile read it (stock-codec.ts). */
export interface InventoryState extends StockState {
  sku: string;
  productId: string;
  /** The last event seq of subject `sku/{sku}` (events.ts): the outbox numbers the SKU's next event from it. */
  eventSeq: number;
}

export function isLiveHold(hold: Pick<HoldEntry, "expiresAtMs">, nowMs: number): boolean {
  return hold.expiresAtMs > nowMs;
}

export function onHandTotal(state: Pick<StockState, "locations">): number {
  return Object.values(state.locations).reduce((sum, loc) => sum + (loc?.onHand ?? 0), 0);
}

export function heldUnits(state: Pick<StockState, "holds">, nowMs: number): number {
  return Object.values(state.holds).reduce((sum, hold) => sum + (isLiveHold(hold, nowMs) ? hold.quantity : 0), 0);
}

/** On hand − unexpired holds; below zero only for backorder sales. */
export function sellableUnits(state: Pick<StockState, "holds" | "locations">, nowMs: number): number {
  return onHandTotal(state) - heldUnits(state, nowMs);
}

/** The lowest `sellable` the policy allows, or null when there is no limit (made to order). */
export function sellFloor(state: Pick<StockState, "policy" | "backorderLimit">): number | null {
  switch (state.policy) {
    case "made_to_order":
      return null;
    case "backorder":
      return -(state.backorderLimit ?? 0);
    case "stock":
      return 0;
  }
}

/** How many more units may be sold or held now (Infinity for made to order). */
export function orderableUnits(state: StockState, nowMs: number): number {
  const floor = sellFloor(state);
  return floor === null ? Number.POSITIVE_INFINITY : Math.max(0, sellableUnits(state, nowMs) - floor);
}

/** The public view written to `stock/{sku}` and `productStock/{productId}`. */
export function publicAvailability(state: StockState, nowMs: number): { available: number; status: StockStatus } {
  const sellable = sellableUnits(state, nowMs);
  return {
    available: Math.max(0, sellable),
    status: stockStatus({ sellable, policy: state.policy, lowStockThreshold: state.lowStockThreshold, backorderLimit: state.backorderLimit }),
  };
}

/** Drops expired holds (they no longer count; removing them only tidies the document). */
export function pruneExpiredHolds(holds: Record<string, HoldEntry>, nowMs: number): Record<string, HoldEntry> {
  return Object.fromEntries(Object.entries(holds).filter(([, hold]) => isLiveHold(hold, nowMs)));
}
