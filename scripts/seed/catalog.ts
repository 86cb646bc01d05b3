/**
 * The demo catalog for the showroom: a furniture & decor store.
 *
 * The products are data, in catalog-data.json, checked against a schema when
 * read; this module turns them into the seed's products with pure functions
 * (no Firestore, no randomness), so the seed script, the benchmark and the
 * unit tests all see exactly the same catalog. Variants are every combination
 * of a product's option axes (fabric, finish, size…); stock is spread
 * deterministically from each SKU's position in the catalog.
 */
import { z } from "zod";
import { CategorySchema, CentsSchema, DEFAULT_LOW_STOCK_THRESHOLD, DimensionsSchema, slugify, stockStatus } from "@showroom/model";
import type { Category, Dimensions, StockPolicy, StockStatus } from "@showroom/model";
import catalogData from "./catalog-data.json" with { type: "json" };

/** How a SKU is stocked when seeded: policy plus on-hand units per location. */
export interface SeedStockPlan {
  policy: StockPolicy;
  main: number;
  east: number;
  lowStockThreshold: number;
  leadTimeDays?: number;
  backorderLimit?: number;
}

/** A variant exactly as `VariantSchema` wants it, plus its stock plan. */
export interface SeedVariant {
  sku: string;
  label: string;
  options: Record<string, string>;
  priceCents: number;
  stock: SeedStockPlan;
}

export interface SeedProduct {
  /** Stable Firestore doc id; equal to `slug`. */
  id: string;
  name: string;
  slug: string;
  category: Category;
  description: string;
  materials: string[];
  dimensions: Dimensions;
  currency: "USD";
  featured?: boolean;
  /** Age of the product in days, for the "newest" sort. */
  createdDaysAgo: number;
  variants: SeedVariant[];
}

/* ------------------------------------------------------------- the data */

/** An option value; `upliftCents` is added to the product's base price. */
const AxisValueSchema = z.strictObject({
  value: z.string().min(1),
  code: z.string().regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, "SKU code part: capitals, digits and dashes"),
  upliftCents: CentsSchema.optional(),
});
type AxisValue = z.infer<typeof AxisValueSchema>;

/** A product in catalog-data.json: its variants are every combination of its axes' values. */
const ProductSpecSchema = z.strictObject({
  name: z.string().min(1),
  category: CategorySchema,
  /** SKU stem such as `SOF-ALBA`; axis codes are appended. */
  code: z.string().regex(/^[A-Z]+-[A-Z]+$/),
  basePriceCents: CentsSchema,
  description: z.string().min(1),
  materials: z.array(z.string().min(1)),
  dimensions: DimensionsSchema,
  /** Values are inline, or the name of one of `sharedValues` (fabrics and finishes many products offer). */
  axes: z.array(z.strictObject({ key: z.string().min(1), values: z.array(z.union([z.string(), AxisValueSchema])).min(1) })).min(1),
  featured: z.literal(true).optional(),
});

const CatalogDataSchema = z.strictObject({
  sharedValues: z.record(z.string(), AxisValueSchema),
  products: z.array(ProductSpecSchema).min(1),
});

interface Axis {
  key: string;
  values: readonly AxisValue[];
}

/** The products of the data file with shared values resolved; a name that is not shared is an error, not a gap. */
export function parseCatalogData(json: unknown): Array<z.infer<typeof ProductSpecSchema> & { axes: Axis[] }> {
  const data = CatalogDataSchema.parse(json);
  return data.products.map((spec) => ({
    ...spec,
    axes: spec.axes.map(({ key, values }) => ({
      key,
      values: values.map((value) => {
        if (typeof value !== "string") return value;
        const shared = data.sharedValues[value];
        if (!shared) throw new Error(`${spec.name}: "${value}" is not one of sharedValues`);
        return shared;
      }),
    })),
  }));
}

type ProductSpec = ReturnType<typeof parseCatalogData>[number];

const SPECS: readonly ProductSpec[] = parseCatalogData(catalogData);

/* ------------------------------------------------------------- variants */

/** Cartesian product of the axes, first axis varying slowest. */
function combine(axes: readonly Axis[]): AxisValue[][] {
  let combos: AxisValue[][] = [[]];
  for (const ax of axes) {
    combos = combos.flatMap((combo) => ax.values.map((value) => [...combo, value]));
  }
  return combos;
}

type StockClass = "in_stock" | "low_stock" | "out_of_stock" | "made_to_order" | "backorder";

/** 20 slots: 12 in stock (60%), 3 low (15%), 2 out (10%), 2 made to order (10%), 1 backorder (5%). */
const STOCK_PATTERN: readonly StockClass[] = [
  ...Array<StockClass>(12).fill("in_stock"),
  ...Array<StockClass>(3).fill("low_stock"),
  ...Array<StockClass>(2).fill("out_of_stock"),
  ...Array<StockClass>(2).fill("made_to_order"),
  "backorder",
];

/**
 * The stock plan for the n-th SKU of the catalog. Stepping through the pattern by 7
 * (coprime with 20) spreads the classes across products while keeping exact
 * proportions over every 20 consecutive SKUs.
 */
export function stockPlanFor(n: number): SeedStockPlan {
  const cls = STOCK_PATTERN[(n * 7) % STOCK_PATTERN.length] ?? "in_stock";
  const lowStockThreshold = DEFAULT_LOW_STOCK_THRESHOLD;
  switch (cls) {
    case "in_stock": {
      const total = 8 + ((n * 11) % 33); // 8–40 units
      const east = Math.floor((total * (3 + (n % 4))) / 10); // 30–60% in the east
      return { policy: "stock", main: total - east, east, lowStockThreshold };
    }
    case "low_stock": {
      const total = 1 + (n % 3); // 1–3 units
      const main = n % 2 === 0 ? total : Math.floor(total / 2);
      return { policy: "stock", main, east: total - main, lowStockThreshold };
    }
    case "out_of_stock":
      return { policy: "stock", main: 0, east: 0, lowStockThreshold };
    case "made_to_order":
      return { policy: "made_to_order", main: 0, east: 0, lowStockThreshold, leadTimeDays: 28 + 7 * (n % 7) };
    case "backorder":
      return { policy: "backorder", main: 0, east: 0, lowStockThreshold, backorderLimit: 5 + (n % 6) };
  }
}

/** The public status a stock plan produces, by the model's shared rule. */
export function planStatus(plan: SeedStockPlan): StockStatus {
  return stockStatus({
    sellable: plan.main + plan.east,
    policy: plan.policy,
    lowStockThreshold: plan.lowStockThreshold,
    ...(plan.backorderLimit === undefined ? {} : { backorderLimit: plan.backorderLimit }),
  });
}

function buildVariants(spec: ProductSpec, firstSkuIndex: number): SeedVariant[] {
  return combine(spec.axes).map((combo, i) => {
    const options: Record<string, string> = {};
    spec.axes.forEach((ax, a) => {
      const chosen = combo[a];
      if (chosen) options[ax.key] = chosen.value;
    });
    return {
      sku: [spec.code, ...combo.map((c) => c.code)].join("-"),
      label: combo.map((c) => c.value).join(" / "),
      options,
      priceCents: spec.basePriceCents + combo.reduce((sum, c) => sum + (c.upliftCents ?? 0), 0),
      stock: stockPlanFor(firstSkuIndex + i),
    };
  });
}

function buildCatalog(specs: readonly ProductSpec[]): SeedProduct[] {
  let skuIndex = 0;
  return specs.map((spec, i) => {
    const slug = slugify(spec.name);
    const variants = buildVariants(spec, skuIndex);
    skuIndex += variants.length;
    const product: SeedProduct = {
      id: slug,
      name: spec.name,
      slug,
      category: spec.category,
      description: spec.description,
      materials: [...spec.materials],
      dimensions: { ...spec.dimensions },
      currency: "USD",
      // 29 is coprime with 240, so every product gets a distinct age of 2–241 days.
      createdDaysAgo: 2 + ((i * 29) % 240),
      variants,
    };
    if (spec.featured) product.featured = true;
    return product;
  });
}

export const seedCatalog: SeedProduct[] = buildCatalog(SPECS);

export function seedProducts(): SeedProduct[] {
  return seedCatalog;
}

/* ---------------------------------------------------------- benchmark */

function cloneProduct(product: SeedProduct, batch: number): SeedProduct {
  const tag = `B${String(batch).padStart(4, "0")}`;
  const slug = `${product.slug}-${tag.toLowerCase()}`;
  return {
    ...product,
    id: slug,
    slug,
    name: `${product.name} ${tag}`,
    materials: [...product.materials],
    dimensions: { ...product.dimensions },
    createdDaysAgo: product.createdDaysAgo + batch,
    variants: product.variants.map((variant) => ({
      ...variant,
      sku: `${variant.sku}-${tag}`,
      options: { ...variant.options },
      stock: { ...variant.stock },
    })),
  };
}

/**
 * A synthetic large catalog for benchmarks: the base catalog followed by clones with
 * suffixed ids, slugs and SKUs (`-b0001` / `-B0001`, …), product by product, until at
 * least `targetSkus` SKUs exist. Deterministic for a given target.
 */
export function scaledCatalog(targetSkus: number): SeedProduct[] {
  if (!Number.isFinite(targetSkus)) throw new RangeError("targetSkus must be a finite number");
  const out: SeedProduct[] = [...seedCatalog];
  let skus = out.reduce((sum, p) => sum + p.variants.length, 0);
  for (let batch = 1; skus < targetSkus; batch++) {
    for (const product of seedCatalog) {
      if (skus >= targetSkus) break;
      out.push(cloneProduct(product, batch));
      skus += product.variants.length;
    }
  }
  return out;
}
