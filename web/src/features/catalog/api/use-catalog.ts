import { collection, limit, orderBy, query, where, type QueryConstraint } from "firebase/firestore";
import { Collections, ProductSchema, type Category, type Product } from "@showroom/model";
import { db } from "../../../lib/firebase";
import { useLiveQuery } from "../../../lib/live";
import { config } from "../../../config/env";

export type CatalogProduct = Product & { id: string };

export function parseProduct(data: unknown, id: string): CatalogProduct | null {
  const parsed = ProductSchema.safeParse(data);
  // A malformed document is skipped rather than breaking the whole page.
  return parsed.success ? { ...parsed.data, id } : null;
}

/** One page of active products, live; optionally one category. Reads at most one page of documents. */
export function useCatalog(category: Category | null) {
  const constraints: QueryConstraint[] = [where("active", "==", true)];
  if (category) constraints.push(where("category", "==", category));
  constraints.push(orderBy("name"), limit(config.catalogPageSize));
  const live = useLiveQuery(query(collection(db, Collections.products), ...constraints), `catalog:${category ?? "all"}`, parseProduct);
  if (live.status !== "ready") return live;
  return { status: "ready" as const, data: live.data.filter((p): p is CatalogProduct => p !== null) };
}
