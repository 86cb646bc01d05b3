import { describe, expect, it } from "vitest";
import { availabilityLabel, productInStock, shipsNowChanged, stockStatus } from "./stock.js";

describe("stockStatus", () => {
  const base = { policy: "stock" as const, lowStockThreshold: 3 };
  it("is in stock above the threshold and low at or below it", () => {
    expect(stockStatus({ ...base, sellable: 4 })).toBe("in_stock");
    expect(stockStatus({ ...base, sellable: 3 })).toBe("low_stock");
    expect(stockStatus({ ...base, sellable: 1 })).toBe("low_stock");
  });
  it("is out of stock at zero", () => {
    expect(stockStatus({ ...base, sellable: 0 })).toBe("out_of_stock");
  });
  it("is made to order whatever the count", () => {
    expect(stockStatus({ ...base, policy: "made_to_order", sellable: 0 })).toBe("made_to_order");
  });
  it("is backorder below zero only while the backorder limit has room", () => {
    expect(stockStatus({ ...base, policy: "backorder", backorderLimit: 5, sellable: 0 })).toBe("backorder");
    expect(stockStatus({ ...base, policy: "backorder", backorderLimit: 5, sellable: -4 })).toBe("backorder");
    expect(stockStatus({ ...base, policy: "backorder", backorderLimit: 5, sellable: -5 })).toBe("out_of_stock");
  });
});

describe("availabilityLabel", () => {
  it("uses the words DESIGN lists", () => {
    expect(availabilityLabel({ status: "in_stock", available: 12 })).toBe("In stock");
    expect(availabilityLabel({ status: "low_stock", available: 2 })).toBe("Only 2 left");
    expect(availabilityLabel({ status: "out_of_stock", available: 0 })).toBe("Out of stock");
    expect(availabilityLabel({ status: "made_to_order", available: 0, leadTimeDays: 42 })).toBe("Made to order — ships in 6 weeks");
    expect(availabilityLabel({ status: "made_to_order", available: 0, leadTimeDays: 5 })).toBe("Made to order — ships in 1 week");
    expect(availabilityLabel({ status: "backorder", available: 0 })).toBe("Backorder");
  });
});

describe("ships now", () => {
  it("flips only between shipping from stock and not", () => {
    expect(shipsNowChanged({ status: "in_stock" }, { status: "low_stock" })).toBe(false);
    expect(shipsNowChanged({ status: "low_stock" }, { status: "out_of_stock" })).toBe(true);
    expect(shipsNowChanged({ status: "out_of_stock" }, { status: "in_stock" })).toBe(true);
    expect(shipsNowChanged({ status: "in_stock" }, { status: "made_to_order" })).toBe(true);
    expect(shipsNowChanged({ status: "backorder" }, { status: "out_of_stock" })).toBe(false);
  });
  it("treats a created or deleted stock document as not shipping", () => {
    expect(shipsNowChanged(undefined, { status: "in_stock" })).toBe(true);
    expect(shipsNowChanged(undefined, { status: "made_to_order" })).toBe(false);
    expect(shipsNowChanged({ status: "low_stock" }, undefined)).toBe(true);
  });
  it("counts a product in stock when a SKU it lists ships now, not made to order or backorder", () => {
    const statuses = { A: { status: "made_to_order" }, B: { status: "backorder" }, C: { status: "low_stock" } };
    expect(productInStock(["A", "B"], statuses)).toBe(false);
    expect(productInStock(["A", "C"], statuses)).toBe(true);
    expect(productInStock(["A", "B"], { ...statuses, GONE: { status: "in_stock" } })).toBe(false);
    expect(productInStock(["A", "MISSING"], statuses)).toBe(false);
  });
});
