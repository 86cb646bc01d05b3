import { describe, expect, it } from "vitest";
import { boardRow, boardView, DEFAULT_BOARD_FILTER, isLowStock, isOutOfStock, stockHistory, StockFilterStatuses, type BoardProduct } from "./board.js";
import type { InventoryState } from "./availability.js";
import { StockPolicySchema } from "./stock.js";

const now = Date.UTC(2026, 10, 26, 12);
const products = new Map<string, BoardProduct>([
  ["alba", { name: "Alba Sofa", category: "sofas", active: true }],
  ["oak", { name: "Oak Chair", category: "chairs", active: true }],
  ["arc", { name: "Arc Lamp", category: "lighting", active: false }],
]);

function inv(sku: string, productId: string, main: number, east: number, extra: Partial<InventoryState> = {}): InventoryState {
  return {
    sku,
    productId,
    policy: "stock",
    locations: { main: { onHand: main }, east: { onHand: east } },
    holds: {},
    lowStockThreshold: 3,
    eventSeq: 0,
    ...extra,
  };
}

const rows = [
  inv("SOF-ALBA-GREEN", "alba", 10, 5),
  inv("SOF-ALBA-BLUE", "alba", 2, 0),
  inv("CHR-OAK", "oak", 0, 0),
  inv("CHR-OAK-HELD", "oak", 4, 0, {
    holds: { h1: { quantity: 4, uid: "u", expiresAtMs: now + 60_000 }, h2: { quantity: 9, uid: "u", expiresAtMs: now - 1 } },
  }),
  inv("LMP-ARC", "arc", 0, 7),
  inv("LMP-ARC-MTO", "arc", 0, 0, { policy: "made_to_order", leadTimeDays: 21 }),
].map((i) => boardRow(i, products.get(i.productId), now));
const skus = (list: { sku: string }[]) => list.map((r) => r.sku);
const sortBySku = { key: "sku", direction: "asc" } as const;

describe("boardRow", () => {
  it("computes on hand per location, unexpired holds and availability", () => {
    const held = rows.find((r) => r.sku === "CHR-OAK-HELD")!;
    expect(held).toMatchObject({ totalOnHand: 4, held: 4, available: 0, status: "out_of_stock", productName: "Oak Chair", category: "chairs" });
    expect(rows.find((r) => r.sku === "SOF-ALBA-GREEN")).toMatchObject({ onHand: { main: 10, east: 5 }, available: 15, status: "in_stock" });
  });
  it("falls back to the product id when the product is missing", () => {
    expect(boardRow(inv("X-1", "ghost", 1, 0), undefined, now)).toMatchObject({ productName: "ghost", category: null, productActive: false });
  });
});

describe("boardView filters", () => {
  it("searches by SKU prefix or product name words, case-insensitively, and not inside SKUs", () => {
    expect(skus(boardView(rows, { ...DEFAULT_BOARD_FILTER, search: " sof-alba" }, sortBySku))).toEqual(["SOF-ALBA-BLUE", "SOF-ALBA-GREEN"]);
    expect(skus(boardView(rows, { ...DEFAULT_BOARD_FILTER, search: "LMP-ARC" }, sortBySku))).toEqual(["LMP-ARC", "LMP-ARC-MTO"]);
    expect(skus(boardView(rows, { ...DEFAULT_BOARD_FILTER, search: "alba so" }, sortBySku))).toEqual(["SOF-ALBA-BLUE", "SOF-ALBA-GREEN"]);
    expect(skus(boardView(rows, { ...DEFAULT_BOARD_FILTER, search: "Chair" }, sortBySku))).toEqual(["CHR-OAK", "CHR-OAK-HELD"]);
    expect(skus(boardView(rows, { ...DEFAULT_BOARD_FILTER, search: "held" }, sortBySku))).toEqual([]);
  });
  it("keeps only low stock: units left at or below the threshold", () => {
    expect(skus(boardView(rows, { ...DEFAULT_BOARD_FILTER, stock: "low" }, sortBySku))).toEqual(["SOF-ALBA-BLUE"]);
  });
  it("keeps only out of stock, counting held-out SKUs and never made-to-order ones", () => {
    expect(skus(boardView(rows, { ...DEFAULT_BOARD_FILTER, stock: "out" }, sortBySku))).toEqual(["CHR-OAK", "CHR-OAK-HELD"]);
  });
  it("filters by category", () => {
    expect(skus(boardView(rows, { ...DEFAULT_BOARD_FILTER, category: "lighting" }, sortBySku))).toEqual(["LMP-ARC", "LMP-ARC-MTO"]);
  });
  it("filters by location to the SKUs stocked there", () => {
    expect(skus(boardView(rows, { ...DEFAULT_BOARD_FILTER, location: "east" }, sortBySku))).toEqual(["LMP-ARC", "SOF-ALBA-GREEN"]);
  });
  it("combines filters", () => {
    expect(skus(boardView(rows, { search: "chr-oak", stock: "out", category: "chairs", location: "main" }, sortBySku))).toEqual(["CHR-OAK-HELD"]);
  });
});

describe("boardView sort", () => {
  it("sorts by available descending with SKU as the tie-break", () => {
    expect(skus(boardView(rows, DEFAULT_BOARD_FILTER, { key: "available", direction: "desc" }))).toEqual([
      "SOF-ALBA-GREEN",
      "LMP-ARC",
      "SOF-ALBA-BLUE",
      "CHR-OAK",
      "CHR-OAK-HELD",
      "LMP-ARC-MTO",
    ]);
  });
  it("sorts on hand by the chosen location", () => {
    expect(skus(boardView(rows, { ...DEFAULT_BOARD_FILTER, location: "main" }, { key: "onHand", direction: "asc" }))).toEqual([
      "SOF-ALBA-BLUE",
      "CHR-OAK-HELD",
      "SOF-ALBA-GREEN",
    ]);
  });
  it("puts the most urgent status first", () => {
    expect(skus(boardView(rows, DEFAULT_BOARD_FILTER, { key: "status", direction: "asc" })).slice(0, 3)).toEqual(["CHR-OAK", "CHR-OAK-HELD", "SOF-ALBA-BLUE"]);
  });
  it("sorts by product name", () => {
    expect(boardView(rows, DEFAULT_BOARD_FILTER, { key: "product", direction: "asc" })[0]!.productName).toBe("Alba Sofa");
  });
});

describe("StockFilterStatuses", () => {
  it("keeps exactly the rows isLowStock and isOutOfStock keep, for every policy and sellable count", () => {
    const mismatches: string[] = [];
    for (const policy of StockPolicySchema.options) {
      for (let onHand = 0; onHand <= 6; onHand += 1) {
        for (const held of [0, 2, 7]) {
          const holds: InventoryState["holds"] = held ? { h: { quantity: held, uid: "u", expiresAtMs: now + 60_000 } } : {};
          const row = boardRow(inv("X-1", "alba", onHand, 0, { policy, holds, backorderLimit: 3 }), undefined, now);
          if (isLowStock(row) !== StockFilterStatuses.low.includes(row.status)) mismatches.push(`low ${policy} ${onHand}-${held}`);
          if (isOutOfStock(row) !== StockFilterStatuses.out.includes(row.status)) mismatches.push(`out ${policy} ${onHand}-${held}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe("stockHistory", () => {
  it("sums each location's latest on hand, in time order", () => {
    const points = stockHistory([
      { location: "east", after: 3, atMs: 2 },
      { location: "main", after: 5, atMs: 1 },
      { location: "main", after: 2, atMs: 3 },
    ]);
    expect(points.map((p) => [p.atMs, p.onHand])).toEqual([
      [1, 5],
      [2, 8],
      [3, 5],
    ]);
    expect(points[2]!.byLocation).toEqual({ main: 2, east: 3 });
  });
});
