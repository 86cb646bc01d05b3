/**
 * The REST API's contract (DESIGN.md "REST API"): key callables, request and
 * answer bodies, problem JSON. The `api` function parses with these and the
 * OpenAPI document is generated from them, so the two cannot drift.
 */
import { z } from "zod";
import { CategorySchema, SkuSchema, VariantSchema } from "./catalog.js";
import { LocationCodeSchema } from "./locations.js";
import { AdjustmentReasonSchema, IdempotencyKeySchema, MAX_STOCK_UNITS, OrderStatusSchema } from "./contract.js";
import { CentsSchema, CurrencySchema } from "./money.js";
import { StockStatusSchema } from "./stock.js";
import { CreateWebhookEndpointInputSchema, CreateWebhookEndpointOutputSchema, WebhookDeliveryStatusSchema } from "./webhooks.js";

export const ApiScopes = ["inventory:read", "inventory:write", "catalog:read", "orders:read", "webhooks:write"] as const;
export const ApiScopeSchema = z.enum(ApiScopes);
export type ApiScope = z.infer<typeof ApiScopeSchema>;

/** Requests per minute a key may make unless its creator chose another limit. */
export const DEFAULT_API_RATE_PER_MINUTE = 600;

/** `createApiKey` (admin). `rateLimitPerMinute` is an addition to DESIGN's input. */
export const CreateApiKeyInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(ApiScopeSchema)
    .min(1)
    .max(ApiScopes.length)
    .refine((scopes) => new Set(scopes).size === scopes.length, { message: "Each scope once" }),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  rateLimitPerMinute: z.number().int().min(1).max(100_000).optional(),
});
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyInputSchema>;
/** `key` is shown this once; only its hash is stored. */
export const CreateApiKeyOutputSchema = z.object({ keyId: z.string(), key: z.string() });
export type CreateApiKeyOutput = z.infer<typeof CreateApiKeyOutputSchema>;

export const RevokeApiKeyInputSchema = z.strictObject({ keyId: z.string().regex(/^[A-Za-z0-9]{20}$/, "Not a key id") });
export const RevokeApiKeyOutputSchema = z.object({ keyId: z.string(), revoked: z.literal(true) });
export type RevokeApiKeyOutput = z.infer<typeof RevokeApiKeyOutputSchema>;

/**
 * `apiKeys/{keyId}`: what admins see of a key (never its hash, which lives in
 * `apiKeyHashes/{keyId}`). Times are Firestore timestamps, hence `unknown`.
 * `lastUsedAt`/`useCount` are flushed at most once a minute per key and instance.
 */
export const ApiKeyDocSchema = z.object({
  name: z.string(),
  scopes: z.array(ApiScopeSchema),
  prefix: z.string(),
  rateLimitPerMinute: z.number().int(),
  createdBy: z.string(),
  createdAt: z.unknown(),
  expiresAt: z.unknown().optional(),
  revokedAt: z.unknown().optional(),
  lastUsedAt: z.unknown().optional(),
  useCount: z.number().int().min(0),
});
export type ApiKeyDoc = z.infer<typeof ApiKeyDocSchema>;

/**
 * A key is `shr_<keyId>_<secret>`: the public part names the key (so one read
 * finds it), the secret is 32 random bytes in base64url.
 */
const API_KEY_PATTERN = /^shr_([A-Za-z0-9]{20})_([A-Za-z0-9_-]{43})$/;
export const apiKeyText = (keyId: string, secret: string) => `shr_${keyId}_${secret}`;
export function parseApiKey(text: string): { keyId: string; secret: string } | null {
  const match = API_KEY_PATTERN.exec(text);
  return match ? { keyId: match[1] as string, secret: match[2] as string } : null;
}

// ---- Stock writes ---------------------------------------------------------

export const MAX_API_ITEMS = 250;
export const MAX_BULK_LINES = 10_000;

/** Any well-formed code; the engine checks it names a configured location (`unknown-location`). */
export const ApiLocationSchema = LocationCodeSchema;
const ReferenceSchema = z.string().trim().min(1).max(200);
const Units = z.number().int().min(0).max(MAX_STOCK_UNITS);

export const SetItemSchema = z.strictObject({
  sku: SkuSchema,
  location: ApiLocationSchema,
  quantity: Units,
  /** Compare-and-set on this location's on hand; `null` opts out. */
  changeFromQuantity: Units.nullable(),
  reason: AdjustmentReasonSchema.optional(),
  reference: ReferenceSchema.optional(),
});
export type SetItem = z.infer<typeof SetItemSchema>;

export const AdjustItemSchema = z.strictObject({
  sku: SkuSchema,
  location: ApiLocationSchema,
  delta: z
    .number()
    .int()
    .min(-MAX_STOCK_UNITS)
    .max(MAX_STOCK_UNITS)
    .refine((d) => d !== 0, "delta must not be 0"),
  reason: AdjustmentReasonSchema.optional(),
  reference: ReferenceSchema.optional(),
});
export type AdjustItem = z.infer<typeof AdjustItemSchema>;

const items = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(MAX_API_ITEMS);
export const SetRequestSchema = z.strictObject({ items: items(SetItemSchema) });
export const AdjustRequestSchema = z.strictObject({ items: items(AdjustItemSchema) });

/** One JSONL line of `POST /v1/inventory/bulk`. */
export const BulkLineSchema = z.discriminatedUnion("op", [
  SetItemSchema.extend({ op: z.literal("set") }),
  AdjustItemSchema.extend({ op: z.literal("adjust") }),
]);
export type BulkLine = z.infer<typeof BulkLineSchema>;

/** What the engine applies: a set or an adjust, with its reason decided. */
export type ApiStockItem =
  | { op: "set"; sku: string; location: ApiLocation; quantity: number; changeFromQuantity: number | null; reason: ApiReason; reference?: string }
  | { op: "adjust"; sku: string; location: ApiLocation; delta: number; reason: ApiReason; reference?: string };
export type ApiLocation = z.infer<typeof ApiLocationSchema>;
type ApiReason = z.infer<typeof AdjustmentReasonSchema>;

/** A full count is what `set` usually reports; `adjust` defaults to a correction. */
export function toStockItem(line: BulkLine): ApiStockItem {
  const { reason, reference, ...rest } = line;
  const ref = reference !== undefined ? { reference } : {};
  if (rest.op === "set") return { ...rest, reason: reason ?? "count", ...ref };
  return { ...rest, reason: reason ?? "correction", ...ref };
}

export const ItemResultSchema = z.object({
  sku: z.string(),
  location: z.string(),
  result: z.enum(["applied", "stale", "rejected"]),
  /** The location's on hand after this item (for `stale` and `rejected`: as it is now). */
  onHand: z.number().int(),
  code: z.enum(["unknown-sku", "negative-stock", "unknown-location", "inactive-location"]).optional(),
});
export type ItemResult = z.infer<typeof ItemResultSchema>;
export const WriteAnswerSchema = z.object({ items: z.array(ItemResultSchema) });
export type WriteAnswer = z.infer<typeof WriteAnswerSchema>;

/** One answer line of a bulk request: the line's result, or why the line was not applied. */
export const BulkResultLineSchema = z.union([
  ItemResultSchema.extend({ line: z.number().int().min(1) }),
  z.object({ line: z.number().int().min(1), result: z.literal("invalid"), issues: z.array(z.object({ path: z.array(z.string()), message: z.string() })) }),
]);
export type BulkResultLine = z.infer<typeof BulkResultLineSchema>;

export const ApiIdempotencyKeySchema = IdempotencyKeySchema;

// ---- Reads ----------------------------------------------------------------

export const MAX_PAGE_SIZE = 200;
export const PageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  cursor: z.string().max(500).optional(),
  updatedSince: z.iso.datetime({ offset: true }).optional(),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export const InventoryViewSchema = z.object({
  sku: z.string(),
  productId: z.string(),
  available: z.number().int(),
  status: StockStatusSchema,
  onHand: z.number().int(),
  locations: z.record(z.string(), z.object({ onHand: z.number().int() })),
});
export type InventoryView = z.infer<typeof InventoryViewSchema>;

const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export const InventoryPageSchema = page(InventoryViewSchema);

export const ProductViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  category: CategorySchema,
  description: z.string(),
  currency: CurrencySchema,
  active: z.boolean(),
  variants: z.array(VariantSchema),
});
export type ProductView = z.infer<typeof ProductViewSchema>;
export const ProductPageSchema = page(ProductViewSchema);

/** Orders as an ERP needs them: status and lines; the shopper's identity and address stay out. */
export const OrderViewSchema = z.object({
  id: z.string(),
  status: OrderStatusSchema,
  currency: CurrencySchema,
  totalCents: CentsSchema,
  lines: z.array(z.object({ sku: z.string(), quantity: z.number().int(), unitPriceCents: CentsSchema, lineTotalCents: CentsSchema })),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type OrderView = z.infer<typeof OrderViewSchema>;
export const OrderPageSchema = page(OrderViewSchema);

// ---- REST hooks -------------------------------------------------------------

/** `POST /v1/webhooks`: an integration subscribes itself (the same delivery and signing as the console's endpoints). */
export const ApiWebhookCreateSchema = CreateWebhookEndpointInputSchema.pick({ url: true, eventTypes: true, description: true });
export const ApiWebhookCreatedSchema = CreateWebhookEndpointOutputSchema;
export const ApiWebhookDeletedSchema = z.object({ id: z.string(), deleted: z.literal(true) });

/** One delivery as `GET /v1/webhooks/{id}/deliveries` shows it: what was sent and how it went, not the body. */
export const ApiDeliveryViewSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  type: z.string(),
  subject: z.string(),
  seq: z.number().int(),
  status: WebhookDeliveryStatusSchema,
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ApiDeliveryView = z.infer<typeof ApiDeliveryViewSchema>;
export const ApiDeliveryPageSchema = page(ApiDeliveryViewSchema);

// ---- Errors ---------------------------------------------------------------

export const ProblemCodes = [
  "invalid",
  "unauthenticated",
  "forbidden",
  "not-found",
  "unknown-sku",
  "method-not-allowed",
  "conflict",
  "idempotency-key-reused",
  "too-large",
  "unsupported-media-type",
  "rate-limited",
  "internal",
] as const;
export type ProblemCode = (typeof ProblemCodes)[number];

/** RFC 9457 problem details, `application/problem+json`. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.enum(ProblemCodes),
  issues: z.array(z.object({ path: z.array(z.string()), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
