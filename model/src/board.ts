/**
 * The staff inventory board, pure: rows from inventory truth and the catalog,
 * then search, filters and sort. Kept out of React so the rules of the board
 * (what "low stock" means, what a location filter keeps) are unit-tested.
 */
import { matchesBoardSearch } from "./board-search.js";
import type { Category } from "./catalog.js";
import type { Location } from "./locations.js";
import { heldUnits, onHandTotal, publicAvailability, type InventoryState } from "./availability.js";
import type { StockPolicy, StockStatus } from "./stock.js";

export interface BoardProduct {
  name: string;
  category: Category;
  active: boolean;
}

export interface BoardRow {
  sku: string;
  productId: string;
  productName: string;
  category: Category | null;
  productActive: boolean;
  policy: StockPolicy;
  /** On hand per location code the SKU has an entry for; a location missing here holds 0 (`onHandAt`). */
  onHand: Partial<Record<Location, number>>;
  totalOnHand: number;
  held: number;
  available: number;
  status: StockStatus;
  lowStockThreshold: number;
}

export function boardRow(inventory: InventoryState, product: BoardProduct | undefined, nowMs: number): BoardRow {
  const { available, status } = publicAvailability(inventory, nowMs);
  return {
    sku: inventory.sku,
    productId: inventory.productId,
    productName: product?.name ?? inventory.productId,
    category: product?.category ?? null,
    productActive: product?.active ?? false,
    policy: inventory.policy,
    onHand: Object.fromEntries(Object.entries(inventory.locations).map(([l, stock]) => [l, stock?.onHand ?? 0])),
    totalOnHand: onHandTotal(inventory),
    held: heldUnits(inventory, nowMs),
    available,
    status,
    lowStockThreshold: inventory.lowStockThreshold,
  };
}

export const StockFilters = ["all", "low", "out"] as const;
export type StockFilter = (typeof StockFilters)[number];

export interface BoardFilter {
  /** An SKU prefix or words of the product's name, matched by stored terms (board-search.ts). */
  search: string;
  stock: StockFilter;
  category: Category | "all";
  /** A location keeps the SKUs stocked there (on hand ≠ 0) and makes on-hand sorting use that location. */
  location: Location | "all";
}

export const BoardSortKeys = ["sku", "product", "onHand", "held", "available", "status"] as const;
export type BoardSortKey = (typeof BoardSortKeys)[number];
export interface BoardSort {
  key: BoardSortKey;
  direction: "asc" | "desc";
}

export const DEFAULT_BOARD_FILTER: BoardFilter = { search: "", stock: "all", category: "all", location: "all" };
export const DEFAULT_BOARD_SORT: BoardSort = { key: "sku", direction: "asc" };

/** A row's on hand at one location (0 where the SKU never had stock). */
export const onHandAt = (row: Pick<BoardRow, "onHand">, location: Location) => row.onHand[location] ?? 0;

/** Low stock: some units left, at or below the SKU's threshold. */
export const isLowStock = (row: Pick<BoardRow, "status">) => row.status === "low_stock";
/** Out of stock: nothing to sell from stock (backorder SKUs at zero count too; made to order never does). */
export const isOutOfStock = (row: Pick<BoardRow, "available" | "policy">) => row.available === 0 && row.policy !== "made_to_order";

/**
 * The public statuses (`stock/{sku}.status`) each stock filter keeps: the same
 * sets as isLowStock and isOutOfStock (a stock or backorder SKU with nothing
 * sellable is `out_of_stock` or `backorder`; made to order is never out), in a
 * form an index can answer.
 */
export const StockFilterStatuses: Record<Exclude<StockFilter, "all">, readonly StockStatus[]> = {
  low: ["low_stock"],
  out: ["out_of_stock", "backorder"],
};

export function matchesFilter(row: BoardRow, filter: BoardFilter): boolean {
  if (!matchesBoardSearch(row.sku, row.productName, filter.search)) return false;
  if (filter.stock === "low" && !isLowStock(row)) return false;
  if (filter.stock === "out" && !isOutOfStock(row)) return false;
  if (filter.category !== "all" && row.category !== filter.category) return false;
  if (filter.location !== "all" && onHandAt(row, filter.location) === 0) return false;
  return true;
}

/** Most urgent first when ascending: out of stock, then low, then the rest. */
const statusRank: Record<StockStatus, number> = { out_of_stock: 0, backorder: 1, low_stock: 2, in_stock: 3, made_to_order: 4 };

function compare(a: BoardRow, b: BoardRow, key: BoardSortKey, location: Location | "all"): number {
  const onHand = (row: BoardRow) => (location === "all" ? row.totalOnHand : onHandAt(row, location));
  switch (key) {
    case "sku":
      return a.sku.localeCompare(b.sku);
    case "product":
      return a.productName.localeCompare(b.productName);
    case "onHand":
      return onHand(a) - onHand(b);
    case "held":
      return a.held - b.held;
    case "available":
      return a.available - b.available;
    case "status":
      return statusRank[a.status] - statusRank[b.status];
  }
}

/** Filters then sorts; ties fall back to SKU so the order is stable while live updates arrive. */
export function boardView(rows: readonly BoardRow[], filter: BoardFilter, sort: BoardSort): BoardRow[] {
  const sign = sort.direction === "asc" ? 1 : -1;
  return rows.filter((row) => matchesFilter(row, filter)).toSorted((a, b) => sign * compare(a, b, sort.key, filter.location) || a.sku.localeCompare(b.sku));
}

/** The board's headline figures, counted by the server (aggregation queries), never by reading every SKU. */
export interface BoardCounts {
  skus: number;
  low: number;
  out: number;
  units: number;
}

export interface LedgerPoint {
  location: Location;
  /** On hand at that location after the movement. */
  after: number;
  atMs: number;
}

export interface HistoryPoint {
  atMs: number;
  onHand: number;
  byLocation: Partial<Record<Location, number>>;
}

/**
 * A SKU's on hand over time from its ledger: each entry carries the location's
 * on hand after it, so the total is the sum of each location's latest `after`
 * (robust to entries the query window cut off before).
 */
export function stockHistory(entries: readonly LedgerPoint[]): HistoryPoint[] {
  const current: Partial<Record<Location, number>> = {};
  return entries
    .toSorted((a, b) => a.atMs - b.atMs)
    .map((entry) => {
      current[entry.location] = entry.after;
      return { atMs: entry.atMs, onHand: Object.values(current).reduce<number>((s, n) => s + (n ?? 0), 0), byLocation: { ...current } };
    });
}
