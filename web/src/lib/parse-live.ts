/** Schema parsing for live documents; lives in the lazily loaded live chunk with zod. */
import {
  ProductRatingSchema,
  ProductSchema,
  ProductStockSchema,
  PublicStockSchema,
  type Product,
  type ProductRating,
  type ProductStock,
  type PublicStock,
} from "@showroom/model";

/** A product document with its id. */
export type CatalogProduct = Product & { id: string };

export function parseProduct(data: unknown, id: string): CatalogProduct | null {
  const parsed = ProductSchema.safeParse(data);
  return parsed.success ? { ...parsed.data, id } : null;
}

export function parseProductStock(data: unknown): ProductStock | null {
  const parsed = ProductStockSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

export function parsePublicStock(data: unknown): PublicStock | null {
  const parsed = PublicStockSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

export function parseProductRating(data: unknown): ProductRating | null {
  const parsed = ProductRatingSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}
