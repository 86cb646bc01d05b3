import { describe, expect, it } from "vitest";
import { parseProductView, skuAvailability } from "./first-read";

const product = {
  name: "Alba 3-seater sofa",
  slug: "alba-3-seater-sofa",
  category: "sofas",
  description: "Deep seats.",
  images: ["data:image/svg+xml,x"],
  variants: [{ sku: "SOF-ALBA-1", label: "Velvet / Emerald", options: { fabric: "Velvet" }, priceCents: 219_000 }],
  currency: "USD",
  active: true,
  materials: ["Velvet", "Oak"],
  dimensions: { widthCm: 220, depthCm: 95, heightCm: 80 },
};

describe("product page first read", () => {
  it("reads an active product with what the page shows, and its id", () => {
    expect(parseProductView(product, "alba")).toEqual({ ...product, id: "alba" });
    const { materials: _m, dimensions: _d, ...plain } = product;
    expect(parseProductView(plain, "alba")).toEqual({ ...plain, id: "alba" });
  });

  it("turns a missing, inactive or malformed product into null (the page says not found)", () => {
    expect(parseProductView(null, "alba")).toBeNull();
    expect(parseProductView({ ...product, active: false }, "alba")).toBeNull();
    expect(parseProductView({ ...product, description: 3 }, "alba")).toBeNull();
    expect(parseProductView({ ...product, materials: "Velvet" }, "alba")).toBeNull();
    expect(parseProductView({ ...product, dimensions: { widthCm: 220 } }, "alba")).toBeNull();
    expect(parseProductView({ ...product, variants: [] }, "alba")).toBeNull();
  });

  it("takes each SKU's availability from productStock, null where it has none or cannot be read", () => {
    const productStock = {
      productId: "alba",
      skus: {
        A: { available: 2, status: "low_stock" },
        B: { available: 0, status: "made_to_order", leadTimeDays: 42 },
        C: { available: "2", status: "in_stock" },
        D: { available: 1, status: "sold" },
      },
    };
    expect(skuAvailability(productStock, ["A", "B", "C", "D", "E"])).toEqual({
      A: { available: 2, status: "low_stock" },
      B: { available: 0, status: "made_to_order", leadTimeDays: 42 },
      C: null,
      D: null,
      E: null,
    });
    expect(skuAvailability(null, ["A"])).toEqual({ A: null });
    expect(skuAvailability({ productId: "alba" }, ["A"])).toEqual({ A: null });
  });
});
