/**
 * The inventory board's page query as pure data, so the live hook, the
 * catalog-scale bench and the index test run the same query. The board reads
 * one page of SKUs in SKU order, never the whole collection, and every filter
 * an index can answer runs on the server:
 *
 * - search: an SKU prefix, a range on `sku`;
 * - stock (low / out): the status is computed from holds and the clock, so it
 *   is not on `inventory`; the functions write it to the public `stock/{sku}`
 *   in the same transaction as inventory, so the page is drawn from `stock`
 *   (`status in …`) and its SKUs' inventory is then read by id;
 * - location: `locations.<l>.onHand != 0` on inventory.
 *
 * What no index here can answer filters the page's rows in the browser
 * (`pageOnly`): the category (it lives on the product), and the location
 * together with a stock filter (`stock` has no locations).
 */
import { Collections, skuPrefix, StockFilterStatuses, type BoardFilter } from "@showroom/model";

export const BOARD_PAGE_SIZE = 50;

export type BoardClause =
  | { kind: "where"; field: string; op: "==" | "in" | "!=" | ">=" | "<"; value: string | number | readonly string[] }
  | { kind: "orderBy"; field: string; direction: "asc" | "desc" };

export interface BoardPlan {
  collection: typeof Collections.inventory | typeof Collections.stock;
  /** Filters, then the order (SKU, then what the server appends); no cursor or limit. */
  clauses: BoardClause[];
  /** Filters applied to the page's rows in the browser, named for the page to say so. */
  pageOnly: ("category" | "location")[];
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
  const fromStock = filter.stock !== "all";
  const clauses: BoardClause[] = [];
  if (filter.stock !== "all") clauses.push(statusIn(StockFilterStatuses[filter.stock]));
  const prefix = skuPrefix(filter.search);
  if (prefix) {
    clauses.push({ kind: "where", field: "sku", op: ">=", value: prefix });
    clauses.push({ kind: "where", field: "sku", op: "<", value: `${prefix}\uf8ff` });
  }
  if (filter.location !== "all" && !fromStock) clauses.push({ kind: "where", field: `locations.${filter.location}.onHand`, op: "!=", value: 0 });
  clauses.push({ kind: "orderBy", field: "sku", direction });
  const pageOnly: BoardPlan["pageOnly"] = [];
  if (filter.category !== "all") pageOnly.push("category");
  if (filter.location !== "all" && fromStock) pageOnly.push("location");
  return { collection: fromStock ? Collections.stock : Collections.inventory, clauses, pageOnly };
}

/** The dashboard's stock alerts: low-stock SKUs, fewest available first (ties by SKU, the document id, as on the board). */
export const LOW_STOCK_ALERTS: BoardPlan = {
  collection: Collections.stock,
  clauses: [
    statusIn(StockFilterStatuses.low),
    { kind: "orderBy", field: "available", direction: "asc" },
  ],
  pageOnly: [],
};

export interface IndexField {
  fieldPath: string;
  order: "ASCENDING" | "DESCENDING";
}

/**
 * The composite index a plan needs, or null when single-field indexes serve it:
 * equality (`in`) fields, then the explicit order, then the other inequality
 * fields in the last order's direction (as the server orders them).
 */
export function boardIndex(plan: BoardPlan): IndexField[] | null {
  const order = (direction: "asc" | "desc") => (direction === "asc" ? "ASCENDING" : "DESCENDING");
  const wheres = plan.clauses.flatMap((c) => (c.kind === "where" ? [c] : []));
  const orders = plan.clauses.flatMap((c) => (c.kind === "orderBy" ? [c] : []));
  const last = orders.at(-1)?.direction ?? "asc";
  const equality = (w: (typeof wheres)[number]) => w.op === "==" || w.op === "in";
  const fields: IndexField[] = wheres.filter(equality).map((w) => ({ fieldPath: w.field, order: "ASCENDING" }));
  for (const o of orders) fields.push({ fieldPath: o.field, order: order(o.direction) });
  const inequalities = [...new Set(wheres.filter((w) => !equality(w)).map((w) => w.field))].filter((f) => !orders.some((o) => o.field === f)).sort();
  for (const field of inequalities) fields.push({ fieldPath: field, order: order(last) });
  return fields.length > 1 ? fields : null;
}
