/** Cart holds: `holds/{holdId}` keeps the hold; the SKU's inventory document keeps its units. */
import { z } from "zod";
import { OrderLineInputSchema } from "./contract.js";

export const DEFAULT_HOLD_TTL_SECONDS = 15 * 60;

export const HoldStatusSchema = z.enum(["active", "consumed", "released", "expired"]);
export type HoldStatus = z.infer<typeof HoldStatusSchema>;

/** `holds/{holdId}` as stored (timestamps excluded: `expiresAt`, `createdAt` are Firestore types). */
export const HoldSchema = z.object({
  uid: z.string(),
  lines: z.array(OrderLineInputSchema).min(1),
  status: HoldStatusSchema,
  orderId: z.string().optional(),
});
export type Hold = z.infer<typeof HoldSchema>;

export function holdExpiry(nowMs: number, ttlSeconds: number): number {
  return nowMs + ttlSeconds * 1000;
}

/** A hold counts only while active and unexpired; `status` alone can lag (no sweeper needed). */
export function holdIsUsable(hold: { status: HoldStatus; expiresAtMs: number }, nowMs: number): boolean {
  return hold.status === "active" && hold.expiresAtMs > nowMs;
}
