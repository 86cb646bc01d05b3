import { describe, expect, it } from "vitest";
import indexes from "../../../../../firestore.indexes.json";
import { catalogClauses, filtersToSearch, parseFilters, requiredIndex, SortOptions, type CatalogFilters } from "./catalog-query";

const base: CatalogFilters = { category: null, q: "", minCents: null, maxCents: null, material: null, inStockOnly: false, sort: "name" };

/** Every shape of query the catalog can run (values do not change the index a query needs). */
function everyFilterShape(): CatalogFilters[] {
  const shapes: CatalogFilters[] = [];
  for (const category of [null, "sofas"] as const) {
    for (const inStockOnly of [false, true]) {
      for (const [q, material] of [
        ["", null],
        ["", "Wool"],
        ["alba", null],
        ["alba", "Wool"],
      ] as const) {
        for (const sort of SortOptions) {
          for (const minCents of [null, 10_000]) shapes.push({ ...base, category, inStockOnly, q, material, sort, minCents });
        }
      }
    }
  }
  return shapes;
}

function sameFields(a: { fieldPath: string; order?: string; arrayConfig?: string }[], b: typeof a): boolean {
  return a.length === b.length && a.every((f, i) => f.fieldPath === b[i]?.fieldPath && f.order === b[i]?.order && f.arrayConfig === b[i]?.arrayConfig);
}

describe("catalog query", () => {
  it("has a composite index in firestore.indexes.json for every filter combination", () => {
    const products = indexes.indexes.filter((i) => i.collectionGroup === "products");
    const missing = everyFilterShape()
      .map((f) => requiredIndex(catalogClauses(f)))
      .filter((fields) => fields !== null && !products.some((i) => sameFields(i.fields, fields)));
    expect(missing).toEqual([]);
  });

  it("keeps no products index that no catalog query needs (the home page's featured query aside)", () => {
    const needed = everyFilterShape().map((f) => requiredIndex(catalogClauses(f)));
    const unused = indexes.indexes
      .filter((i) => i.collectionGroup === "products" && !i.fields.some((f) => f.fieldPath === "featured"))
      .filter((i) => !needed.some((fields) => fields !== null && sameFields(i.fields, fields)));
    expect(unused).toEqual([]);
  });

  it("round-trips filters through the URL", () => {
    const filters: CatalogFilters = {
      ...base,
      category: "chairs",
      q: "Oslo",
      minCents: 15_000,
      maxCents: 90_050,
      material: "Wool",
      inStockOnly: true,
      sort: "newest",
    };
    const search = new URLSearchParams(filtersToSearch(filters, true).slice(1));
    expect(parseFilters(search, null)).toEqual(filters);
  });

  it("ignores unknown sorts, categories, materials and negative prices", () => {
    const parsed = parseFilters(new URLSearchParams("sort=random&category=boats&material=Gold&min=-5&max=abc"), null);
    expect(parsed).toEqual(base);
  });

  it("searches by word, in the same array-contains as the material, with any sort and price range", () => {
    const clauses = catalogClauses({ ...base, q: "Velvet  So", material: "Wool", minCents: 100, sort: "price-asc" });
    expect(clauses.filter((c) => c.kind === "where" && c.op === "array-contains")).toEqual([
      { kind: "where", field: "searchTerms", op: "array-contains", value: "material:wool:velvet so" },
    ]);
    expect(clauses).toContainEqual({ kind: "where", field: "priceFromCents", op: ">=", value: 100 });
    expect(clauses.at(-1)).toEqual({ kind: "orderBy", field: "priceFromCents", direction: "asc" });
  });

  it("asks the server for products in stock instead of hiding cards", () => {
    expect(catalogClauses({ ...base, inStockOnly: true })).toContainEqual({ kind: "where", field: "inStock", op: "==", value: true });
    expect(catalogClauses(base).some((c) => c.kind === "where" && c.field === "inStock")).toBe(false);
  });

  it("orders by the chosen sort after the filters", () => {
    const clauses = catalogClauses({ ...base, sort: "price-desc", maxCents: 50_000 });
    expect(clauses.at(-1)).toEqual({ kind: "orderBy", field: "priceFromCents", direction: "desc" });
    expect(clauses).toContainEqual({ kind: "where", field: "priceFromCents", op: "<=", value: 50_000 });
  });
});
