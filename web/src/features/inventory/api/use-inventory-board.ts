/**
 * The inventory board's data, sized to what is on screen: one page of SKUs
 * with their inventory and products, live, and the headline counts from
 * server-side aggregations. Nothing here reads the whole inventory or catalog,
 * so the board and the dashboard stay usable at 10,000 SKUs (the
 * catalog-scale bench counts the reads).
 */
import { useEffect, useMemo, useState } from "react";
import {
  collection,
  endBefore,
  FieldPath,
  getAggregateFromServer,
  getCountFromServer,
  limit,
  limitToLast,
  onSnapshot,
  orderBy,
  query,
  startAfter,
  sum,
  where,
  type AggregateSpec,
  type Query,
} from "firebase/firestore";
import { boardRow, Collections, StockFilterStatuses, type BoardCounts, type BoardRow } from "@showroom/model";
import { useLocations } from "../../locations";
import { db } from "../../../lib/firebase";
import type { Live } from "../../../lib/live";
import { BOARD_PAGE_SIZE, LOW_STOCK_ALERTS, type BoardCursor, type BoardPlan } from "./board-query";
import { parseInventory, parseProduct, parseStock, type StockRow } from "../../../lib/admin/api/docs";
import { useLiveDocs } from "../../../lib/use-live-docs";
import { useNow } from "../../../lib/use-now";

const productParser = () => parseProduct;

/** A plan's filters and order as a query (no cursor, no limit). */
export function planQuery(plan: BoardPlan): Query {
  const constraints = plan.clauses.map((c) => (c.kind === "where" ? where(c.field, c.op, c.value) : orderBy(c.field, c.direction)));
  return query(collection(db, plan.collection), ...constraints);
}

/**
 * useLiveQuery for a page: the SDK answers a new query at once from its cache
 * when the cache holds any match, and for a new page that is a fragment (the
 * previous page's extra row, the dashboard's few low-stock SKUs), or nothing:
 * a page of 1 or "no SKUs" before the server's answer. So each new query waits
 * for the server's first snapshot, and is live from then on.
 */
function useServerQuery<T>(q: Query, key: string, parse: (data: unknown, id: string) => T): Live<T[]> {
  const [state, setState] = useState<{ key: string; live: Live<T[]> }>({ key, live: { status: "loading" } });
  useEffect(() => {
    let synced = false;
    return onSnapshot(
      q,
      { includeMetadataChanges: true },
      (snap) => {
        synced ||= !snap.metadata.fromCache;
        if (synced) setState({ key, live: { status: "ready", data: snap.docs.map((d) => parse(d.data(), d.id)) } });
      },
      (error) => setState({ key, live: { status: "error", error } }),
    );
    // `key` changes exactly when the query does; `parse` is read when a snapshot arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state.key === key ? state.live : { status: "loading" };
}

export interface BoardPage {
  /** In SKU order, as the server paged them. */
  rows: BoardRow[];
  hasPrevious: boolean;
  hasNext: boolean;
}

/**
 * One page of the board, live: a listener on the page query (one row more than
 * a page, to know whether another follows), then one per product on the page.
 */
export function useBoardPage(plan: BoardPlan, cursor: BoardCursor): Live<BoardPage> {
  const key = JSON.stringify([plan, cursor.after ?? null, cursor.before ?? null]);
  const q = useMemo(() => {
    const base = planQuery(plan);
    if (cursor.before) return query(base, endBefore(cursor.before), limitToLast(BOARD_PAGE_SIZE + 1));
    return query(base, ...(cursor.after ? [startAfter(cursor.after)] : []), limit(BOARD_PAGE_SIZE + 1));
    // `key` captures the plan and the cursor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const docs = useServerQuery(q, key, parseInventory);

  const more = docs.status === "ready" && docs.data.length > BOARD_PAGE_SIZE;
  // Going back, the extra row is the first (limitToLast); otherwise the last.
  const inventories = docs.status !== "ready" ? [] : more ? (cursor.before ? docs.data.slice(1) : docs.data.slice(0, BOARD_PAGE_SIZE)) : docs.data;
  const products = useLiveDocs(
    Collections.products,
    inventories.map((i) => i.productId),
    productParser,
    { keepWhile: key },
  ).all;
  // Re-read so that holds that expire stop counting without a write.
  const now = useNow(30_000);

  if (docs.status !== "ready") return docs;
  if (products.status !== "ready") return products;
  const byId = products.data;
  return {
    status: "ready",
    data: {
      rows: inventories.map((i) => boardRow(i, byId.get(i.productId), now)),
      hasPrevious: cursor.before ? more : Boolean(cursor.after),
      hasNext: cursor.before ? true : more,
    },
  };
}

/**
 * A server-side read (an aggregation) made again every `everyMs` and whenever
 * `key` changes; while a refresh runs the last value stays on screen.
 */
function usePolled<T>(key: string, everyMs: number, read: () => Promise<T>): Live<T> {
  const tick = useNow(everyMs);
  const [state, setState] = useState<{ key: string; live: Live<T> }>({ key, live: { status: "loading" } });
  useEffect(() => {
    let cancelled = false;
    read().then(
      (data) => !cancelled && setState({ key, live: { status: "ready", data } }),
      (error: Error) => !cancelled && setState({ key, live: { status: "error", error } }),
    );
    return () => {
      cancelled = true;
    };
    // `read` is rebuilt every render; `key` identifies it and `tick` repeats it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);
  return state.key === key ? state.live : { status: "loading" };
}

/** How often the board's and the dashboard's counts are asked again (aggregations cannot be listened to). */
export const COUNTS_EVERY_MS = 30_000;

/** Firestore answers at most this many aggregations in one query. */
const MAX_AGGREGATIONS = 5;

/** One aggregation query per few locations: `{ l0: sum(locations.<code>.onHand), … }`. */
function onHandSpecs(codes: readonly string[]): AggregateSpec[] {
  const specs: AggregateSpec[] = [];
  codes.forEach((code, i) => {
    if (i % MAX_AGGREGATIONS === 0) specs.push({});
    // Aliases are plain names: a location code may hold hyphens.
    specs.at(-1)![`l${i}`] = sum(new FieldPath("locations", code, "onHand"));
  });
  return specs;
}

/**
 * SKUs, units on hand, low and out of stock: counted by the server (one read
 * per 1,000 index entries). Units sum each configured location's on hand.
 */
export function useBoardCounts(): Live<BoardCounts> {
  const locations = useLocations();
  const codes = locations.status === "ready" ? locations.data.map((l) => l.code) : null;
  const counts = usePolled(`board-counts-${codes?.join(",")}`, COUNTS_EVERY_MS, async () => {
    const inventory = collection(db, Collections.inventory);
    const stock = collection(db, Collections.stock);
    const [skus, low, out, ...sums] = await Promise.all([
      getCountFromServer(inventory),
      getCountFromServer(query(stock, where("status", "in", StockFilterStatuses.low))),
      getCountFromServer(query(stock, where("status", "in", StockFilterStatuses.out))),
      ...onHandSpecs(codes ?? []).map((spec) => getAggregateFromServer(inventory, spec)),
    ]);
    const units = sums.flatMap((s) => Object.values(s.data() as Record<string, number | null>)).reduce<number>((n, v) => n + (v ?? 0), 0);
    return { skus: skus.data().count, units, low: low.data().count, out: out.data().count };
  });
  // Until the locations are known the units cannot be summed.
  if (locations.status === "error") return locations;
  return codes === null ? { status: "loading" } : counts;
}

/** How many SKUs the plan's server-side filters keep (before any page-only filter). */
export function useMatchCount(plan: BoardPlan): Live<number> {
  return usePolled(JSON.stringify(plan), COUNTS_EVERY_MS, async () => (await getCountFromServer(planQuery(plan))).data().count);
}

export interface StockAlert extends StockRow {
  productName: string;
}

/** The low-stock SKUs with the fewest units available, live, with their product names. */
export function useLowStockAlerts(max: number): Live<StockAlert[]> {
  const q = useMemo(() => query(planQuery(LOW_STOCK_ALERTS), limit(max)), [max]);
  const alerts = useServerQuery(q, `low-stock-alerts-${max}`, parseStock);
  const products = useLiveDocs(Collections.products, alerts.status === "ready" ? alerts.data.map((a) => a.productId) : [], productParser, {
    keepWhile: "alerts",
  }).all;
  if (alerts.status !== "ready") return alerts;
  if (products.status !== "ready") return products;
  return { status: "ready", data: alerts.data.map((a) => ({ ...a, productName: products.data.get(a.productId)?.name ?? a.productId })) };
}
