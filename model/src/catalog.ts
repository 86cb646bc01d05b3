import { z } from "zod";
import { Categories } from "./labels.js";
import { CentsSchema, CurrencySchema } from "./money.js";
import { MAX_SEARCH_TERMS } from "./search.js";

export { Categories, CategoryLabels, lowestPrice } from "./labels.js";
export const CategorySchema = z.enum(Categories);
export type Category = z.infer<typeof CategorySchema>;

/** SKUs are upper-case codes such as `SOF-ALBA-3S-VELVET-EMERALD`. */
export const SkuSchema = z
  .string()
  .min(3)
  .max(64)
  .regex(/^[A-Z0-9][A-Z0-9-]*$/, "SKU: upper-case letters, digits and dashes");

/** A variant rarely has more than three axes (fabric, size, colour); the bound keeps a request from carrying thousands. */
export const MAX_VARIANT_OPTIONS = 8;

/** Variant axes (fabric, finish, size, colour…) → chosen value. */
export const VariantOptionsSchema = z
  .record(z.string().min(1).max(30), z.string().min(1).max(60))
  .refine((options) => Object.keys(options).length <= MAX_VARIANT_OPTIONS, `At most ${MAX_VARIANT_OPTIONS} options per variant`);

export const VariantSchema = z.strictObject({
  sku: SkuSchema,
  label: z.string().min(1).max(120),
  options: VariantOptionsSchema,
  priceCents: CentsSchema,
});
export type Variant = z.infer<typeof VariantSchema>;

export const DimensionsSchema = z.strictObject({
  widthCm: z.number().positive().max(2000),
  depthCm: z.number().positive().max(2000),
  heightCm: z.number().positive().max(2000),
});
export type Dimensions = z.infer<typeof DimensionsSchema>;

/** `products/{productId}` as stored (timestamps excluded: they are Firestore types). */
export const ProductSchema = z.object({
  name: z.string().min(1).max(120),
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  category: CategorySchema,
  description: z.string().max(4000),
  images: z.array(z.string().min(1)).max(12),
  variants: z.array(VariantSchema).min(1).max(50),
  currency: CurrencySchema,
  active: z.boolean(),
  materials: z.array(z.string().min(1).max(60)).max(10).optional(),
  dimensions: DimensionsSchema.optional(),
  /** Lowest variant price: lets the catalog sort and filter by price with one index. */
  priceFromCents: CentsSchema.optional(),
  featured: z.boolean().optional(),
  /**
   * Some variant ships now (`productInStock`), for the catalog's "In stock only"
   * query. Kept by the `stock/{sku}` trigger when a SKU's ships-now-ness flips;
   * written directly by `upsertProduct` and the seed. Absent counts as not in stock.
   */
  inStock: z.boolean().optional(),
  /** Name and material terms for the catalog's one `array-contains` (`searchTerms()`); written with the name. */
  searchTerms: z.array(z.string()).max(MAX_SEARCH_TERMS).optional(),
});
export type Product = z.infer<typeof ProductSchema>;

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
