import { describe, expect, it } from "vitest";
import { Categories, DEFAULT_BOARD_FILTER, Locations, StockFilters, type BoardFilter } from "@showroom/model";
import indexes from "../../../../../firestore.indexes.json";
import { boardIndex, boardPlan, LOW_STOCK_ALERTS, type BoardPlan } from "./board-query";

/** Every shape of query the board can run (values other than these do not change the index a query needs). */
function everyBoardPlan(): BoardPlan[] {
  const plans: BoardPlan[] = [LOW_STOCK_ALERTS];
  for (const stock of StockFilters)
    for (const location of ["all", ...Locations] as const)
      for (const search of ["", "sof-"])
        for (const category of ["all", Categories[0]] as const)
          for (const direction of ["asc", "desc"] as const) plans.push(boardPlan({ search, stock, location, category }, direction));
  return plans;
}

const same = (a: { fieldPath: string; order?: string }[], b: typeof a) => a.length === b.length && a.every((f, i) => f.fieldPath === b[i]?.fieldPath && f.order === b[i]?.order);

describe("board query", () => {
  it("has a composite index in firestore.indexes.json for every filter combination", () => {
    const missing = everyBoardPlan().flatMap((plan) => {
      const fields = boardIndex(plan);
      const found = fields === null || indexes.indexes.some((i) => i.collectionGroup === plan.collection && i.queryScope === "COLLECTION" && same(i.fields, fields));
      return found ? [] : [{ collection: plan.collection, fields }];
    });
    expect(missing).toEqual([]);
  });

  it("pages the whole inventory by SKU with no filter", () => {
    expect(boardPlan(DEFAULT_BOARD_FILTER, "asc")).toEqual({ collection: "inventory", clauses: [{ kind: "orderBy", field: "sku", direction: "asc" }], pageOnly: [] });
  });

  it("searches by upper-cased SKU prefix on the server", () => {
    const { clauses } = boardPlan({ ...DEFAULT_BOARD_FILTER, search: " sof-alba " }, "desc");
    expect(clauses).toEqual([
      { kind: "where", field: "sku", op: ">=", value: "SOF-ALBA" },
      { kind: "where", field: "sku", op: "<", value: "SOF-ALBA\uf8ff" },
      { kind: "orderBy", field: "sku", direction: "desc" },
    ]);
  });

  it("draws stock filters from the public stock view, by status", () => {
    const low = boardPlan({ ...DEFAULT_BOARD_FILTER, stock: "low" }, "asc");
    const out = boardPlan({ ...DEFAULT_BOARD_FILTER, stock: "out" }, "asc");
    expect(low.collection).toBe("stock");
    expect(low.clauses[0]).toEqual({ kind: "where", field: "status", op: "==", value: "low_stock" });
    expect(out.clauses[0]).toEqual({ kind: "where", field: "status", op: "in", value: ["out_of_stock", "backorder"] });
  });

  it("filters a location on the server, except with a stock filter; the category always on the page", () => {
    const filter: BoardFilter = { ...DEFAULT_BOARD_FILTER, location: "east", category: "rugs" };
    expect(boardPlan(filter, "asc").clauses).toContainEqual({ kind: "where", field: "locations.east.onHand", op: "!=", value: 0 });
    expect(boardPlan(filter, "asc").pageOnly).toEqual(["category"]);
    const withStock = boardPlan({ ...filter, stock: "out" }, "asc");
    expect(withStock.clauses.some((c) => c.field.startsWith("locations."))).toBe(false);
    expect(withStock.pageOnly).toEqual(["category", "location"]);
  });

  it("names the index a location filter needs: SKU order, then on hand in the same direction", () => {
    expect(boardIndex(boardPlan({ ...DEFAULT_BOARD_FILTER, location: "main" }, "desc"))).toEqual([
      { fieldPath: "sku", order: "DESCENDING" },
      { fieldPath: "locations.main.onHand", order: "DESCENDING" },
    ]);
    expect(boardIndex(boardPlan({ ...DEFAULT_BOARD_FILTER, search: "SOF" }, "asc"))).toBeNull();
  });
});
