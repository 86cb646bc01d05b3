import { describe, expect, it } from "vitest";
import {
  inventoryMovementFields,
  MalformedDocumentError,
  newInventoryDoc,
  newInventoryState,
  openingLedger,
  parseInventoryDoc,
  parseStockDoc,
  publicStockOf,
} from "./stock-codec.js";
import { DEFAULT_LOW_STOCK_THRESHOLD } from "./stock.js";

const NOW = Date.UTC(2026, 10, 30, 12);
/** Stands in for a Firestore Timestamp of either SDK: all the codec relies on is `toMillis`. */
const stamp = (ms: number) => ({ toMillis: () => ms });

const stored = {
  sku: "SOF-ALBA-GREEN",
  productId: "p-alba",
  policy: "stock",
  locations: { main: { onHand: 4 }, east: { onHand: 1 } },
  held: 2,
  holds: { h1: { quantity: 2, uid: "alice", expiresAt: stamp(NOW + 60_000) }, h2: { quantity: 1, uid: "bob", expiresAt: stamp(NOW - 1) } },
  lowStockThreshold: 3,
  status: "low_stock",
  category: "sofas",
  searchTerms: ["so"],
  updatedAt: stamp(NOW - 5_000),
};

describe("parseInventoryDoc", () => {
  it("reads an inventory document into stock state, hold expiries as milliseconds", () => {
    expect(parseInventoryDoc("SOF-ALBA-GREEN", stored)).toEqual({
      sku: "SOF-ALBA-GREEN",
      productId: "p-alba",
      policy: "stock",
      locations: { main: { onHand: 4 }, east: { onHand: 1 } },
      holds: { h1: { quantity: 2, uid: "alice", expiresAtMs: NOW + 60_000 }, h2: { quantity: 1, uid: "bob", expiresAtMs: NOW - 1 } },
      lowStockThreshold: 3,
      // No event yet: the SKU's first event will be seq 1.
      eventSeq: 0,
    });
  });

  it("reads a missing threshold as the one default, and missing holds as none", () => {
    const { lowStockThreshold: _, holds: __, ...bare } = stored;
    const state = parseInventoryDoc("SOF-ALBA-GREEN", bare);
    expect(state.lowStockThreshold).toBe(DEFAULT_LOW_STOCK_THRESHOLD);
    expect(state.holds).toEqual({});
    // With the default threshold, 5 on hand is in stock and 3 is low: the same answer functions, console and reconcile give.
    expect(publicStockOf({ ...state, locations: { main: { onHand: 3 } } }, NOW).stock.status).toBe("low_stock");
  });

  it("keeps backorder limit and lead time only when stored", () => {
    const state = parseInventoryDoc("X-1", { ...stored, policy: "backorder", backorderLimit: 5, leadTimeDays: 21 });
    expect(state).toMatchObject({ backorderLimit: 5, leadTimeDays: 21 });
    expect(Object.keys(parseInventoryDoc("X-1", stored))).not.toContain("leadTimeDays");
  });

  it.each([
    ["no product", { ...stored, productId: undefined }, "productId"],
    ["an unknown policy", { ...stored, policy: "free" }, "policy"],
    ["a fractional on hand", { ...stored, locations: { main: { onHand: 1.5 } } }, "locations.main.onHand"],
    ["a location code that is not a slug", { ...stored, locations: { "Moon Base": { onHand: 1 } } }, "locations"],
    ["a hold expiry that is not a Timestamp", { ...stored, holds: { h: { quantity: 1, uid: "u", expiresAt: "soon" } } }, "holds.h.expiresAt"],
    ["a negative threshold", { ...stored, lowStockThreshold: -1 }, "lowStockThreshold"],
  ])("refuses a document with %s, naming the document and the field", (_, data, field) => {
    const parse = () => parseInventoryDoc("SOF-ALBA-GREEN", data);
    expect(parse).toThrow(MalformedDocumentError);
    expect(parse).toThrow(`inventory/SOF-ALBA-GREEN is malformed: ${field}`);
  });

  it("refuses what is not a document at all", () => {
    expect(() => parseInventoryDoc("X-1", undefined)).toThrow(MalformedDocumentError);
  });
});

describe("parseStockDoc", () => {
  it("reads the public view, a missing threshold as on inventory", () => {
    expect(parseStockDoc("X-1", { sku: "X-1", productId: "p", available: 2, status: "low_stock", updatedAt: stamp(NOW) })).toEqual({
      sku: "X-1",
      productId: "p",
      available: 2,
      status: "low_stock",
      lowStockThreshold: DEFAULT_LOW_STOCK_THRESHOLD,
    });
  });

  it("refuses an unknown status or a negative available", () => {
    expect(() => parseStockDoc("X-1", { productId: "p", available: 2, status: "plenty" })).toThrow("stock/X-1 is malformed: status");
    expect(() => parseStockDoc("X-1", { productId: "p", available: -1, status: "out_of_stock" })).toThrow("stock/X-1 is malformed: available");
  });
});

describe("publicStockOf", () => {
  it("derives stock/{sku}, the productStock entry and inventory's status from one computation; expired holds do not count", () => {
    const views = publicStockOf(parseInventoryDoc("SOF-ALBA-GREEN", { ...stored, leadTimeDays: 10 }), NOW);
    expect(views).toEqual({
      stock: { sku: "SOF-ALBA-GREEN", productId: "p-alba", available: 3, status: "low_stock", lowStockThreshold: 3, leadTimeDays: 10 },
      summary: { available: 3, status: "low_stock", leadTimeDays: 10 },
      inventory: { status: "low_stock" },
    });
  });

  it("publishes made to order without counting units", () => {
    const state = newInventoryState("X-1", "p", { policy: "made_to_order", leadTimeDays: 28 });
    expect(publicStockOf(state, NOW).summary).toEqual({ available: 0, status: "made_to_order", leadTimeDays: 28 });
  });
});

describe("building documents", () => {
  it("a new SKU holds nothing, only planned locations have an entry (others read as 0), the default threshold", () => {
    expect(newInventoryState("X-1", "p", { policy: "stock", onHand: { east: 4 } })).toEqual({
      sku: "X-1",
      productId: "p",
      policy: "stock",
      locations: { east: { onHand: 4 } },
      holds: {},
      lowStockThreshold: DEFAULT_LOW_STOCK_THRESHOLD,
      eventSeq: 0,
    });
  });

  it("a new inventory document parses back to the state it was built from", () => {
    const state = newInventoryState("X-1", "p", { policy: "backorder", onHand: { main: 2 }, backorderLimit: 3, lowStockThreshold: 1, leadTimeDays: 7 });
    const doc = newInventoryDoc(state, publicStockOf(state, NOW), { category: "decor", searchTerms: ["x"] });
    expect(doc).toMatchObject({ held: 0, holds: {}, status: "in_stock", category: "decor", searchTerms: ["x"] });
    expect(parseInventoryDoc("X-1", doc)).toEqual(state);
  });

  it("a movement writes holds with the caller's timestamps, the held units and the status; it parses back", () => {
    const state = parseInventoryDoc("SOF-ALBA-GREEN", stored);
    const fields = inventoryMovementFields(state, publicStockOf(state, NOW), stamp);
    expect(fields).toMatchObject({ held: 3, status: "low_stock", locations: state.locations });
    expect(parseInventoryDoc("SOF-ALBA-GREEN", { ...stored, ...fields })).toEqual(state);
  });

  it("opens stock with one ledger entry per location holding units, with stable ids", () => {
    const state = newInventoryState("X-1", "p", { policy: "stock", onHand: { main: 5 } });
    expect(openingLedger(state, "seed")).toEqual([
      { id: "seed-X-1-main", entry: { sku: "X-1", location: "main", delta: 5, reason: "seed", actorUid: "seed", before: 0, after: 5 } },
    ]);
  });
});
