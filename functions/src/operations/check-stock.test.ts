import { describe, expect, it } from "vitest";
import { driftOf, type SkuSnapshot } from "./check-stock.js";

/** Stands in for a Firestore Timestamp: all the codec reads is `toMillis`. */
const at = (ms: number) => ({ toMillis: () => ms });
const NOW = 1_000_000;

/** A consistent SKU with 5 on hand at main, changed by `patch`. */
function snapshot(patch: { inventory?: Record<string, unknown>; stock?: Record<string, unknown>; ledgerMain?: number } = {}): SkuSnapshot {
  return {
    sku: "SKU-1",
    inventory: {
      sku: "SKU-1",
      productId: "p1",
      policy: "stock",
      locations: { main: { onHand: 5 }, east: { onHand: 0 } },
      holds: {},
      status: "in_stock",
      ...patch.inventory,
    },
    stock: { productId: "p1", available: 5, status: "in_stock", ...patch.stock },
    summary: { available: 5, status: "in_stock", ...patch.stock },
    ledger: new Map([["main", patch.ledgerMain ?? 5]]),
  };
}

describe("driftOf", () => {
  it("finds nothing in a consistent SKU", () => {
    expect(driftOf(snapshot(), NOW)).toEqual([]);
  });

  it("reports on hand that the ledger does not add up to", () => {
    expect(driftOf(snapshot({ ledgerMain: 3 }), NOW)).toEqual([{ sku: "SKU-1", problem: "main: on hand 5 ≠ ledger sum 3" }]);
  });

  it("reports a public view that says something else than the inventory, as real drift", () => {
    const drift = driftOf(snapshot({ stock: { available: 9 } }), NOW);
    expect(drift.map((d) => [d.problem.split(" says")[0], d.settling])).toEqual([
      ["stock/{sku}", undefined],
      ["productStock/p1", undefined],
    ]);
  });

  it("marks views that only lag an expired, unswept hold as settling", () => {
    const holds = { h1: { quantity: 2, uid: "u", expiresAt: at(NOW - 1) } };
    // The last write published 5 − 2 held = 3 (low stock); now the hold has lapsed, 5 are sellable.
    const drift = driftOf(snapshot({ inventory: { holds, status: "low_stock" }, stock: { available: 3, status: "low_stock" } }), NOW);
    expect(drift.length).toBeGreaterThan(0);
    expect(drift.every((d) => d.settling === true && d.problem.endsWith("(expired holds not yet swept)"))).toBe(true);
  });

  it("does not excuse a view that matches neither now nor the last write, even with an expired hold", () => {
    const holds = { h1: { quantity: 2, uid: "u", expiresAt: at(NOW - 1) } };
    const drift = driftOf(snapshot({ inventory: { holds }, stock: { available: 1 } }), NOW);
    expect(drift.some((d) => d.problem.startsWith("stock/{sku}") && !d.settling)).toBe(true);
  });

  it("reports a malformed inventory document instead of throwing", () => {
    const [d] = driftOf(snapshot({ inventory: { locations: "lots" } }), NOW);
    expect(d?.problem).toMatch(/inventory\/SKU-1 is malformed/);
  });

  it("checks every location either side names: a configured one the inventory lacks, and one only the inventory has", () => {
    const base = snapshot();
    const ledger = new Map([...base.ledger, ["showroom-nyc", 2]]);
    expect(driftOf({ ...base, ledger }, NOW)).toEqual([{ sku: "SKU-1", problem: "showroom-nyc: on hand 0 ≠ ledger sum 2" }]);
    const locations = { main: { onHand: 5 }, "showroom-nyc": { onHand: 1 } };
    const drift = driftOf(snapshot({ inventory: { locations }, stock: { available: 6 } }), NOW);
    expect(drift).toEqual([{ sku: "SKU-1", problem: "showroom-nyc: on hand 1 ≠ ledger sum 0" }]);
  });
});
