import { describe, expect, it } from "vitest";
import indexes from "../../../../../firestore.indexes.json";
import { catalogClauses, filtersToSearch, parseFilters, requiredIndex, SortOptions, titleCase, type CatalogFilters } from "./catalog-query";

const base: CatalogFilters = { category: null, q: "", minCents: null, maxCents: null, material: null, inStockOnly: false, sort: "name" };

/** Every shape of query the catalog can run (values do not change the index a query needs). */
function everyFilterShape(): CatalogFilters[] {
  const shapes: CatalogFilters[] = [];
  for (const category of [null, "sofas"] as const) {
    for (const material of [null, "Wool"]) {
      shapes.push({ ...base, category, material, q: "alba" });
      for (const sort of SortOptions) {
        for (const minCents of [null, 10_000]) shapes.push({ ...base, category, material, sort, minCents });
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

  it("round-trips filters through the URL", () => {
    const filters: CatalogFilters = { ...base, category: "chairs", q: "Oslo", minCents: 15_000, maxCents: 90_050, material: "Wool", inStockOnly: true, sort: "newest" };
    const search = new URLSearchParams(filtersToSearch(filters, true).slice(1));
    expect(parseFilters(search, null)).toEqual(filters);
  });

  it("ignores unknown sorts, categories, materials and negative prices", () => {
    const parsed = parseFilters(new URLSearchParams("sort=random&category=boats&material=Gold&min=-5&max=abc"), null);
    expect(parsed).toEqual(base);
  });

  it("searches by title-cased name prefix and ignores a price range while searching", () => {
    const clauses = catalogClauses({ ...base, q: "alba sofa", minCents: 100 });
    expect(clauses).toContainEqual({ kind: "where", field: "name", op: ">=", value: "Alba Sofa" });
    expect(clauses.some((c) => c.kind === "where" && c.field === "priceFromCents")).toBe(false);
    expect(titleCase("über chair")).toBe("Über Chair");
  });

  it("orders by the chosen sort after the filters", () => {
    const clauses = catalogClauses({ ...base, sort: "price-desc", maxCents: 50_000 });
    expect(clauses.at(-1)).toEqual({ kind: "orderBy", field: "priceFromCents", direction: "desc" });
    expect(clauses).toContainEqual({ kind: "where", field: "priceFromCents", op: "<=", value: 50_000 });
  });
});
