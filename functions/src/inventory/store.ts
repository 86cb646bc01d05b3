/**
 * The thin Firestore side of the engine: one transaction reads every document a
 * batch of requests needs, `decideBatch` decides, and the writes go out in the
 * same transaction (inventory, `stock/{sku}`, `productStock/{productId}`,
 * ledger, orders, holds, audit). Answers are handed back only after commit.
 */
import {
  FieldPath,
  FieldValue,
  Timestamp,
  type DocumentData,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
  type Transaction,
} from "firebase-admin/firestore";
import {
  Collections,
  inventoryMovementFields,
  locationsByCode,
  parseInventoryDoc,
  publicStockOf,
  type InventoryState,
  type StockViews,
  type OrderLine,
} from "@showroom/model";
import { writeEvents } from "../events/outbox.js";
import type { CommitSubject } from "../events/build.js";
import { appendAudit } from "../shared/audit.js";
import { clockTime, testClockRef } from "./clock.js";
import type { HoldLimits } from "./hold-limits.js";
import type { ApiReplay } from "./decide-api.js";
import {
  decideBatch,
  firstReads,
  requestSkus,
  type ActiveHold,
  type Effects,
  type HoldState,
  type OrderState,
  type Outcome,
  type ProductState,
  type StockRequest,
  type World,
} from "./decide.js";

const millis = (value: unknown): number => (value instanceof Timestamp ? value.toMillis() : 0);

function productFromDoc(id: string, data: DocumentData): ProductState {
  return { id, name: data.name, currency: data.currency, active: data.active === true, variants: data.variants ?? [] };
}

function replayFromDoc(_id: string, data: DocumentData): ApiReplay {
  return { keyId: data.keyId, bodyHash: data.bodyHash, expiresAtMs: millis(data.expiresAt), answer: data.answer };
}

/** `expiresAt` is a Timestamp so a Firestore TTL policy on it can delete spent answers. */
function replayToDoc(replay: ApiReplay) {
  return {
    keyId: replay.keyId,
    bodyHash: replay.bodyHash,
    answer: replay.answer,
    expiresAt: Timestamp.fromMillis(replay.expiresAtMs),
    createdAt: FieldValue.serverTimestamp(),
  };
}

function holdFromDoc(id: string, data: DocumentData): HoldState {
  return { id, uid: data.uid, lines: data.lines, expiresAtMs: millis(data.expiresAt), status: data.status, ...(data.orderId ? { orderId: data.orderId } : {}) };
}

function activeHoldFromDoc(_uid: string, data: DocumentData): ActiveHold {
  return { holdId: String(data.holdId), skus: (data.skus ?? []) as string[] };
}

function orderFromDoc(id: string, data: DocumentData): OrderState {
  return {
    id,
    uid: data.uid,
    lines: data.lines as OrderLine[],
    totalCents: data.totalCents,
    currency: data.currency,
    status: data.status,
    shipping: data.shipping,
    idempotencyKey: data.idempotencyKey,
    ...(data.holdId ? { holdId: data.holdId } : {}),
    ...(data.cancelReason ? { cancelReason: data.cancelReason } : {}),
    statusHistory: ((data.statusHistory ?? []) as unknown[]).map((stored) => ({ stored })),
    eventSeq: data.eventSeq ?? 0,
  };
}

/** Each SKU with its public views, derived once per write. */
type Published = { inventory: InventoryState; views: StockViews };

const publish = (inventories: InventoryState[], nowMs: number): Published[] =>
  inventories.map((inventory) => ({ inventory, views: publicStockOf(inventory, nowMs) }));

/**
 * Writes `stock/{sku}` for each SKU and one `productStock` write per product
 * (a transaction may write a document once): only the named SKUs' entries change.
 */
function writeViews(tx: Transaction, db: Firestore, published: Published[]): void {
  const byProduct = new Map<string, Published[]>();
  for (const entry of published) {
    tx.set(db.collection(Collections.stock).doc(entry.inventory.sku), { ...entry.views.stock, updatedAt: FieldValue.serverTimestamp() });
    byProduct.set(entry.inventory.productId, [...(byProduct.get(entry.inventory.productId) ?? []), entry]);
  }
  for (const [productId, list] of byProduct) {
    const skus = Object.fromEntries(list.map(({ inventory, views }) => [inventory.sku, views.summary]));
    tx.set(
      db.collection(Collections.productStock).doc(productId),
      { productId, skus, updatedAt: FieldValue.serverTimestamp() },
      { mergeFields: ["productId", "updatedAt", ...list.map(({ inventory }) => new FieldPath("skus", inventory.sku))] },
    );
  }
}

/**
 * The public stock of SKUs whose inventory the caller writes itself, with
 * `publicStockOf(…).inventory`, in the same transaction.
 */
export function writePublicStock(tx: Transaction, db: Firestore, inventories: InventoryState[], nowMs: number): void {
  writeViews(tx, db, publish(inventories, nowMs));
}

/**
 * A stock movement's whole write: each SKU's inventory (locations, holds and
 * the public status) and its public stock, in the caller's transaction. The
 * engine and receiving both write through here, so their documents stay alike.
 */
export function writeStockState(tx: Transaction, db: Firestore, inventories: InventoryState[], nowMs: number): void {
  const published = publish(inventories, nowMs);
  for (const { inventory, views } of published) {
    tx.update(db.collection(Collections.inventory).doc(inventory.sku), {
      ...inventoryMovementFields(inventory, views, Timestamp.fromMillis),
      updatedAt: FieldValue.serverTimestamp(),
    });
  }
  writeViews(tx, db, published);
}

/** Documents of one collection a read round wants, and where their parsed state goes. */
interface Wanted<T> {
  collection: string;
  ids: Iterable<string>;
  into: Map<string, T | null>;
  parse: (id: string, data: DocumentData) => T;
}

const want = <T>(collection: string, ids: Iterable<string>, into: Map<string, T | null>, parse: (id: string, data: DocumentData) => T): Wanted<T> => ({
  collection,
  ids,
  into,
  parse,
});

/**
 * One `getAll` round trip for everything a round wants that is not known yet,
 * plus `extra` documents whose snapshots are returned as they are. Each round
 * trip to Firestore costs more than the documents in it, so a round never
 * splits by collection.
 */
async function readRound(tx: Transaction, db: Firestore, wanted: Wanted<unknown>[], extra: DocumentReference[] = []): Promise<DocumentSnapshot[]> {
  const missing = wanted.map((w) => ({ w, ids: [...new Set(w.ids)].filter((id) => !w.into.has(id)) }));
  const refs = [...missing.flatMap(({ w, ids }) => ids.map((id) => db.collection(w.collection).doc(id))), ...extra];
  if (refs.length === 0) return [];
  const snapshots = await tx.getAll(...refs);
  let next = 0;
  for (const { w, ids } of missing) {
    for (const id of ids) {
      const data = snapshots[next++]?.data();
      w.into.set(id, data ? w.parse(id, data) : null);
    }
  }
  return snapshots.slice(next);
}

/**
 * The configured locations, read in the caller's transaction: a write to a
 * location and `deleteLocation` then cannot interleave (a few documents, read
 * alongside the first round).
 */
export async function readLocations(tx: Transaction, db: Firestore) {
  const snap = await tx.get(db.collection(Collections.locations));
  return locationsByCode(snap.docs.map((doc) => ({ id: doc.id, data: doc.data() })));
}

/**
 * Reads every document the batch can touch, in at most three round trips:
 * what the requests name (order keys, holds, orders) and, for requests that
 * move stock by location, the configured locations; then the SKUs those
 * lead to, the orders behind the keys and the test clock; then, for orders,
 * the products that price them. An adjustment needs only the middle one.
 */
async function loadWorld(tx: Transaction, db: Firestore, requests: readonly StockRequest[], holdLimits: HoldLimits): Promise<World> {
  const world: World = {
    nowMs: 0,
    holdLimits,
    activeHolds: new Map(),
    inventory: new Map(),
    products: new Map(),
    holds: new Map(),
    orders: new Map(),
    orderKeys: new Map(),
    apiReplays: new Map(),
    locations: new Map(),
  };
  const first = requests.map(firstReads);
  const holders = requests.flatMap((r) => (r.kind === "holdCart" ? [r.actor.uid] : []));
  const needsLocations = requests.some((r) => r.kind === "placeOrder" || r.kind === "adjustStock" || r.kind === "apiStock");
  const [locations] = await Promise.all([
    needsLocations ? readLocations(tx, db) : new Map(),
    readRound(tx, db, [
      want(
        Collections.orderKeys,
        first.flatMap((f) => f.orderKeys),
        world.orderKeys,
        (_, data) => String(data.orderId),
      ),
      want(
        Collections.holds,
        first.flatMap((f) => f.holds),
        world.holds,
        holdFromDoc,
      ),
      want(
        Collections.orders,
        first.flatMap((f) => f.orders),
        world.orders,
        orderFromDoc,
      ),
      want(Collections.activeHolds, holders, world.activeHolds, activeHoldFromDoc),
      want(
        Collections.apiReplays,
        first.flatMap((f) => f.apiReplays ?? []),
        world.apiReplays,
        replayFromDoc,
      ),
    ]),
  ]);
  world.locations = locations;
  const known = <T>(map: Map<string, T | null>) => [...map.values()].filter((v): v is T => v !== null);
  const previousHolds = known(world.activeHolds);
  const skus = [
    ...requests.flatMap(requestSkus),
    ...known(world.holds).flatMap((h) => h.lines.map((l) => l.sku)),
    ...known(world.orders).flatMap((o) => o.lines.map((l) => l.sku)),
    ...previousHolds.flatMap((p) => p.skus),
  ];
  const clock = testClockRef(db);
  const [testClock] = await readRound(
    tx,
    db,
    [
      want(Collections.inventory, skus, world.inventory, parseInventoryDoc),
      want(Collections.orders, known(world.orderKeys), world.orders, orderFromDoc),
      want(
        Collections.holds,
        previousHolds.map((p) => p.holdId),
        world.holds,
        holdFromDoc,
      ),
    ],
    clock ? [clock] : [],
  );
  world.nowMs = clockTime(testClock);
  const orderedSkus = requests.flatMap((r) => (r.kind === "placeOrder" ? r.input.lines.map((l) => l.sku) : []));
  const productIds = orderedSkus.map((sku) => world.inventory.get(sku)?.productId).filter((id): id is string => id !== undefined);
  await readRound(tx, db, [want(Collections.products, productIds, world.products, productFromDoc)]);
  return world;
}

function orderToDoc(order: OrderState) {
  const { id: _id, statusHistory, ...rest } = order;
  return {
    ...rest,
    statusHistory: statusHistory.map((entry) =>
      "stored" in entry ? entry.stored : { status: entry.status, by: entry.by, at: Timestamp.fromMillis(entry.atMs) },
    ),
    updatedAt: FieldValue.serverTimestamp(),
  };
}

/** Exported for the bench's write count (scripts/bench/events.ts), which runs it against a counting writer. */
export function writeEffects(tx: Transaction, db: Firestore, world: World, effects: Effects): CommitSubject[] {
  const now = FieldValue.serverTimestamp();
  const inventories = [...effects.inventory].map((sku) => world.inventory.get(sku)).filter((i): i is InventoryState => !!i);
  writeStockState(tx, db, inventories, world.nowMs);
  for (const entry of effects.ledger) {
    const clean = Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
    tx.create(db.collection(Collections.stockLedger).doc(), { ...clean, at: now });
  }
  for (const [id, { value: order, created }] of effects.orders) {
    const ref = db.collection(Collections.orders).doc(id);
    if (created) tx.create(ref, { ...orderToDoc(order), createdAt: now });
    else
      tx.update(ref, {
        status: order.status,
        ...(order.cancelReason ? { cancelReason: order.cancelReason } : {}),
        statusHistory: orderToDoc(order).statusHistory,
        eventSeq: order.eventSeq,
        updatedAt: now,
      });
  }
  for (const [id, key] of effects.orderKeys) tx.create(db.collection(Collections.orderKeys).doc(id), { ...key, createdAt: now });
  for (const [id, { value: hold, created }] of effects.holds) {
    const ref = db.collection(Collections.holds).doc(id);
    const status = { status: hold.status, ...(hold.orderId ? { orderId: hold.orderId } : {}), updatedAt: now };
    if (created) tx.create(ref, { uid: hold.uid, lines: hold.lines, expiresAt: Timestamp.fromMillis(hold.expiresAtMs), createdAt: now, ...status });
    else tx.update(ref, status);
  }
  for (const [uid, pointer] of effects.activeHolds) tx.set(db.collection(Collections.activeHolds).doc(uid), { uid, ...pointer, updatedAt: now });
  for (const audit of effects.audits) appendAudit(tx, audit);
  for (const [id, replay] of effects.apiReplays) tx.set(db.collection(Collections.apiReplays).doc(id), replayToDoc(replay));
  return writeEvents(tx, db, effects.events);
}

/**
 * One transaction for the whole batch; retried by Firestore on contention
 * (decisions are recomputed). Every request in an attempt sees the same time.
 */
/** Decides and commits one batch; answers each request's outcome and the subjects of the events it wrote. */
export async function runStockBatch(
  db: Firestore,
  requests: readonly StockRequest[],
  holdLimits: HoldLimits,
): Promise<{ outcomes: Outcome[]; subjects: CommitSubject[] }> {
  return db.runTransaction(async (tx) => {
    const world = await loadWorld(tx, db, requests, holdLimits);
    const { outcomes, effects } = decideBatch(world, requests);
    return { outcomes, subjects: writeEffects(tx, db, world, effects) };
  });
}
