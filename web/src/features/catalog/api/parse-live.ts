/** Schema parsing for live documents; lives in the lazily loaded live chunk with zod. */
import { ProductSchema, ProductStockSchema, PublicStockSchema, type ProductStock, type PublicStock } from "@showroom/model";
import type { CatalogProduct } from "./products";

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
