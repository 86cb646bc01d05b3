import { z } from "zod";
import { SkuSchema } from "./catalog.js";
import { Locations } from "./collections.js";
import { StockPolicySchema } from "./stock.js";

export const LocationStockSchema = z.object({ onHand: z.number().int() });

/**
 * `inventory/{sku}`: staff-only truth for one SKU. `onHand` per location moves
 * only with a ledger entry; `held` is the sum of active holds.
 */
export const InventorySchema = z.object({
  sku: SkuSchema,
  productId: z.string().min(1),
  policy: StockPolicySchema,
  locations: z.record(z.enum(Locations), LocationStockSchema),
  held: z.number().int().min(0),
  lowStockThreshold: z.number().int().min(0),
  backorderLimit: z.number().int().min(0).optional(),
  leadTimeDays: z.number().int().min(0).optional(),
});
export type Inventory = z.infer<typeof InventorySchema>;

export function totalOnHand(inventory: Pick<Inventory, "locations">): number {
  return Object.values(inventory.locations).reduce((sum, loc) => sum + (loc?.onHand ?? 0), 0);
}

export const LedgerReasonSchema = z.enum([
  "receive",
  "count",
  "damage",
  "return",
  "correction",
  "order",
  "cancel",
  "seed",
]);
export type LedgerReason = z.infer<typeof LedgerReasonSchema>;
