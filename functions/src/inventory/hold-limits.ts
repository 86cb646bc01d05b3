/**
 * How much one shopper may hold, pure. A hold takes units out of everyone
 * else's reach without paying, so it is the cheap way to empty a flash sale
 * (denial of inventory). The caps below bound what one hold can lock, one
 * active hold per user stops piling holds up, and the share ceiling keeps part
 * of every SKU for buyers who go straight to `placeOrder` — whatever the number
 * of accounts a script signs up. Numbers and reasons: docs/inventory.md.
 */
import { heldUnits, orderableUnits, type OrderLineInput, type StockState } from "@showroom/model";

export interface HoldLimits {
  /** Units of one SKU a single hold may take. */
  maxUnitsPerSku: number;
  /** Units across all lines of a single hold. */
  maxUnitsPerCart: number;
  /** Share (0–1) of a SKU's holdable units that all holds together may take; the rest stays buyable. */
  maxHeldShare: number;
  /** Hold lifetime for signed-in customers. */
  ttlSeconds: number;
  /** Hold lifetime for anonymous visitors (never longer than `ttlSeconds`). */
  anonymousTtlSeconds: number;
}

/** Which cap refused a hold; `rule` tells the storefront which sentence to show. */
export interface HoldLimitBreach {
  rule: "per-sku" | "per-cart" | "held-share";
  limit: number;
  sku?: string;
}

/** Anonymous visitors are cheap to create, so their holds lapse sooner. */
export function holdTtlSeconds(limits: HoldLimits, anonymous: boolean): number {
  return anonymous ? Math.min(limits.anonymousTtlSeconds, limits.ttlSeconds) : limits.ttlSeconds;
}

/** The per-SKU and per-cart caps, which depend on the request alone. */
export function cartBreach(lines: readonly OrderLineInput[], limits: HoldLimits): HoldLimitBreach | null {
  const tooMany = lines.find((line) => line.quantity > limits.maxUnitsPerSku);
  if (tooMany) return { rule: "per-sku", limit: limits.maxUnitsPerSku, sku: tooMany.sku };
  const units = lines.reduce((sum, line) => sum + line.quantity, 0);
  return units > limits.maxUnitsPerCart ? { rule: "per-cart", limit: limits.maxUnitsPerCart } : null;
}

/**
 * Most units all live holds on a SKU may take together: the share of what is
 * held now plus what could still be sold or held, rounded down (the last unit
 * of a SKU is never holdable under a share below 1). No ceiling for made to
 * order, where nothing runs out.
 */
export function heldCeiling(state: StockState, heldNow: number, nowMs: number, limits: HoldLimits): number {
  const orderable = orderableUnits(state, nowMs);
  if (!Number.isFinite(orderable)) return Number.POSITIVE_INFINITY;
  return Math.floor(limits.maxHeldShare * (heldNow + orderable));
}

/** The share ceiling for one line, given the SKU's live holds (the caller's previous hold already dropped). */
export function shareBreach(sku: string, state: StockState, quantity: number, nowMs: number, limits: HoldLimits): HoldLimitBreach | null {
  const heldNow = heldUnits(state, nowMs);
  const ceiling = heldCeiling(state, heldNow, nowMs, limits);
  return heldNow + quantity > ceiling ? { rule: "held-share", limit: ceiling, sku } : null;
}

/** The words a refusal carries (the storefront words it itself from `rule`). */
export function breachMessage(breach: HoldLimitBreach): string {
  switch (breach.rule) {
    case "per-sku":
      return `A hold may take at most ${breach.limit} units of ${breach.sku}.`;
    case "per-cart":
      return `A hold may take at most ${breach.limit} units in all.`;
    case "held-share":
      return `At most ${breach.limit} units of ${breach.sku} may be held at once.`;
  }
}
