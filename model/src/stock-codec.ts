/**
 * The one codec for a SKU's stock documents: `inventory/{sku}` is parsed into
 * an `InventoryState` here, and the public views (`stock/{sku}`, the SKU's
 * entry in `productStock/{productId}`, `inventory/{sku}.status`) and the
 * inventory document's body are built here. Functions, the staff console, the
 * seed, the benchmarks, reconcile and backfill all go through it, so a missing
 * field reads the same everywhere. Times are epoch milliseconds at this
 * boundary; the caller turns them into Firestore Timestamps when writing.
 */
import type { z } from "zod";
import { publicAvailability, type HoldEntry, type InventoryState } from "./availability.js";
import type { InventoryBoardFields } from "./board-search.js";
import type { Location } from "./locations.js";
import { InventorySchema, type LedgerEntry } from "./inventory.js";
import { DEFAULT_LOW_STOCK_THRESHOLD, PublicStockSchema, type ProductStock, type PublicStock, type StockPolicy, type StockStatus } from "./stock.js";

/** The fields of `inventory/{sku}` that make up its stock state; a missing threshold reads as the default. */
const InventoryStockSchema = InventorySchema.pick({
  productId: true,
  policy: true,
  locations: true,
  holds: true,
  backorderLimit: true,
  leadTimeDays: true,
}).extend({
  lowStockThreshold: InventorySchema.shape.lowStockThreshold.default(DEFAULT_LOW_STOCK_THRESHOLD),
  eventSeq: InventorySchema.shape.eventSeq.default(0),
});

/** `stock/{sku}` as the console reads it: a missing threshold reads as it does on inventory. */
const StockDocSchema = PublicStockSchema.omit({ sku: true }).extend({
  lowStockThreshold: InventorySchema.shape.lowStockThreshold.default(DEFAULT_LOW_STOCK_THRESHOLD),
});

/** A document that does not match its schema: bad data, said with the document's path. */
export class MalformedDocumentError extends Error {
  constructor(path: string, issues: string) {
    super(`${path} is malformed: ${issues}`);
    this.name = "MalformedDocumentError";
  }
}

function parseDoc<T>(path: string, schema: z.ZodType<T>, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new MalformedDocumentError(path, parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "document"}: ${i.message}`).join("; "));
}

const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

/** `inventory/{sku}` → the SKU's stock state. Throws `MalformedDocumentError` on bad data. */
export function parseInventoryDoc(sku: string, data: unknown): InventoryState {
  const {
    productId,
    policy,
    locations,
    holds = {},
    lowStockThreshold,
    eventSeq,
    backorderLimit,
    leadTimeDays,
  } = parseDoc(`inventory/${sku}`, InventoryStockSchema, data);
  const entries: Record<string, HoldEntry> = {};
  for (const [id, hold] of Object.entries(holds)) entries[id] = { quantity: hold.quantity, uid: hold.uid, expiresAtMs: hold.expiresAt };
  return {
    sku,
    productId,
    policy,
    locations,
    holds: entries,
    lowStockThreshold,
    eventSeq,
    ...optional("backorderLimit", backorderLimit),
    ...optional("leadTimeDays", leadTimeDays),
  };
}

/** `stock/{sku}` → the public view as stored. Throws `MalformedDocumentError` on bad data. */
export function parseStockDoc(sku: string, data: unknown): PublicStock & { lowStockThreshold: number } {
  return { sku, ...parseDoc(`stock/${sku}`, StockDocSchema, data) };
}

/** What a SKU's stock is when it is created: nothing held; only the locations named hold stock; the default threshold. */
export interface NewStock {
  policy: StockPolicy;
  onHand?: Partial<Record<Location, number>>;
  lowStockThreshold?: number;
  backorderLimit?: number;
  leadTimeDays?: number;
}

export function newInventoryState(sku: string, productId: string, stock: NewStock): InventoryState {
  return {
    sku,
    productId,
    policy: stock.policy,
    locations: Object.fromEntries(Object.entries(stock.onHand ?? {}).map(([l, onHand]) => [l, { onHand: onHand ?? 0 }])),
    holds: {},
    lowStockThreshold: stock.lowStockThreshold ?? DEFAULT_LOW_STOCK_THRESHOLD,
    eventSeq: 0,
    ...optional("backorderLimit", stock.backorderLimit),
    ...optional("leadTimeDays", stock.leadTimeDays),
  };
}

/** One SKU's public entry in `productStock/{productId}.skus`. */
export type ProductStockEntry = ProductStock["skus"][string];

export interface StockViews {
  /** `stock/{sku}` (without `updatedAt`). */
  stock: PublicStock & { lowStockThreshold: number };
  /** The SKU's entry in `productStock/{productId}.skus`. */
  summary: ProductStockEntry;
  /** Inventory's copy of the public status, which the staff board filters on. */
  inventory: { status: StockStatus };
}

/** The one place a SKU's public views are derived from its stock at a given time. */
export function publicStockOf(inventory: InventoryState, nowMs: number): StockViews {
  const { available, status } = publicAvailability(inventory, nowMs);
  const lead = optional("leadTimeDays", inventory.leadTimeDays);
  return {
    stock: { sku: inventory.sku, productId: inventory.productId, available, status, lowStockThreshold: inventory.lowStockThreshold, ...lead },
    summary: { available, status, ...lead },
    inventory: { status },
  };
}

/**
 * What a stock movement writes on `inventory/{sku}`: locations, holds (expiry
 * through `toTime`, the caller's Timestamp), the held units and the public
 * status (`views`: `publicStockOf` of the same state, derived once per write).
 */
export function inventoryMovementFields<T>(inventory: InventoryState, views: StockViews, toTime: (ms: number) => T) {
  const holds = Object.fromEntries(
    Object.entries(inventory.holds).map(([id, h]) => [id, { quantity: h.quantity, uid: h.uid, expiresAt: toTime(h.expiresAtMs) }]),
  );
  return {
    locations: inventory.locations,
    holds,
    held: Object.values(inventory.holds).reduce((sum, h) => sum + h.quantity, 0),
    eventSeq: inventory.eventSeq,
    ...views.inventory,
  };
}

/** A new `inventory/{sku}` document (no holds yet: `newInventoryState`), with the board's copies of its product's fields. */
export function newInventoryDoc(inventory: InventoryState, views: StockViews, board: InventoryBoardFields) {
  return {
    sku: inventory.sku,
    productId: inventory.productId,
    policy: inventory.policy,
    lowStockThreshold: inventory.lowStockThreshold,
    ...optional("backorderLimit", inventory.backorderLimit),
    ...optional("leadTimeDays", inventory.leadTimeDays),
    locations: inventory.locations,
    holds: {},
    held: 0,
    ...views.inventory,
    ...board,
  };
}

/** The ledger entries that open a new SKU's stock (one per location holding units), with stable ids so a rerun writes them once. */
export function openingLedger(inventory: InventoryState, actorUid: string): { id: string; entry: LedgerEntry }[] {
  return Object.entries(inventory.locations).flatMap(([location, stock]) => {
    const onHand = stock?.onHand ?? 0;
    if (onHand === 0) return [];
    return [
      { id: `seed-${inventory.sku}-${location}`, entry: { sku: inventory.sku, location, delta: onHand, reason: "seed", actorUid, before: 0, after: onHand } },
    ];
  });
}
