import { describe, expect, it } from "vitest";
import {
  Categories,
  ProductSchema,
  SkuSchema,
  VariantSchema,
  lowestPrice,
  stockStatus,
} from "@showroom/model";
import type { StockStatus } from "@showroom/model";
import { scaledCatalog, seedCatalog, seedProducts } from "./catalog.js";
import type { SeedVariant } from "./catalog.js";
import { productIllustration, variantColor } from "./illustrations.js";

const allVariants: SeedVariant[] = seedCatalog.flatMap((p) => p.variants);

function statusOf(variant: SeedVariant): StockStatus {
  const { stock } = variant;
  return stockStatus({
    sellable: stock.main + stock.east,
    policy: stock.policy,
    lowStockThreshold: stock.lowStockThreshold,
    ...(stock.backorderLimit === undefined ? {} : { backorderLimit: stock.backorderLimit }),
  });
}

describe("seed catalog", () => {
  it("has at least 44 products and 130 SKUs", () => {
    expect(seedProducts()).toBe(seedCatalog);
    expect(seedCatalog.length).toBeGreaterThanOrEqual(44);
    expect(allVariants.length).toBeGreaterThanOrEqual(130);
  });

  it("covers every category with at least 4 products", () => {
    for (const category of Categories) {
      expect(seedCatalog.filter((p) => p.category === category).length, category).toBeGreaterThanOrEqual(4);
    }
  });

  it("has variants that pass VariantSchema", () => {
    for (const { sku, label, options, priceCents } of allVariants) {
      expect(() => VariantSchema.parse({ sku, label, options, priceCents }), sku).not.toThrow();
    }
  });

  it("has products that fit ProductSchema once stored", () => {
    for (const p of seedCatalog) {
      const doc = {
        name: p.name,
        slug: p.slug,
        category: p.category,
        description: p.description,
        images: [productIllustration(p)],
        variants: p.variants.map(({ sku, label, options, priceCents }) => ({ sku, label, options, priceCents })),
        currency: p.currency,
        active: true,
        materials: p.materials,
        dimensions: p.dimensions,
        priceFromCents: lowestPrice(p.variants),
        ...(p.featured ? { featured: true } : {}),
      };
      expect(() => ProductSchema.parse(doc), p.slug).not.toThrow();
    }
  });

  it("has unique SKUs", () => {
    const skus = allVariants.map((v) => v.sku);
    expect(new Set(skus).size).toBe(skus.length);
  });

  it("has valid, unique slugs equal to ids", () => {
    const slugs = seedCatalog.map((p) => p.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const p of seedCatalog) {
      expect(p.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(p.id).toBe(p.slug);
    }
  });

  it("has believable prices, descriptions and featured products", () => {
    for (const p of seedCatalog) {
      const sentences = p.description.split(/(?<=\.)\s+/).length;
      expect(sentences, p.slug).toBeGreaterThanOrEqual(2);
      expect(sentences, p.slug).toBeLessThanOrEqual(3);
      for (const v of p.variants) expect(Number.isInteger(v.priceCents)).toBe(true);
    }
    const sofas = seedCatalog.filter((p) => p.category === "sofas").flatMap((p) => p.variants);
    for (const v of sofas) {
      expect(v.priceCents).toBeGreaterThanOrEqual(120_000);
      expect(v.priceCents).toBeLessThanOrEqual(380_000);
    }
    const featured = seedCatalog.filter((p) => p.featured).length;
    expect(featured).toBeGreaterThanOrEqual(6);
    expect(featured).toBeLessThanOrEqual(8);
  });

  it("has every stock status class, with consistent plans", () => {
    const counts = new Map<StockStatus, number>();
    for (const v of allVariants) {
      const status = statusOf(v);
      counts.set(status, (counts.get(status) ?? 0) + 1);
      const { stock } = v;
      expect(Number.isInteger(stock.main) && stock.main >= 0).toBe(true);
      expect(Number.isInteger(stock.east) && stock.east >= 0).toBe(true);
      if (status === "in_stock") {
        expect(stock.main + stock.east).toBeGreaterThanOrEqual(8);
        expect(stock.main + stock.east).toBeLessThanOrEqual(40);
      }
      if (status === "made_to_order") {
        expect(stock.leadTimeDays).toBeGreaterThanOrEqual(28);
        expect(stock.leadTimeDays).toBeLessThanOrEqual(70);
      }
      if (status === "backorder") {
        expect(stock.backorderLimit).toBeGreaterThanOrEqual(5);
        expect(stock.backorderLimit).toBeLessThanOrEqual(10);
      }
    }
    for (const status of ["in_stock", "low_stock", "out_of_stock", "made_to_order", "backorder"] as const) {
      expect(counts.get(status) ?? 0, status).toBeGreaterThan(0);
    }
    // Roughly 60% in stock.
    expect((counts.get("in_stock") ?? 0) / allVariants.length).toBeGreaterThan(0.5);
  });

  it("splits stock between the main and east locations", () => {
    expect(allVariants.some((v) => v.stock.main > 0 && v.stock.east > 0)).toBe(true);
  });
});

describe("illustrations", () => {
  it("is a small SVG data URL for every variant", () => {
    for (const p of seedCatalog) {
      p.variants.forEach((_, i) => {
        const url = productIllustration(p, i);
        expect(url.startsWith("data:image/svg+xml;charset=utf-8,")).toBe(true);
        expect(url.length).toBeLessThan(4096);
        const svg = decodeURIComponent(url.slice(url.indexOf(",") + 1));
        expect(svg.startsWith("<svg")).toBe(true);
        expect(svg.endsWith("</svg>")).toBe(true);
        expect(svg).toContain("viewBox='0 0 400 300'");
        expect(svg).not.toMatch(/href|<text|url\(/);
      });
    }
  });

  it("colours variants from their options", () => {
    expect(variantColor({ fabric: "Velvet — Emerald" })).toBe(variantColor({ colour: "Emerald" }));
    expect(variantColor({ finish: "Walnut" })).not.toBe(variantColor({ finish: "Oak" }));
    expect(variantColor({ size: "Large" })).toMatch(/^#[0-9a-f]{6}$/);
    expect(variantColor({ size: "Large" })).toBe(variantColor({ size: "Large" }));
  });

  it("draws a different shape per category", () => {
    const options = { colour: "Sage" };
    const svgs = Categories.map((category) =>
      productIllustration({ category, name: "Test", variants: [{ options }] }),
    );
    expect(new Set(svgs).size).toBe(Categories.length);
  });
});

describe("scaledCatalog", () => {
  it("yields at least 10,000 unique, valid SKUs deterministically", () => {
    const big = scaledCatalog(10_000);
    const skus = big.flatMap((p) => p.variants.map((v) => v.sku));
    expect(skus.length).toBeGreaterThanOrEqual(10_000);
    expect(new Set(skus).size).toBe(skus.length);
    expect(new Set(big.map((p) => p.id)).size).toBe(big.length);
    for (const sku of skus) expect(SkuSchema.safeParse(sku).success, sku).toBe(true);
    expect(scaledCatalog(10_000).map((p) => p.id)).toEqual(big.map((p) => p.id));
  });

  it("returns the base catalog when the target is small", () => {
    expect(scaledCatalog(1)).toEqual(seedCatalog);
  });
});
