/**
 * The inventory board's page query as pure data, so the live hook, the
 * board-scale bench and the index test run the same query. The board reads
 * one page of SKUs in SKU order, never the whole collection, and every filter
 * runs on the server, as one query on `inventory`:
 *
 * - search (an SKU prefix or product name words) and category: fields the
 *   product's writers copy onto `inventory` (board-search.ts), one
 *   `array-contains` and one equality;
 * - stock (low / out): `inventory.status`, the public status the functions
 *   write to `stock/{sku}` in the same transaction, from the same computation
 *   (`publicStockOf`). A status flips rarely, so its index entries are cheap
 *   to keep, with any combination of the other filters;
 * - location: `locations.<l>.onHand != 0`, except with a search: an index of
 *   search terms and on-hand counts would make every stock movement rewrite
 *   one entry per term (about 60 a SKU) on the engine's hot path. A search
 *   narrows to few SKUs, so the location applies to the page's rows in the
 *   browser (`pageOnly`).
 */
import { Collections, searchKey, StockFilters, StockFilterStatuses, type BoardFilter } from "@showroom/model";

export const BOARD_PAGE_SIZE = 50;

export type BoardClause =
  | { kind: "where"; field: string; op: "==" | "in" | "!=" | "array-contains"; value: string | number | readonly string[] }
  | { kind: "orderBy"; field: string; direction: "asc" | "desc" };

export interface BoardPlan {
  collection: typeof Collections.inventory | typeof Collections.stock;
  /** Filters, then the order (SKU, then what the server appends); no cursor or limit. */
  clauses: BoardClause[];
  /** Filters applied to the page's rows in the browser, named for the page to say so. */
  pageOnly: "location"[];
}

/** One page: after the SKU `after`, before the SKU `before`, or the first. */
export interface BoardCursor {
  after?: string;
  before?: string;
}

/** `status` is one of these: `==` for one (cheaper for the emulator), `in` for several; the same index serves both. */
const statusIn = (statuses: readonly string[]): BoardClause =>
  statuses.length === 1 ? { kind: "where", field: "status", op: "==", value: statuses[0]! } : { kind: "where", field: "status", op: "in", value: statuses };

export function boardPlan(filter: BoardFilter, direction: "asc" | "desc"): BoardPlan {
  const search = searchKey(filter.search);
  const clauses: BoardClause[] = [];
  if (filter.stock !== "all") clauses.push(statusIn(StockFilterStatuses[filter.stock]));
  if (filter.category !== "all") clauses.push({ kind: "where", field: "category", op: "==", value: filter.category });
  if (search) clauses.push({ kind: "where", field: "searchTerms", op: "array-contains", value: search });
  const locationOnServer = filter.location !== "all" && !search;
  if (locationOnServer) clauses.push({ kind: "where", field: `locations.${filter.location}.onHand`, op: "!=", value: 0 });
  clauses.push({ kind: "orderBy", field: "sku", direction });
  const pageOnly: BoardPlan["pageOnly"] = filter.location !== "all" && !locationOnServer ? ["location"] : [];
  return { collection: Collections.inventory, clauses, pageOnly };
}

/** The dashboard's stock alerts: low-stock SKUs, fewest available first (ties by SKU, the document id, as on the board). */
export const LOW_STOCK_ALERTS: BoardPlan = {
  collection: Collections.stock,
  clauses: [statusIn(StockFilterStatuses.low), { kind: "orderBy", field: "available", direction: "asc" }],
  pageOnly: [],
};

export type IndexField = { fieldPath: string; order: "ASCENDING" | "DESCENDING" } | { fieldPath: string; arrayConfig: "CONTAINS" };

/**
 * The composite index a plan needs, or null when single-field indexes serve it:
 * equality (`==`, `in`) fields, the `array-contains` field, then the explicit
 * order, then the other inequality fields in the last order's direction (as
 * the server orders them).
 */
export function boardIndex(plan: BoardPlan): IndexField[] | null {
  const order = (direction: "asc" | "desc") => (direction === "asc" ? "ASCENDING" : "DESCENDING");
  const wheres = plan.clauses.flatMap((c) => (c.kind === "where" ? [c] : []));
  const orders = plan.clauses.flatMap((c) => (c.kind === "orderBy" ? [c] : []));
  const last = orders.at(-1)?.direction ?? "asc";
  const equality = (w: (typeof wheres)[number]) => w.op === "==" || w.op === "in";
  const fields: IndexField[] = wheres.filter(equality).map((w) => ({ fieldPath: w.field, order: "ASCENDING" }));
  for (const w of wheres) if (w.op === "array-contains") fields.push({ fieldPath: w.field, arrayConfig: "CONTAINS" });
  for (const o of orders) fields.push({ fieldPath: o.field, order: order(o.direction) });
  const inequalities = [...new Set(wheres.filter((w) => !equality(w) && w.op !== "array-contains").map((w) => w.field))]
    .filter((f) => !orders.some((o) => o.field === f))
    .sort();
  for (const field of inequalities) fields.push({ fieldPath: field, order: order(last) });
  return fields.length > 1 ? fields : null;
}

/**
 * The composite indexes the board's server-side location filter needs for one
 * location: each stock filter and category combination, both directions (a
 * search takes the location to the page, so it needs none). What a new
 * location costs in `firestore.indexes.json` (docs/locations.md).
 */
export function locationIndexes(code: string): IndexField[][] {
  const found = new Map<string, IndexField[]>();
  for (const stock of StockFilters)
    for (const category of ["all", "any-category"] as const)
      for (const direction of ["asc", "desc"] as const) {
        const fields = boardIndex(boardPlan({ search: "", stock, category: category as BoardFilter["category"], location: code }, direction));
        if (fields) found.set(JSON.stringify(fields), fields);
      }
  return [...found.values()];
}
