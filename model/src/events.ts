/**
 * The event contract (DESIGN.md "Contract, part 2"): every committed change
 * that matters writes one `events/{eventId}` document in the same transaction
 * as the change; a relay publishes them to the Pub/Sub topic `showroom-events`
 * with the subject as ordering key; consumers (webhooks, email) are idempotent
 * on `id`. `seq` rises by exactly 1 per subject, so a consumer can order and
 * spot gaps. Events carry ids, quantities and money, never names, emails,
 * phones or addresses.
 */
import { z } from "zod";
import { SkuSchema } from "./catalog.js";
import { OrderStatusSchema } from "./contract.js";
import { CentsSchema, CurrencySchema } from "./money.js";
import { StockStatusSchema } from "./stock.js";

export const EVENTS_TOPIC = "showroom-events";

export const EventTypes = [
  "order.placed",
  "order.cancelled",
  "order.status_changed",
  "inventory.updated",
  "stock.back_in_stock",
  "product.upserted",
  "customer.erased",
  "feedback.submitted",
  "alert.opened",
] as const;
export const EventTypeSchema = z.enum(EventTypes);
export type EventType = z.infer<typeof EventTypeSchema>;

/** `sku/{sku}`, `order/{orderId}`, `product/{productId}`, `customer/{uid}` or `alert/{alertId}`. */
export const EventSubjectSchema = z.string().regex(/^(sku|order|product|customer|alert)\/[^/]{1,128}$/, "Not an event subject");
export type EventSubject = z.infer<typeof EventSubjectSchema>;

export const subjectOf = {
  sku: (sku: string): EventSubject => `sku/${sku}`,
  order: (orderId: string): EventSubject => `order/${orderId}`,
  product: (productId: string): EventSubject => `product/${productId}`,
  customer: (uid: string): EventSubject => `customer/${uid}`,
  alert: (alertId: string): EventSubject => `alert/${alertId}`,
};

const EventOrderLineSchema = z.object({ sku: SkuSchema, productId: z.string(), quantity: z.number().int().min(1), unitPriceCents: CentsSchema });

/** Each type's `data`. `uid` on order events is the (pseudonymous) account id; erasure replaces it with null. */
export const EventDataSchemas = {
  "order.placed": z.object({
    orderId: z.string(),
    uid: z.string().nullable(),
    lines: z.array(EventOrderLineSchema),
    totalCents: CentsSchema,
    currency: CurrencySchema,
  }),
  "order.cancelled": z.object({ orderId: z.string(), uid: z.string().nullable(), reason: z.string().optional() }),
  "order.status_changed": z.object({ orderId: z.string(), uid: z.string().nullable(), from: OrderStatusSchema, to: OrderStatusSchema }),
  "inventory.updated": z.object({
    sku: SkuSchema,
    productId: z.string(),
    available: z.number().int().min(0),
    status: StockStatusSchema,
    onHand: z.number().int(),
    locations: z.record(z.string(), z.object({ onHand: z.number().int() })),
    /** What moved it: a ledger reason (`order`, `receive`, ...), or `hold` / `hold-released` for holds. */
    reason: z.string(),
  }),
  "stock.back_in_stock": z.object({ sku: SkuSchema, productId: z.string(), available: z.number().int().min(0), status: StockStatusSchema }),
  "product.upserted": z.object({ productId: z.string(), active: z.boolean(), skus: z.array(SkuSchema) }),
  "customer.erased": z.strictObject({ uid: z.string() }),
  "feedback.submitted": z.object({
    feedbackId: z.string(),
    orderId: z.string(),
    productIds: z.array(z.string()),
    nps: z.number().int().min(0).max(10).optional(),
  }),
  /** An operations alert opened (alerts.ts); `subject` is what it is about (`sku/{sku}`). */
  "alert.opened": z.object({ alertId: z.string(), kind: z.string(), subject: z.string(), problems: z.array(z.string()) }),
} satisfies Record<EventType, z.ZodType>;
export type EventData<T extends EventType> = z.infer<(typeof EventDataSchemas)[T]>;

/** The envelope as consumers receive it (Pub/Sub message body, webhook body). */
export const EventEnvelopeSchema = z.object({
  id: z.string().min(1),
  type: EventTypeSchema,
  /** ISO 8601. */
  occurredAt: z.iso.datetime({ offset: true }),
  subject: EventSubjectSchema,
  seq: z.number().int().min(1),
  data: z.record(z.string(), z.unknown()),
});
export type EventEnvelope = z.infer<typeof EventEnvelopeSchema>;

/** Parses an envelope and its type's data; throws a ZodError on anything else. */
export function parseEventEnvelope(value: unknown): EventEnvelope {
  const envelope = EventEnvelopeSchema.parse(value);
  EventDataSchemas[envelope.type].parse(envelope.data);
  return envelope;
}
