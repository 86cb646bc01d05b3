import { describe, expect, it } from "vitest";
import type { StockState } from "@showroom/model";
import { cartBreach, heldCeiling, holdTtlSeconds, shareBreach, type HoldLimits } from "./hold-limits.js";

const NOW = Date.UTC(2026, 10, 30, 9);
const limits: HoldLimits = { maxUnitsPerSku: 5, maxUnitsPerCart: 8, maxHeldShare: 0.5, ttlSeconds: 900, anonymousTtlSeconds: 300 };
const state = (onHand: number, held: number[] = [], over: Partial<StockState> = {}): StockState => ({
  policy: "stock",
  locations: { main: { onHand } },
  holds: Object.fromEntries(held.map((quantity, i) => [`h${i}`, { quantity, uid: `u${i}`, expiresAtMs: NOW + 1000 }])),
  lowStockThreshold: 1,
  ...over,
});

describe("hold limits", () => {
  it("names the first line over the per-SKU cap, then the cart total", () => {
    expect(
      cartBreach(
        [
          { sku: "A", quantity: 5 },
          { sku: "B", quantity: 3 },
        ],
        limits,
      ),
    ).toBeNull();
    expect(
      cartBreach(
        [
          { sku: "A", quantity: 5 },
          { sku: "B", quantity: 6 },
        ],
        limits,
      ),
    ).toEqual({ rule: "per-sku", limit: 5, sku: "B" });
    expect(
      cartBreach(
        [
          { sku: "A", quantity: 5 },
          { sku: "B", quantity: 4 },
        ],
        limits,
      ),
    ).toEqual({ rule: "per-cart", limit: 8 });
  });

  it("gives anonymous visitors the shorter lifetime, never a longer one", () => {
    expect(holdTtlSeconds(limits, true)).toBe(300);
    expect(holdTtlSeconds(limits, false)).toBe(900);
    expect(holdTtlSeconds({ ...limits, ttlSeconds: 60 }, true)).toBe(60);
  });

  it("lets all holds together take at most the share of held + orderable units, rounded down", () => {
    expect(heldCeiling(state(10), 0, NOW, limits)).toBe(5);
    expect(heldCeiling(state(1), 0, NOW, limits)).toBe(0);
    expect(heldCeiling(state(0, [], { policy: "made_to_order" }), 0, NOW, limits)).toBe(Number.POSITIVE_INFINITY);
    // Sold units leave the base; held ones stay in it.
    expect(heldCeiling(state(7, [4]), 4, NOW, limits)).toBe(3);
  });

  it("refuses a line that would take the held units past the ceiling; expired holds do not count", () => {
    expect(shareBreach("A", state(10, [3]), 2, NOW, limits)).toBeNull();
    expect(shareBreach("A", state(10, [3]), 3, NOW, limits)).toEqual({ rule: "held-share", limit: 5, sku: "A" });
    const expired = state(10, [5]);
    expired.holds.h0!.expiresAtMs = NOW;
    expect(shareBreach("A", expired, 5, NOW, limits)).toBeNull();
  });
});
