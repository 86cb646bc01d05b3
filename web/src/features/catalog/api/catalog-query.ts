/**
 * The catalog's filters as pure data: parsed from and written to the URL, and
 * turned into Firestore clauses by one function, so the query the page runs,
 * the indexes in `firestore.indexes.json` and the unit tests all agree.
 */
import { catalogSearchTerm, Categories } from "@showroom/model/labels";
import type { Category } from "@showroom/model";
import { normalizedOrderBy, type Filter, type Order } from "../../../lib/firestore-rest-query";

export const SortOptions = ["name", "price-asc", "price-desc", "newest"] as const;
export type Sort = (typeof SortOptions)[number];
export const SortLabels: Record<Sort, string> = {
  name: "Name",
  "price-asc": "Price: low to high",
  "price-desc": "Price: high to low",
  newest: "Newest",
};

/**
 * Materials as products list them (matched after normalizing, by the
 * `searchTerms` material tokens); a curated list because reading every product
 * to collect them would break the catalog's read budget.
 */
export const MaterialOptions = [
  "Solid wood",
  "Solid European oak",
  "Wood veneer",
  "Powder-coated steel",
  "Steel",
  "Stoneware",
  "Wool",
  "Jute",
  "Lambswool",
] as const;

export interface CatalogFilters {
  category: Category | null;
  /** Words from the name, each possibly cut short ("velvet so"). */
  q: string;
  minCents: number | null;
  maxCents: number | null;
  material: string | null;
  /** Only products that ship now from stock (`products.inStock`): made to order and backorder do not count. */
  inStockOnly: boolean;
  sort: Sort;
}

function dollarsToCents(text: string | null): number | null {
  if (text === null || text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? Math.round(value * 100) : null;
}

export function parseFilters(search: URLSearchParams, category: Category | null): CatalogFilters {
  const sort = search.get("sort");
  const material = search.get("material");
  const queryCategory = search.get("category");
  return {
    category: category ?? Categories.find((c) => c === queryCategory) ?? null,
    q: (search.get("q") ?? "").trim().slice(0, 80),
    minCents: dollarsToCents(search.get("min")),
    maxCents: dollarsToCents(search.get("max")),
    material: material && (MaterialOptions as readonly string[]).includes(material) ? material : null,
    inStockOnly: search.get("instock") === "1",
    sort: SortOptions.find((s) => s === sort) ?? "name",
  };
}

export type Clause = ({ kind: "where" } & Filter) | ({ kind: "orderBy" } & Order);

/** The clauses as a query's filters and explicit order. */
export function splitClauses(clauses: Clause[]): { filters: Filter[]; orderBy: Order[] } {
  return {
    filters: clauses.flatMap((c) => (c.kind === "where" ? [{ field: c.field, op: c.op, value: c.value }] : [])),
    orderBy: clauses.flatMap((c) => (c.kind === "orderBy" ? [{ field: c.field, direction: c.direction }] : [])),
  };
}

/**
 * Equality filters, then at most one `array-contains` (Firestore allows one per
 * query: search and material share it, see `catalogSearchTerm`), then the price
 * range and the sort. Every combination has its index in firestore.indexes.json.
 */
export function catalogClauses(f: CatalogFilters): Clause[] {
  const clauses: Clause[] = [{ kind: "where", field: "active", op: "==", value: true }];
  if (f.category) clauses.push({ kind: "where", field: "category", op: "==", value: f.category });
  if (f.inStockOnly) clauses.push({ kind: "where", field: "inStock", op: "==", value: true });
  const term = catalogSearchTerm(f.q, f.material);
  if (term !== null) clauses.push({ kind: "where", field: "searchTerms", op: "array-contains", value: term });
  if (f.minCents !== null) clauses.push({ kind: "where", field: "priceFromCents", op: ">=", value: f.minCents });
  if (f.maxCents !== null) clauses.push({ kind: "where", field: "priceFromCents", op: "<=", value: f.maxCents });
  const order: Record<Sort, Clause> = {
    name: { kind: "orderBy", field: "name", direction: "asc" },
    "price-asc": { kind: "orderBy", field: "priceFromCents", direction: "asc" },
    "price-desc": { kind: "orderBy", field: "priceFromCents", direction: "desc" },
    newest: { kind: "orderBy", field: "createdAt", direction: "desc" },
  };
  clauses.push(order[f.sort]);
  return clauses;
}

/** The URL for a set of filters (the category lives in the path). */
export function filtersToSearch(f: CatalogFilters, includeCategory: boolean): string {
  const params = new URLSearchParams();
  if (includeCategory && f.category) params.set("category", f.category);
  if (f.q) params.set("q", f.q);
  if (f.minCents !== null) params.set("min", String(f.minCents / 100));
  if (f.maxCents !== null) params.set("max", String(f.maxCents / 100));
  if (f.material) params.set("material", f.material);
  if (f.inStockOnly) params.set("instock", "1");
  if (f.sort !== "name") params.set("sort", f.sort);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** A stable key for a set of filters: the page resets its cursor when it changes. */
export function filtersKey(f: CatalogFilters): string {
  return JSON.stringify(f);
}

export interface IndexField {
  fieldPath: string;
  order?: "ASCENDING" | "DESCENDING";
  arrayConfig?: "CONTAINS";
}

/**
 * The composite index a query needs: equality and array-contains fields, then
 * the order the server applies (explicit, then inequality fields in the last
 * direction). Null when a single-field index serves it.
 */
export function requiredIndex(clauses: Clause[]): IndexField[] | null {
  const { filters, orderBy } = splitClauses(clauses);
  const fields: IndexField[] = filters.flatMap((f): IndexField[] =>
    f.op === "==" ? [{ fieldPath: f.field, order: "ASCENDING" }] : f.op === "array-contains" ? [{ fieldPath: f.field, arrayConfig: "CONTAINS" }] : [],
  );
  for (const o of normalizedOrderBy({ filters, orderBy })) {
    if (o.field !== "__name__") fields.push({ fieldPath: o.field, order: o.direction === "asc" ? "ASCENDING" : "DESCENDING" });
  }
  return fields.length > 1 ? fields : null;
}
