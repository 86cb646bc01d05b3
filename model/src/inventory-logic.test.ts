import { describe, expect, it } from "vitest";
import { allocate } from "./allocation.js";
import { heldUnits, orderableUnits, publicAvailability, pruneExpiredHolds, sellableUnits, type StockState } from "./availability.js";
import { holdExpiry, holdIsUsable } from "./holds.js";
import { orderTotal } from "./totals.js";

const NOW = 1_000_000;
const state = (over: Partial<StockState> = {}): StockState => ({
  policy: "stock",
  locations: { main: { onHand: 4 }, east: { onHand: 6 } },
  holds: {},
  lowStockThreshold: 3,
  ...over,
});

describe("availability", () => {
  it("subtracts only unexpired holds from on hand", () => {
    const s = state({ holds: { a: { quantity: 3, uid: "u", expiresAtMs: NOW + 1 }, b: { quantity: 5, uid: "u", expiresAtMs: NOW } } });
    expect(heldUnits(s, NOW)).toBe(3);
    expect(sellableUnits(s, NOW)).toBe(7);
    expect(sellableUnits(s, NOW + 1)).toBe(10);
    expect(Object.keys(pruneExpiredHolds(s.holds, NOW))).toEqual(["a"]);
  });
  it("lets stock sell down to zero, backorder to minus its limit, made to order without limit", () => {
    expect(orderableUnits(state(), NOW)).toBe(10);
    expect(orderableUnits(state({ policy: "backorder", backorderLimit: 5 }), NOW)).toBe(15);
    expect(orderableUnits(state({ policy: "backorder", backorderLimit: 5, locations: { main: { onHand: -7 } } }), NOW)).toBe(0);
    expect(orderableUnits(state({ policy: "made_to_order", locations: {} }), NOW)).toBe(Number.POSITIVE_INFINITY);
  });
  it("publishes available ≥ 0 with the status at the low-stock threshold", () => {
    expect(publicAvailability(state({ locations: { main: { onHand: 3 } } }), NOW)).toEqual({ available: 3, status: "low_stock" });
    expect(publicAvailability(state({ policy: "backorder", backorderLimit: 2, locations: { main: { onHand: -1 } } }), NOW)).toEqual({
      available: 0,
      status: "backorder",
    });
  });
});

const MAIN_EAST = ["main", "east"];

describe("allocate", () => {
  it("takes from main first, then east", () => {
    expect(allocate({ main: { onHand: 4 }, east: { onHand: 6 } }, 7, "stock", MAIN_EAST)).toEqual([
      { location: "main", quantity: 4 },
      { location: "east", quantity: 3 },
    ]);
    expect(allocate({ main: { onHand: 0 }, east: { onHand: 6 } }, 2, "stock", MAIN_EAST)).toEqual([{ location: "east", quantity: 2 }]);
  });
  it("puts a backorder remainder against main and made to order nowhere", () => {
    expect(allocate({ main: { onHand: 1 }, east: { onHand: 1 } }, 5, "backorder", MAIN_EAST)).toEqual([
      { location: "main", quantity: 4 },
      { location: "east", quantity: 1 },
    ]);
    expect(allocate({ main: { onHand: -2 } }, 1, "backorder", MAIN_EAST)).toEqual([{ location: "main", quantity: 1 }]);
    expect(allocate({}, 3, "made_to_order", MAIN_EAST)).toEqual([]);
  });
});

describe("holds", () => {
  it("expire after their TTL and stop being usable once consumed", () => {
    const expiresAtMs = holdExpiry(NOW, 900);
    expect(expiresAtMs).toBe(NOW + 900_000);
    expect(holdIsUsable({ status: "active", expiresAtMs }, expiresAtMs - 1)).toBe(true);
    expect(holdIsUsable({ status: "active", expiresAtMs }, expiresAtMs)).toBe(false);
    expect(holdIsUsable({ status: "consumed", expiresAtMs }, NOW)).toBe(false);
  });
});

describe("orderTotal", () => {
  it("sums lines in cents and refuses totals that do not fit", () => {
    expect(
      orderTotal([
        { quantity: 2, unitPriceCents: 1999 },
        { quantity: 1, unitPriceCents: 1 },
      ]),
    ).toBe(3999);
    expect(orderTotal([{ quantity: 20, unitPriceCents: 100_000_000 }])).toBeNull();
  });
});
