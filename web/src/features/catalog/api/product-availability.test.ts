import { describe, expect, it } from "vitest";
import type { ProductStock } from "@showroom/model";
import { bestAvailability, productAvailabilityLabel } from "./product-availability";

const stock = (skus: ProductStock["skus"]): ProductStock => ({ productId: "p", skus });

describe("product availability", () => {
  it("prefers a variant in stock over a low, made-to-order or sold-out one", () => {
    const s = stock({
      A: { available: 0, status: "out_of_stock" },
      B: { available: 2, status: "low_stock" },
      C: { available: 9, status: "in_stock" },
    });
    expect(productAvailabilityLabel(["A", "B", "C"], s)).toBe("In stock");
  });

  it("says how many are left when the best variant is low", () => {
    const s = stock({ A: { available: 1, status: "low_stock" }, B: { available: 3, status: "low_stock" } });
    expect(productAvailabilityLabel(["A", "B"], s)).toBe("Only 3 left");
  });

  it("picks the shortest lead time among made-to-order variants", () => {
    const s = stock({ A: { available: 0, status: "made_to_order", leadTimeDays: 42 }, B: { available: 0, status: "made_to_order", leadTimeDays: 14 } });
    expect(productAvailabilityLabel(["A", "B"], s)).toBe("Made to order — ships in 2 weeks");
  });

  it("treats a product with no stock record as out of stock", () => {
    expect(bestAvailability(["A"], null)).toBeNull();
    expect(productAvailabilityLabel(["A"], stock({}))).toBe("Out of stock");
  });
});
