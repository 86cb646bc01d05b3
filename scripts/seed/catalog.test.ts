import { describe, expect, it } from "vitest";
import { Categories, InventorySchema, LedgerEntrySchema, ProductSchema, ProductStockSchema, PublicStockSchema, SkuSchema } from "@showroom/model";
import type { StockStatus } from "@showroom/model";
import { productIllustration } from "@showroom/model/illustrations";
import catalogData from "./catalog-data.json" with { type: "json" };
import { parseCatalogData, planStatus, scaledCatalog, seedCatalog, seedProducts } from "./catalog.js";
import type { SeedProduct, SeedVariant } from "./catalog.js";
import { productDoc, productStockSummary, stockDocs } from "./seed.js";

const allVariants: SeedVariant[] = seedCatalog.flatMap((p) => p.variants);

/** What a first seed writes for a product (no stock existed yet), built by seed.ts itself. */
function firstSeedDocs(product: SeedProduct) {
  const statuses = Object.fromEntries(product.variants.map((v) => [v.sku, { status: planStatus(v.stock) }]));
  return {
    product: productDoc(product, statuses),
    stock: product.variants.map((variant) => stockDocs(product, variant)),
    productStock: productStockSummary(product, new Set()),
  };
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

  it("writes documents that pass the model's schemas: products, inventory, stock, ledger, productStock", () => {
    for (const p of seedCatalog) {
      const docs = firstSeedDocs(p);
      expect(() => ProductSchema.parse(docs.product), p.slug).not.toThrow();
      expect(docs.product.images).toEqual([productIllustration(p)]);
      for (const { inventory, stock, ledger } of docs.stock) {
        expect(() => InventorySchema.parse(inventory), inventory.sku).not.toThrow();
        expect(() => PublicStockSchema.parse(stock), stock.sku).not.toThrow();
        for (const entry of ledger) expect(() => LedgerEntrySchema.parse(entry.data), entry.id).not.toThrow();
      }
      expect(() => ProductStockSchema.parse(docs.productStock), p.slug).not.toThrow();
    }
  });

  it("writes each SKU's planned status and units to its stock documents", () => {
    for (const p of seedCatalog) {
      for (const [i, { inventory, stock }] of firstSeedDocs(p).stock.entries()) {
        const plan = p.variants[i]!.stock;
        expect(stock.status, stock.sku).toBe(planStatus(plan));
        expect(inventory.status).toBe(stock.status);
        expect(stock.available).toBe(plan.main + plan.east);
      }
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
      const status = planStatus(v.stock);
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
});

describe("catalog-data.json", () => {
  const product = catalogData.products[0]!;
  const withProduct = (change: Record<string, unknown>) => ({ ...catalogData, products: [{ ...product, ...change }] });

  it("reads as the catalog", () => {
    expect(parseCatalogData(catalogData).map((p) => p.name)).toEqual(seedCatalog.map((p) => p.name));
  });

  it("rejects a value name that is not shared", () => {
    expect(() => parseCatalogData(withProduct({ axes: [{ key: "fabric", values: ["velvet-plaid"] }] }))).toThrow(/"velvet-plaid" is not one of sharedValues/);
  });

  it("rejects a product the schema does not allow", () => {
    expect(() => parseCatalogData(withProduct({ category: "garden" }))).toThrow();
    expect(() => parseCatalogData(withProduct({ basePriceCents: 12.5 }))).toThrow();
    expect(() => parseCatalogData(withProduct({ dimensions: { widthCm: 10 } }))).toThrow();
    expect(() => parseCatalogData(withProduct({ axes: [] }))).toThrow();
    expect(() => parseCatalogData(withProduct({ colour: "red" }))).toThrow();
    expect(() => parseCatalogData(withProduct({ axes: [{ key: "size", values: [{ value: "Large", code: "large" }] }] }))).toThrow(/SKU code part/);
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
