/**
 * The stock check (`npm run reconcile`, the scheduled reconcile and
 * `runReconcile` all use it): per SKU and location, on hand equals the
 * ledger's sum; availability respects the policy (≥ 0, or ≥ −backorderLimit);
 * `stock/{sku}`, `productStock/{productId}` and the inventory's own `status`
 * equal what the inventory implies.
 *
 * A page of SKUs is read at one readTime: a consistent snapshot, so a stock
 * transaction in flight is either wholly in it or wholly out (the engine
 * writes inventory, ledger and views together), and it takes no locks, so
 * sales never wait for it. Ledger sums are aggregation queries
 * (billed one read per 1,000 entries), so the cost does not grow with history.
 */
import {
  AggregateField,
  FieldPath,
  type DocumentData,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
  type Timestamp,
  type Transaction,
} from "firebase-admin/firestore";
import { Collections, parseInventoryDoc, publicStockOf, sellableUnits, sellFloor, type InventoryState, type StockViews } from "@showroom/model";

export interface Drift {
  sku: string;
  problem: string;
  /** Explained by holds that expired and are not swept yet (the sweep or the next write republishes): not an alert. */
  settling?: true;
}

export interface CheckResult {
  checked: number;
  drift: Drift[];
  /** Documents read, as Firestore bills them (an aggregation: one per 1,000 index entries, at least one). */
  reads: number;
}

/** One SKU's documents as read together. `ledger`: the sum of its entries per location, for every configured location and every one its inventory names. */
export interface SkuSnapshot {
  sku: string;
  inventory: DocumentData;
  stock: DocumentData | undefined;
  /** The SKU's entry in `productStock/{productId}.skus`. */
  summary: DocumentData | undefined;
  ledger: Map<string, number>;
}

/** Whether a stored view holds the expected value in each of these fields (absent on both sides counts as equal). */
const sameFields = <T extends object>(stored: DocumentData, expected: T, keys: (keyof T & string)[]) => keys.every((key) => stored[key] === expected[key]);

const STOCK_FIELDS: (keyof StockViews["stock"] & string)[] = ["available", "status", "productId", "leadTimeDays"];
const SUMMARY_FIELDS: (keyof StockViews["summary"] & string)[] = ["available", "status", "leadTimeDays"];

/** The problems one SKU's snapshot shows at `nowMs`. Pure. */
export function driftOf(snapshot: SkuSnapshot, nowMs: number): Drift[] {
  const { sku, inventory: data } = snapshot;
  let state: InventoryState;
  try {
    state = parseInventoryDoc(sku, data);
  } catch (error) {
    return [{ sku, problem: error instanceof Error ? error.message : String(error) }];
  }
  const drift: Drift[] = [];
  for (const location of new Set([...Object.keys(state.locations), ...snapshot.ledger.keys()])) {
    const onHand = state.locations[location]?.onHand ?? 0;
    const ledger = snapshot.ledger.get(location) ?? 0;
    if (onHand !== ledger) drift.push({ sku, problem: `${location}: on hand ${onHand} ≠ ledger sum ${ledger}` });
  }
  const floor = sellFloor(state);
  const sellable = sellableUnits(state, nowMs);
  if (floor !== null && sellable < floor) drift.push({ sku, problem: `sellable ${sellable} is below the ${state.policy} floor ${floor}` });

  const expected = publicStockOf(state, nowMs);
  // A lapsed hold counts for nothing at once, but the views are republished by the next write or the sweep:
  // until then they show what the last write published, when every stored hold was live.
  const lapsed = Object.values(state.holds).some((h) => h.expiresAtMs <= nowMs);
  const published = lapsed ? publicStockOf(state, Number.NEGATIVE_INFINITY) : expected;
  const why = lapsed ? " (expired holds not yet swept)" : "";
  const implies = `${expected.summary.available} ${expected.summary.status}`;
  const mismatch = (problem: string, explained: boolean): Drift => (explained ? { sku, problem, settling: true } : { sku, problem });

  const stock = snapshot.stock;
  if (!stock) drift.push({ sku, problem: "stock/{sku} is missing" });
  else if (!sameFields(stock, expected.stock, STOCK_FIELDS)) {
    drift.push(
      mismatch(`stock/{sku} says ${stock.available} ${stock.status}, inventory implies ${implies}${why}`, sameFields(stock, published.stock, STOCK_FIELDS)),
    );
  }
  if (data.status !== expected.inventory.status) {
    drift.push(
      mismatch(
        `inventory/{sku} says ${data.status ?? "no status"}, its stock implies ${expected.inventory.status}${why}`,
        data.status === published.inventory.status,
      ),
    );
  }
  const entry = snapshot.summary;
  if (!entry) drift.push({ sku, problem: `productStock/${state.productId} has no entry` });
  else if (!sameFields(entry, expected.summary, SUMMARY_FIELDS)) {
    drift.push(
      mismatch(
        `productStock/${state.productId} says ${entry.available} ${entry.status}, inventory implies ${implies}${why}`,
        sameFields(entry, published.summary, SUMMARY_FIELDS),
      ),
    );
  }
  return drift;
}

/** One SKU's ledger sum at one location, and how many entries it adds up (its read cost). */
async function ledgerSum(db: Firestore, tx: Transaction, sku: string, location: string): Promise<{ total: number; entries: number }> {
  const query = db
    .collection(Collections.stockLedger)
    .where("sku", "==", sku)
    .where("location", "==", location)
    .aggregate({ total: AggregateField.sum("delta"), entries: AggregateField.count() });
  const { total, entries } = (await tx.get(query)).data();
  return { total: total ?? 0, entries };
}

/**
 * The snapshots of these inventory documents, with their views and per-location ledger sums, read in `tx`.
 * Locations are data: a SKU's ledger is summed at every configured location (a stray entry there is drift
 * even where the inventory has no entry) and at any other its inventory still names (a deleted location).
 */
async function snapshotsOf(
  db: Firestore,
  tx: Transaction,
  inventories: DocumentSnapshot[],
  configured: string[],
): Promise<{ snapshots: SkuSnapshot[]; reads: number }> {
  const skus = inventories.map((d) => d.id);
  const getAll = (refs: DocumentReference[]) => (refs.length ? tx.getAll(...refs) : Promise.resolve([]));
  const stockDocs = await getAll(skus.map((sku) => db.collection(Collections.stock).doc(sku)));
  const productIds = [...new Set(inventories.map((d) => String(d.get("productId"))))];
  const summaries = new Map((await getAll(productIds.map((id) => db.collection(Collections.productStock).doc(id)))).map((d) => [d.id, d.data()]));
  let reads = inventories.length + stockDocs.length + summaries.size;
  const ledgers = await Promise.all(
    inventories.map(async (doc) => {
      const sku = doc.id;
      const stored: unknown = doc.get("locations");
      // A malformed map is reported by driftOf; its keys are not locations.
      const named = typeof stored === "object" && stored !== null && !Array.isArray(stored) ? Object.keys(stored) : [];
      const sums = new Map<string, number>();
      for (const location of new Set([...configured, ...named])) {
        const { total, entries } = await ledgerSum(db, tx, sku, location);
        reads += Math.max(1, Math.ceil(entries / 1000));
        sums.set(location, total);
      }
      return sums;
    }),
  );
  const snapshots = inventories.map((doc, i) => ({
    sku: doc.id,
    inventory: doc.data() ?? {},
    stock: stockDocs[i]?.data(),
    summary: summaries.get(String(doc.get("productId")))?.skus?.[doc.id] as DocumentData | undefined,
    ledger: ledgers[i]!,
  }));
  return { snapshots, reads };
}

const checkSnapshots = (snapshots: SkuSnapshot[], nowMs: number) => snapshots.flatMap((s) => driftOf(s, nowMs));

/** Where a snapshot was read: its time and the configured locations then, so a second check can join it. */
export interface SnapshotAt {
  readTime: Timestamp;
  configured: string[];
}

/**
 * Checks the inventory documents `select` picks (queries or named SKUs) in one
 * read-only snapshot. `select` may read more (a cursor); its reads count.
 * Given `at`, the check reads at that snapshot's time, as part of it.
 */
export async function checkInSnapshot(
  db: Firestore,
  select: (tx: Transaction) => Promise<{ inventories: DocumentSnapshot[]; reads: number }>,
  nowMs: () => number = Date.now,
  at?: SnapshotAt,
): Promise<CheckResult & { inventories: DocumentSnapshot[]; at: SnapshotAt }> {
  // The configured locations, read first: the read's own time (Firestore's clock, not ours) is the snapshot's readTime.
  // Every read at one readTime is the same consistent snapshot a transaction gives, but with no server transaction
  // that a busy database can close under a page of hundreds of aggregations ("Transaction is invalid or closed").
  const snapshot = at ?? (await locationsNow(db));
  const locationReads = at ? 0 : Math.max(1, snapshot.configured.length);
  return db.runTransaction(
    async (tx) => {
      const { inventories, reads: selectReads } = await select(tx);
      const { snapshots, reads } = await snapshotsOf(db, tx, inventories, snapshot.configured);
      return {
        checked: snapshots.length,
        drift: checkSnapshots(snapshots, nowMs()),
        reads: reads + selectReads - inventories.length + locationReads,
        inventories,
        at: snapshot,
      };
    },
    { readOnly: true, readTime: snapshot.readTime },
  );
}

async function locationsNow(db: Firestore): Promise<SnapshotAt> {
  const locations = await db.collection(Collections.locations).select().get();
  return { readTime: locations.readTime, configured: locations.docs.map((d) => d.id) };
}

/** SKUs per snapshot: a page's reads run in parallel, and 10,000 SKUs' aggregations at once swamp the database. */
const PAGE_SIZE = 100;

/** Checks the named SKUs (unknown ones are skipped), up to 100 per consistent snapshot. */
export async function checkSkus(db: Firestore, skus: string[], nowMs: () => number = Date.now): Promise<CheckResult> {
  const total: CheckResult = { checked: 0, drift: [], reads: 0 };
  for (let i = 0; i < skus.length; i += PAGE_SIZE) {
    const page = skus.slice(i, i + PAGE_SIZE);
    const { checked, drift, reads } = await checkInSnapshot(
      db,
      async (tx) => {
        const docs = await tx.getAll(...page.map((sku) => db.collection(Collections.inventory).doc(sku)));
        return { inventories: docs.filter((d) => d.exists), reads: docs.length };
      },
      nowMs,
    );
    total.checked += checked;
    total.drift.push(...drift);
    total.reads += reads;
  }
  return total;
}

/**
 * Every SKU, page by page in order of id: each page is one consistent snapshot
 * (a whole catalog is too big for one transaction). For a full check on demand;
 * the schedule checks incrementally (scheduled-reconcile.ts).
 */
export async function checkAll(db: Firestore, options: { pageSize?: number; nowMs?: () => number } = {}): Promise<CheckResult> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const total: CheckResult = { checked: 0, drift: [], reads: 0 };
  let after: string | null = null;
  for (;;) {
    const from: string | null = after;
    const page = await checkInSnapshot(
      db,
      async (tx) => {
        let query = db.collection(Collections.inventory).orderBy(FieldPath.documentId()).limit(pageSize);
        if (from !== null) query = query.startAfter(from);
        const inventories = (await tx.get(query)).docs;
        return { inventories, reads: Math.max(1, inventories.length) };
      },
      options.nowMs,
    );
    total.checked += page.checked;
    total.drift.push(...page.drift);
    total.reads += page.reads;
    if (page.inventories.length < pageSize) return total;
    after = page.inventories[page.inventories.length - 1]!.id;
  }
}

/** `npm run reconcile`'s and the tests' entry: the named SKUs, or every SKU. */
export async function reconcile(db: Firestore, options: { skus?: string[]; nowMs?: number } = {}): Promise<{ checked: number; drift: Drift[] }> {
  const nowMs = options.nowMs === undefined ? Date.now : () => options.nowMs!;
  const { checked, drift } = options.skus ? await checkSkus(db, options.skus, nowMs) : await checkAll(db, { nowMs });
  return { checked, drift };
}
