import { describe, expect, it } from "vitest";
import { Categories, DEFAULT_BOARD_FILTER, SEED_LOCATIONS, StockFilters } from "@showroom/model";
import indexes from "../../../../../firestore.indexes.json";
import { boardIndex, boardPlan, locationIndexes, LOW_STOCK_ALERTS, type BoardPlan, type IndexField } from "./board-query";

/**
 * Every shape of query the board can run for the seeded locations (values other than these do not change the index a
 * query needs; a location added later brings its own, `locationIndexes`).
 */
function everyBoardPlan(): BoardPlan[] {
  const plans: BoardPlan[] = [LOW_STOCK_ALERTS];
  for (const stock of StockFilters)
    for (const location of ["all", ...SEED_LOCATIONS.map((l) => l.code)])
      for (const search of ["", "velvet so"])
        for (const category of ["all", Categories[0]] as const)
          for (const direction of ["asc", "desc"] as const) plans.push(boardPlan({ search, stock, location, category }, direction));
  return plans;
}

const same = (a: IndexField[], b: IndexField[]) => a.length === b.length && a.every((f, i) => JSON.stringify(f) === JSON.stringify(b[i]));

describe("board query", () => {
  it("has a composite index in firestore.indexes.json for every filter combination", () => {
    const missing = everyBoardPlan().flatMap((plan) => {
      const fields = boardIndex(plan);
      const found =
        fields === null ||
        indexes.indexes.some((i) => i.collectionGroup === plan.collection && i.queryScope === "COLLECTION" && same(i.fields as IndexField[], fields));
      return found ? [] : [{ collection: plan.collection, fields }];
    });
    expect(missing).toEqual([]);
  });

  it("keeps no composite index on inventory or stock that no board query uses (each costs writes on every stock movement)", () => {
    // The one index kept for a query outside the board: the demand report's most recently sold-out SKUs
    // (functions/src/site-questions/demand-report.ts: stock where status in […] order by updatedAt desc).
    const demandReport = {
      collection: "stock",
      fields: [
        { fieldPath: "status", order: "ASCENDING" },
        { fieldPath: "updatedAt", order: "DESCENDING" },
      ] as IndexField[],
    };
    const used = [...[...everyBoardPlan(), LOW_STOCK_ALERTS].map((plan) => ({ collection: plan.collection, fields: boardIndex(plan) })), demandReport];
    const unused = indexes.indexes.filter(
      (i) =>
        (i.collectionGroup === "inventory" || i.collectionGroup === "stock") &&
        !used.some((u) => u.collection === i.collectionGroup && u.fields !== null && same(i.fields as IndexField[], u.fields)),
    );
    expect(unused).toEqual([]);
  });

  it("pages the whole inventory by SKU with no filter", () => {
    expect(boardPlan(DEFAULT_BOARD_FILTER, "asc")).toEqual({
      collection: "inventory",
      clauses: [{ kind: "orderBy", field: "sku", direction: "asc" }],
      pageOnly: [],
    });
  });

  it("searches SKU prefixes and product name words with one array-contains, as the stored terms spell them", () => {
    const { clauses } = boardPlan({ ...DEFAULT_BOARD_FILTER, search: " SOF-Alba " }, "desc");
    expect(clauses).toEqual([
      { kind: "where", field: "searchTerms", op: "array-contains", value: "sof alba" },
      { kind: "orderBy", field: "sku", direction: "desc" },
    ]);
    expect(boardPlan({ ...DEFAULT_BOARD_FILTER, search: "Velvet Sofa" }, "asc").clauses[0]).toMatchObject({ value: "velvet sofa" });
    // One character matches too much to be worth a query (as in the storefront).
    expect(boardPlan({ ...DEFAULT_BOARD_FILTER, search: "s" }, "asc")).toEqual(boardPlan(DEFAULT_BOARD_FILTER, "asc"));
  });

  it("filters stock by the status inventory carries, one equality for low and one `in` for out", () => {
    const low = boardPlan({ ...DEFAULT_BOARD_FILTER, stock: "low" }, "asc");
    const out = boardPlan({ ...DEFAULT_BOARD_FILTER, stock: "out" }, "asc");
    expect(low.collection).toBe("inventory");
    expect(low.clauses[0]).toEqual({ kind: "where", field: "status", op: "==", value: "low_stock" });
    expect(out.clauses[0]).toEqual({ kind: "where", field: "status", op: "in", value: ["out_of_stock", "backorder"] });
  });

  it("filters category and search on the server, and a location with a search on the page", () => {
    const plan = boardPlan({ ...DEFAULT_BOARD_FILTER, search: "velvet", location: "east", category: "sofas" }, "asc");
    expect(plan).toEqual({
      collection: "inventory",
      clauses: [
        { kind: "where", field: "category", op: "==", value: "sofas" },
        { kind: "where", field: "searchTerms", op: "array-contains", value: "velvet" },
        { kind: "orderBy", field: "sku", direction: "asc" },
      ],
      pageOnly: ["location"],
    });
  });

  it("runs a stock filter with a search, a category or a location as one query on inventory", () => {
    const withCategory = boardPlan({ ...DEFAULT_BOARD_FILTER, stock: "low", category: "rugs", location: "main" }, "asc");
    expect(withCategory).toEqual({
      collection: "inventory",
      clauses: [
        { kind: "where", field: "status", op: "==", value: "low_stock" },
        { kind: "where", field: "category", op: "==", value: "rugs" },
        { kind: "where", field: "locations.main.onHand", op: "!=", value: 0 },
        { kind: "orderBy", field: "sku", direction: "asc" },
      ],
      pageOnly: [],
    });
    const withSearch = boardPlan({ ...DEFAULT_BOARD_FILTER, stock: "out", search: "alba", category: "rugs" }, "desc");
    expect(withSearch.clauses).toContainEqual({ kind: "where", field: "searchTerms", op: "array-contains", value: "alba" });
    expect(withSearch.clauses).toContainEqual({ kind: "where", field: "status", op: "in", value: ["out_of_stock", "backorder"] });
    expect(withSearch.pageOnly).toEqual([]);
    expect(boardPlan({ ...DEFAULT_BOARD_FILTER, stock: "out", location: "east" }, "asc")).toMatchObject({ collection: "inventory", pageOnly: [] });
  });

  it("a location costs 8 composite indexes: every stock filter with and without a category, both directions", () => {
    const indexes = locationIndexes("showroom-nyc");
    expect(indexes).toHaveLength(8);
    expect(indexes).toContainEqual([
      { fieldPath: "status", order: "ASCENDING" },
      { fieldPath: "category", order: "ASCENDING" },
      { fieldPath: "sku", order: "DESCENDING" },
      { fieldPath: "locations.showroom-nyc.onHand", order: "DESCENDING" },
    ]);
    expect(indexes.every((fields) => fields.some((f) => f.fieldPath === "locations.showroom-nyc.onHand"))).toBe(true);
  });

  it("names the index a filter needs: equality, then the search terms, then SKU order, then on hand in the same direction", () => {
    expect(boardIndex(boardPlan({ ...DEFAULT_BOARD_FILTER, location: "main" }, "desc"))).toEqual([
      { fieldPath: "sku", order: "DESCENDING" },
      { fieldPath: "locations.main.onHand", order: "DESCENDING" },
    ]);
    expect(boardIndex(boardPlan({ ...DEFAULT_BOARD_FILTER, search: "sofa", category: "sofas", location: "east" }, "asc"))).toEqual([
      { fieldPath: "category", order: "ASCENDING" },
      { fieldPath: "searchTerms", arrayConfig: "CONTAINS" },
      { fieldPath: "sku", order: "ASCENDING" },
    ]);
    expect(boardIndex(boardPlan({ ...DEFAULT_BOARD_FILTER, category: "sofas", location: "east" }, "asc"))).toEqual([
      { fieldPath: "category", order: "ASCENDING" },
      { fieldPath: "sku", order: "ASCENDING" },
      { fieldPath: "locations.east.onHand", order: "ASCENDING" },
    ]);
    expect(boardIndex(boardPlan({ ...DEFAULT_BOARD_FILTER, stock: "out", search: "alba", category: "rugs", location: "east" }, "desc"))).toEqual([
      { fieldPath: "status", order: "ASCENDING" },
      { fieldPath: "category", order: "ASCENDING" },
      { fieldPath: "searchTerms", arrayConfig: "CONTAINS" },
      { fieldPath: "sku", order: "DESCENDING" },
    ]);
    expect(boardIndex(boardPlan(DEFAULT_BOARD_FILTER, "asc"))).toBeNull();
  });
});
