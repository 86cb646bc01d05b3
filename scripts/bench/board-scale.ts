/**
 * Board scale: what the staff inventory board reads to open one page at
 * 10,000 SKUs, with its own queries (`boardPlan`), against the target of a
 * page's worth of documents whatever the catalog size: the page (one row more
 * than shown, to know whether another follows; every filter runs on the
 * server, so it is the page the board shows), their products, and the count
 * aggregations (one read per 1,000 index entries). The board used to listen to every inventory
 * document and every product; that row is printed for comparison. Runs after
 * catalog scale (which seeds the 10,000 SKUs); seeds them itself when alone.
 */
import { Collections, DEFAULT_BOARD_FILTER, StockFilterStatuses, type BoardFilter } from "@showroom/model";
import type { Query } from "firebase-admin/firestore";
import { adminDb } from "../lib/admin.js";
import { withTriggersPaused } from "../lib/triggers.js";
import { scaledCatalog } from "../seed/catalog.js";
import { seedCatalog } from "../seed/seed.js";
import { BOARD_PAGE_SIZE, boardPlan, type BoardPlan } from "../../web/src/features/inventory/api/board-query.js";
import { round, type BenchModule, type Row } from "./types.js";

const TARGET_SKUS = 10_000;
/** The page, its products, the counts: bounded by the page, not the catalog. */
const READS_TARGET = 4 * BOARD_PAGE_SIZE;

function adminQuery(plan: BoardPlan): Query {
  let query: Query = adminDb().collection(plan.collection);
  for (const c of plan.clauses) query = c.kind === "where" ? query.where(c.field, c.op, c.value) : query.orderBy(c.field, c.direction);
  return query;
}

/** Reads an aggregation costs: one per 1,000 index entries, at least one. */
const aggregateReads = (entries: number) => Math.max(1, Math.ceil(entries / 1000));

async function pageReads(filter: BoardFilter): Promise<{ reads: number; ms: number; shown: number; matching: number }> {
  const started = Date.now();
  const db = adminDb();
  const plan = boardPlan(filter, "asc");
  const page = await adminQuery(plan)
    .limit(BOARD_PAGE_SIZE + 1)
    .get();
  const inventory = page.docs.slice(0, BOARD_PAGE_SIZE);
  const productIds = [...new Set(inventory.map((d) => String(d.get("productId"))))];
  const products = productIds.length > 0 ? await db.getAll(...productIds.map((id) => db.collection(Collections.products).doc(id))) : [];
  // The headline counts (SKUs and units, low, out) and the page's "N match".
  const stock = db.collection(Collections.stock);
  const [skuCount, low, out, matching] = await Promise.all([
    db.collection(Collections.inventory).count().get(),
    stock.where("status", "in", StockFilterStatuses.low).count().get(),
    stock.where("status", "in", StockFilterStatuses.out).count().get(),
    adminQuery(plan).count().get(),
  ]);
  const counts = [skuCount, low, out, matching].reduce((n, snap) => n + aggregateReads(snap.data().count), 0);
  const reads = page.size + products.length + counts;
  const ms = Date.now() - started;
  return { reads, ms, shown: inventory.length, matching: matching.data().count };
}

export const boardScale: BenchModule = {
  name: "board scale",
  async run(): Promise<Row[]> {
    const db = adminDb();
    let skus = (await db.collection(Collections.inventory).count().get()).data().count;
    if (skus < TARGET_SKUS) {
      await withTriggersPaused(() => seedCatalog(db, scaledCatalog(TARGET_SKUS), () => {}));
      skus = (await db.collection(Collections.inventory).count().get()).data().count;
    }
    const products = (await db.collection(Collections.products).count().get()).data().count;
    const variants: [string, BoardFilter][] = [
      ["first page", DEFAULT_BOARD_FILTER],
      ["low stock", { ...DEFAULT_BOARD_FILTER, stock: "low" }],
      ["low stock, east", { ...DEFAULT_BOARD_FILTER, stock: "low", location: "east" }],
      ["location east", { ...DEFAULT_BOARD_FILTER, location: "east" }],
      ["SKU prefix SOF-", { ...DEFAULT_BOARD_FILTER, search: "sof-" }],
      ['product name "table lamp"', { ...DEFAULT_BOARD_FILTER, search: "table lamp" }],
      ["category rugs", { ...DEFAULT_BOARD_FILTER, category: "rugs" }],
      ["category rugs, location east", { ...DEFAULT_BOARD_FILTER, category: "rugs", location: "east" }],
      ["category rugs, out of stock", { ...DEFAULT_BOARD_FILTER, category: "rugs", stock: "out" }],
      ['product name "table lamp", low stock', { ...DEFAULT_BOARD_FILTER, search: "table lamp", stock: "low" }],
    ];
    const rows: Row[] = [];
    for (const [name, filter] of variants) {
      const r = await pageReads(filter);
      rows.push({
        bench: "board scale",
        variant: `${name}: ${r.shown} shown, ${r.matching} match on the server (${skus} SKUs in all), page + products + counts`,
        value: r.reads,
        unit: "docs",
        target: `≤ ${READS_TARGET}`,
        pass: r.reads <= READS_TARGET ? "yes" : "NO",
        ms: round(r.ms),
      });
    }
    rows.push({
      bench: "board scale",
      variant: "before: every inventory document and every product, live",
      value: skus + products,
      unit: "docs",
      target: null,
      pass: null,
    });
    return rows;
  },
};
