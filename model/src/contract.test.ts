import { describe, expect, it } from "vitest";
import { AdjustStockInputSchema, IdempotencyKeySchema, PlaceOrderInputSchema } from "./contract.js";
import { MAX_VARIANT_OPTIONS, VariantSchema } from "./catalog.js";

const shipping = { name: "Ada", line1: "1 Loom St", city: "Leeds", postalCode: "LS1 1AA", country: "GB" };

describe("PlaceOrderInputSchema", () => {
  it("accepts a valid order", () => {
    expect(PlaceOrderInputSchema.safeParse({ idempotencyKey: "key-12345", lines: [{ sku: "SOF-1", quantity: 2 }], shipping }).success).toBe(true);
  });
  it.each([
    [
      "duplicate SKUs",
      {
        lines: [
          { sku: "SOF-1", quantity: 1 },
          { sku: "SOF-1", quantity: 1 },
        ],
      },
    ],
    ["no lines", { lines: [] }],
    ["26 lines", { lines: Array.from({ length: 26 }, (_, i) => ({ sku: `SKU-${i}`, quantity: 1 })) }],
    ["quantity 21", { lines: [{ sku: "SOF-1", quantity: 21 }] }],
    ["fractional quantity", { lines: [{ sku: "SOF-1", quantity: 1.5 }] }],
    ["a lower-case country", { shipping: { ...shipping, country: "gb" } }],
    ["an extra key", { price: 1 }],
  ])("rejects %s", (_, change) => {
    const input = { idempotencyKey: "key-12345", lines: [{ sku: "SOF-1", quantity: 1 }], shipping, ...change };
    expect(PlaceOrderInputSchema.safeParse(input).success).toBe(false);
  });
});

describe("IdempotencyKeySchema", () => {
  it("takes 8–100 characters of [A-Za-z0-9_-]", () => {
    expect(IdempotencyKeySchema.safeParse("abcd_-12").success).toBe(true);
    expect(IdempotencyKeySchema.safeParse("short").success).toBe(false);
    expect(IdempotencyKeySchema.safeParse("x".repeat(101)).success).toBe(false);
    expect(IdempotencyKeySchema.safeParse("has space1").success).toBe(false);
  });
});

describe("AdjustStockInputSchema", () => {
  it("requires exactly one of delta and setTo", () => {
    expect(AdjustStockInputSchema.safeParse({ sku: "SOF-1", delta: 3, reason: "receive" }).success).toBe(true);
    expect(AdjustStockInputSchema.safeParse({ sku: "SOF-1", setTo: 0, reason: "count" }).success).toBe(true);
    expect(AdjustStockInputSchema.safeParse({ sku: "SOF-1", delta: 3, setTo: 1, reason: "count" }).success).toBe(false);
    expect(AdjustStockInputSchema.safeParse({ sku: "SOF-1", reason: "count" }).success).toBe(false);
    expect(AdjustStockInputSchema.safeParse({ sku: "SOF-1", setTo: -1, reason: "count" }).success).toBe(false);
    expect(AdjustStockInputSchema.safeParse({ sku: "SOF-1", delta: 1, reason: "theft" }).success).toBe(false);
  });
});

describe("VariantSchema", () => {
  it("bounds the number of option keys", () => {
    const variant = (n: number) => ({
      sku: "SOF-ALBA",
      label: "Alba",
      priceCents: 1000,
      options: Object.fromEntries(Array.from({ length: n }, (_, i) => [`axis${i}`, "oak"])),
    });
    expect(VariantSchema.safeParse(variant(MAX_VARIANT_OPTIONS)).success).toBe(true);
    expect(VariantSchema.safeParse(variant(MAX_VARIANT_OPTIONS + 1)).success).toBe(false);
    expect(VariantSchema.safeParse(variant(10_000)).success).toBe(false);
  });
});
