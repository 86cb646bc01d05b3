import { z } from "zod";
import { SkuSchema } from "./catalog.js";
import { LocationCodeSchema } from "./locations.js";
import { OrderStatusSchema, ShippingAddressSchema } from "./contract.js";
import { CentsSchema, CurrencySchema } from "./money.js";

/** One order line as stored: prices copied from the catalog at order time. */
export const OrderLineSchema = z.object({
  sku: SkuSchema,
  productId: z.string(),
  name: z.string(),
  label: z.string(),
  quantity: z.number().int().min(1),
  unitPriceCents: CentsSchema,
  lineTotalCents: CentsSchema,
  /** Units taken from each location (see docs/inventory.md for the rule). */
  allocations: z.array(z.object({ location: LocationCodeSchema, quantity: z.number().int() })),
});
export type OrderLine = z.infer<typeof OrderLineSchema>;

/**
 * `orders/{orderId}` (timestamps excluded: Firestore types). Written only by
 * functions; readable by the owner (`uid`) and staff.
 */
export const OrderSchema = z.object({
  uid: z.string(),
  lines: z.array(OrderLineSchema).min(1),
  totalCents: CentsSchema,
  currency: CurrencySchema,
  status: OrderStatusSchema,
  shipping: ShippingAddressSchema,
  idempotencyKey: z.string(),
  holdId: z.string().optional(),
  cancelReason: z.string().optional(),
  /** Every status the order has had, oldest first (`at` is a Firestore Timestamp). */
  statusHistory: z.array(z.object({ status: OrderStatusSchema, by: z.string(), at: z.unknown() })).optional(),
});
export type Order = z.infer<typeof OrderSchema>;

/** Allowed staff transitions; cancellation is its own callable. */
export const NextOrderStatus: Record<string, string | undefined> = {
  placed: "fulfilled",
  fulfilled: "delivered",
};
