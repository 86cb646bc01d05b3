/**
 * Webhook endpoints and deliveries (DESIGN.md "Contract, part 2", Webhooks):
 * the callables' contract, the documents the console reads, and the URL
 * policy. The REST API (`POST /v1/webhooks`) reuses the same input schemas.
 */
import { z } from "zod";
import { EventTypeSchema, EventTypes } from "./events.js";

/** Secrets are `whsec_` + base64 of 32 random bytes (Standard Webhooks). */
export const WEBHOOK_SECRET_PREFIX = "whsec_";
export const MAX_WEBHOOK_URL_LENGTH = 2048;
/** A larger envelope is not sent; its delivery is marked failed with `payload-too-large`. */
export const MAX_WEBHOOK_BODY_BYTES = 256 * 1024;
/** First bytes of a receiver's answer kept with each attempt. */
export const WEBHOOK_RESPONSE_SNIPPET_CHARS = 500;
/** Attempts (and deliveries) expire this long after they are written (Firestore TTL on `expireAt`). */
export const WEBHOOK_LOG_RETENTION_DAYS = 30;
export const DEFAULT_ROTATION_GRACE_SECONDS = 24 * 60 * 60;
export const MAX_ROTATION_GRACE_SECONDS = 7 * 24 * 60 * 60;
/** At most this many events go out in one console replay. */
export const MAX_REPLAY_EVENTS = 5000;

const DocIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "Not a valid id");

export const WebhookUrlSchema = z.string().trim().min(1).max(MAX_WEBHOOK_URL_LENGTH);

export const WebhookEventTypesSchema = z
  .array(EventTypeSchema)
  .min(1)
  .max(EventTypes.length)
  .refine((types) => new Set(types).size === types.length, { message: "Each event type may appear once" });

export const CreateWebhookEndpointInputSchema = z.strictObject({
  url: WebhookUrlSchema,
  eventTypes: WebhookEventTypesSchema,
  description: z.string().trim().max(200).optional(),
});
export type CreateWebhookEndpointInput = z.infer<typeof CreateWebhookEndpointInputSchema>;
/** The secret is shown here once; it is never readable again. */
export const CreateWebhookEndpointOutputSchema = z.object({ id: z.string(), secret: z.string() });
export type CreateWebhookEndpointOutput = z.infer<typeof CreateWebhookEndpointOutputSchema>;

export const UpdateWebhookEndpointInputSchema = z
  .strictObject({
    id: DocIdSchema,
    url: WebhookUrlSchema.optional(),
    eventTypes: WebhookEventTypesSchema.optional(),
    description: z.string().trim().max(200).optional(),
    enabled: z.boolean().optional(),
  })
  .refine((i) => i.url !== undefined || i.eventTypes !== undefined || i.description !== undefined || i.enabled !== undefined, {
    message: "Give at least one of url, eventTypes, description, enabled",
  });
export type UpdateWebhookEndpointInput = z.infer<typeof UpdateWebhookEndpointInputSchema>;
export const UpdateWebhookEndpointOutputSchema = z.object({ id: z.string(), enabled: z.boolean() });

export const RotateWebhookSecretInputSchema = z.strictObject({
  id: DocIdSchema,
  /** How long the previous secret keeps signing beside the new one. */
  graceSeconds: z.number().int().min(0).max(MAX_ROTATION_GRACE_SECONDS).optional(),
});
export type RotateWebhookSecretInput = z.infer<typeof RotateWebhookSecretInputSchema>;
export const RotateWebhookSecretOutputSchema = z.object({ id: z.string(), secret: z.string(), previousSecretExpiresAt: z.iso.datetime() });
export type RotateWebhookSecretOutput = z.infer<typeof RotateWebhookSecretOutputSchema>;

export const DeleteWebhookEndpointInputSchema = z.strictObject({ id: DocIdSchema });
export const DeleteWebhookEndpointOutputSchema = z.object({ id: z.string(), deleted: z.literal(true) });

/** Sends one delivery's event again, as a new delivery to the same endpoint. */
export const ResendWebhookDeliveryInputSchema = z.strictObject({ deliveryId: z.string().regex(/^[A-Za-z0-9_.~-]{1,400}$/, "Not a valid id") });
export const ResendWebhookDeliveryOutputSchema = z.object({ deliveryId: z.string() });

export const ReplayWebhookEventsInputSchema = z
  .strictObject({ endpointId: DocIdSchema, since: z.iso.datetime({ offset: true }), until: z.iso.datetime({ offset: true }) })
  .refine((i) => Date.parse(i.since) < Date.parse(i.until), { message: "since must be before until" });
export type ReplayWebhookEventsInput = z.infer<typeof ReplayWebhookEventsInputSchema>;
export const ReplayWebhookEventsOutputSchema = z.object({ endpointId: z.string(), queued: z.number().int().min(0) });

// ---- Documents the console reads (Firestore Timestamps as `When`) ----------

const WhenSchema = z.custom<{ toMillis(): number }>((v) => typeof (v as { toMillis?: unknown } | null)?.toMillis === "function");

/** `webhookEndpoints/{id}` (admin read). Secrets live apart, in server-only `webhookSecrets/{id}`. */
export const WebhookEndpointDocSchema = z.object({
  url: z.string(),
  eventTypes: z.array(EventTypeSchema),
  description: z.string().optional(),
  enabled: z.boolean(),
  /** Why it was disabled: by an admin, by a `410`, or automatically after failing too long. */
  disabledReason: z.enum(["admin", "gone", "failing"]).nullable(),
  createdAt: WhenSchema,
  updatedAt: WhenSchema,
  /** Until when the previous secret still signs (after a rotation), or null. */
  previousSecretExpiresAt: WhenSchema.nullable(),
  /** Failed attempts since the last success, and when that streak began. */
  failure: z.object({ consecutive: z.number().int().min(0), since: WhenSchema.nullable() }),
  /** Set when an integration subscribed itself through the REST API: only that key may see or remove it there. */
  ownerKeyId: z.string().optional(),
});
export type WebhookEndpointDoc = z.infer<typeof WebhookEndpointDocSchema>;

export const WebhookDeliveryStatusSchema = z.enum(["pending", "delivered", "failed", "cancelled"]);
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatusSchema>;

/** `webhookDeliveries/{id}` (admin read): one event to one endpoint; its attempts are `attempts/{n}` below it. */
export const WebhookDeliveryDocSchema = z.object({
  endpointId: z.string(),
  eventId: z.string(),
  type: EventTypeSchema,
  subject: z.string(),
  seq: z.number().int(),
  occurredAt: z.string(),
  /** The exact JSON body sent (the envelope). */
  body: z.string(),
  /** `event` (first delivery), `replay` or `resend`. */
  origin: z.enum(["event", "replay", "resend"]),
  status: WebhookDeliveryStatusSchema,
  attempts: z.number().int().min(0),
  createdAt: WhenSchema,
  nextAttemptAt: WhenSchema,
  firstAttemptAt: WhenSchema.nullable(),
  /** While an attempt is in flight: nobody else sends this delivery before then. */
  leaseUntil: WhenSchema.nullable(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  finishedAt: WhenSchema.nullable(),
  expireAt: WhenSchema,
  /** W3C traceparent of the span that made the delivery; each attempt continues its trace (docs/operations.md, "Tracing"). */
  traceparent: z.string().optional(),
});
export type WebhookDeliveryDoc = z.infer<typeof WebhookDeliveryDocSchema>;

/** `webhookDeliveries/{id}/attempts/{n}` (admin read). */
export const WebhookAttemptDocSchema = z.object({
  n: z.number().int().min(1),
  requestId: z.string(),
  at: WhenSchema,
  status: z.number().int().nullable(),
  latencyMs: z.number().int().min(0),
  responseSnippet: z.string(),
  error: z.string().nullable(),
  /** The trace the attempt belongs to (the order's, for an order event); null when it has none. Absent on attempts stored before tracing. */
  traceId: z.string().nullable().optional(),
  expireAt: WhenSchema,
});
export type WebhookAttemptDoc = z.infer<typeof WebhookAttemptDocSchema>;

/**
 * Delivery ids are deterministic, so a redelivered Pub/Sub message finds its
 * delivery instead of making a second: `{endpointId}_{eventId}` for the first
 * delivery, with a suffix for each replay or resend.
 */
export function webhookDeliveryId(endpointId: string, eventId: string, suffix?: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_.~-]/g, (c) => `~${c.charCodeAt(0).toString(16)}`);
  return [endpointId, safe(eventId), ...(suffix === undefined ? [] : [safe(suffix)])].join("_");
}
