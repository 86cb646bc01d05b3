import { z } from "zod";
import { CategorySchema, SkuSchema } from "./catalog.js";
import { LocationCodeSchema } from "./locations.js";
import { MAX_SEARCH_TERMS } from "./search.js";
import { StockPolicySchema, StockStatusSchema } from "./stock.js";

export const LocationStockSchema = z.object({ onHand: z.number().int() });

/**
 * A stored time: a Firestore `Timestamp` of either SDK (Admin or web; both have
 * `toMillis`), read as epoch milliseconds, so the model stays free of Firebase.
 */
export const StoredTimeSchema = z
  .custom<{ toMillis(): number }>((value) => typeof (value as { toMillis?: unknown } | null)?.toMillis === "function", "Expected a Timestamp")
  .transform((time) => time.toMillis());

/** One active hold's units on `inventory/{sku}.holds`. */
export const StoredHoldSchema = z.object({ quantity: z.number().int().min(1), uid: z.string(), expiresAt: StoredTimeSchema });

/**
 * `inventory/{sku}`: staff-only truth for one SKU. `onHand` per location moves
 * only with a ledger entry; `holds` keeps every active hold's units with its
 * expiry (`expiresAt` is a Firestore Timestamp, hence `unknown` here), so
 * availability is computed in the same transaction as any change; `held` is
 * the sum of unexpired holds when the document was last written (informative).
 * Read and built only through stock-codec.ts.
 */
export const InventorySchema = z.object({
  sku: SkuSchema,
  productId: z.string().min(1),
  policy: StockPolicySchema,
  locations: z.record(LocationCodeSchema, LocationStockSchema),
  held: z.number().int().min(0),
  holds: z.record(z.string(), StoredHoldSchema).optional(),
  lowStockThreshold: z.number().int().min(0),
  backorderLimit: z.number().int().min(0).optional(),
  leadTimeDays: z.number().int().min(0).optional(),
  /**
   * The public status, as `stock/{sku}` has it: written in the same transaction from the same
   * computation, so the staff board filters stock together with search, category and location.
   */
  status: StockStatusSchema,
  /** Copied from the product for the staff board's server-side filters (board-search.ts); the stock engine never writes them. */
  category: CategorySchema,
  searchTerms: z.array(z.string()).max(MAX_SEARCH_TERMS),
  /** The last event seq of subject `sku/{sku}`; absent until the SKU's first event. */
  eventSeq: z.number().int().min(0).optional(),
});
export type Inventory = z.infer<typeof InventorySchema>;

export const LedgerReasonSchema = z.enum(["receive", "count", "damage", "return", "correction", "order", "cancel", "seed"]);
export type LedgerReason = z.infer<typeof LedgerReasonSchema>;

/** `stockLedger/{id}`: append-only; per SKU and location, on hand equals the sum of `delta` (`at` is a server timestamp). */
export const LedgerEntrySchema = z.object({
  sku: SkuSchema,
  location: LocationCodeSchema,
  delta: z.number().int(),
  reason: LedgerReasonSchema,
  actorUid: z.string(),
  orderId: z.string().optional(),
  holdId: z.string().optional(),
  note: z.string().optional(),
  /** A REST API caller's own reference for the change (a purchase order number, …); `actorUid` is then `apikey:<keyId>`. */
  reference: z.string().optional(),
  before: z.number().int(),
  after: z.number().int(),
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;
