/**
 * The public callable contract (DESIGN.md): one input and one output schema per
 * callable. Functions parse with these, the web app validates forms with them,
 * and tests generate inputs from them. Inputs are strict: unknown keys are errors.
 */
import { z } from "zod";
import { CategorySchema, SkuSchema, VariantSchema } from "./catalog.js";
import { LocationCodeSchema } from "./locations.js";
import { CentsSchema, CurrencySchema } from "./money.js";
import { RoleSchema } from "./roles.js";

export const IdempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, "8–100 characters of A–Z, a–z, 0–9, _ and -");

import { MAX_LINE_QUANTITY, MAX_LINES } from "./labels.js";
export { MAX_LINE_QUANTITY, MAX_LINES } from "./labels.js";

export const OrderLineInputSchema = z.strictObject({
  sku: SkuSchema,
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
});
export type OrderLineInput = z.infer<typeof OrderLineInputSchema>;

export const LinesSchema = z
  .array(OrderLineInputSchema)
  .min(1)
  .max(MAX_LINES)
  .refine((lines) => new Set(lines.map((l) => l.sku)).size === lines.length, {
    message: "Each SKU may appear on one line only",
  });

/** ISO 3166-1 alpha-2: two upper-case letters (the form validates against a list). */
export const CountryCodeSchema = z.string().regex(/^[A-Z]{2}$/, "Two-letter country code");

const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const ShippingAddressSchema = z.strictObject({
  name: trimmed(100),
  line1: trimmed(200),
  line2: z.string().trim().max(200).optional(),
  city: trimmed(100),
  postalCode: trimmed(20),
  country: CountryCodeSchema,
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{5,25}$/, "Phone: digits, spaces, ( ) - and an optional leading +")
    .optional(),
});
export type ShippingAddress = z.infer<typeof ShippingAddressSchema>;

export const DocIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "Not a valid id");

export const PlaceOrderInputSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  lines: LinesSchema,
  shipping: ShippingAddressSchema,
  holdId: DocIdSchema.optional(),
});
export const PlaceOrderOutputSchema = z.object({
  orderId: z.string(),
  status: z.literal("placed"),
  totalCents: CentsSchema,
  currency: CurrencySchema,
});

export const OrderStatusSchema = z.enum(["placed", "fulfilled", "delivered", "cancelled"]);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

export const CancelOrderInputSchema = z.strictObject({
  orderId: DocIdSchema,
  reason: z.string().trim().max(500).optional(),
});
export const CancelOrderOutputSchema = z.object({
  orderId: z.string(),
  status: z.literal("cancelled"),
});

export const HoldCartInputSchema = z.strictObject({ lines: LinesSchema });
export const HoldCartOutputSchema = z.object({
  holdId: z.string(),
  expiresAt: z.iso.datetime(),
});

export const ReleaseHoldInputSchema = z.strictObject({ holdId: DocIdSchema });
export const ReleaseHoldOutputSchema = z.object({
  holdId: z.string(),
  released: z.literal(true),
});

export const AdjustmentReasonSchema = z.enum(["receive", "count", "damage", "return", "correction"]);
export type AdjustmentReason = z.infer<typeof AdjustmentReasonSchema>;

export const MAX_STOCK_UNITS = 1_000_000;

export const AdjustStockInputSchema = z
  .strictObject({
    sku: SkuSchema,
    location: LocationCodeSchema.optional(),
    delta: z
      .number()
      .int()
      .min(-MAX_STOCK_UNITS)
      .max(MAX_STOCK_UNITS)
      .refine((d) => d !== 0, "delta must not be 0")
      .optional(),
    setTo: z.number().int().min(0).max(MAX_STOCK_UNITS).optional(),
    reason: AdjustmentReasonSchema,
    note: z.string().trim().max(500).optional(),
  })
  .refine((input) => (input.delta === undefined) !== (input.setTo === undefined), {
    message: "Give exactly one of delta or setTo",
  });
export const AdjustStockOutputSchema = z.object({
  sku: z.string(),
  onHand: z.number().int(),
  available: z.number().int(),
});

export const UpsertProductInputSchema = z
  .strictObject({
    id: DocIdSchema.optional(),
    name: z.string().trim().min(1).max(120),
    category: CategorySchema,
    description: z.string().max(4000),
    variants: z.array(VariantSchema).min(1).max(50),
    currency: CurrencySchema.optional(),
    leadTimeDays: z.number().int().min(1).max(365).optional(),
    madeToOrder: z.boolean().optional(),
  })
  .refine((p) => new Set(p.variants.map((v) => v.sku)).size === p.variants.length, {
    message: "Each variant needs its own SKU",
  });
export const UpsertProductOutputSchema = z.object({ productId: z.string() });

export const UpdateOrderStatusInputSchema = z.strictObject({
  orderId: DocIdSchema,
  status: z.enum(["fulfilled", "delivered"]),
});
export const UpdateOrderStatusOutputSchema = z.object({
  orderId: z.string(),
  status: OrderStatusSchema,
});

export const SetUserRoleInputSchema = z.strictObject({
  uid: z.string().min(1).max(128),
  role: RoleSchema.nullable(),
});
export const SetUserRoleOutputSchema = z.object({
  uid: z.string(),
  role: RoleSchema.nullable(),
});

export const EmptyInputSchema = z.strictObject({});
export const DeleteMyAccountOutputSchema = z.object({ deleted: z.literal(true) });

/** Every reason a callable's refusal carries in `HttpsError.details.reason`. */
export const ErrorReasons = [
  "out-of-stock",
  "unknown-sku",
  "hold-expired",
  "invalid-transition",
  // Added by the inventory engine (docs/inventory.md).
  "unknown-order",
  "unknown-hold",
  "negative-stock",
  "sku-taken",
  // Added by customer data (issue 7).
  "unknown-customer",
  // Added by the staff console.
  "unknown-product",
  "unknown-user",
  // Hold limits (DESIGN "Hold limits"; docs/inventory.md).
  "hold-limit",
  // Locations as data (locations.ts).
  "unknown-location",
  "inactive-location",
  "location-has-stock",
  "default-location",
  // Operations alerts (alerts.ts).
  "unknown-alert",
] as const;
export type ErrorReason = (typeof ErrorReasons)[number];

/** `HttpsError.details` of a refusal: its reason, and whatever names the thing refused (`sku`, `orderId`, …). */
export type ErrorDetails = { reason: ErrorReason } & Record<string, unknown>;

export type PlaceOrderInput = z.infer<typeof PlaceOrderInputSchema>;
export type PlaceOrderOutput = z.infer<typeof PlaceOrderOutputSchema>;
export type CancelOrderInput = z.infer<typeof CancelOrderInputSchema>;
export type HoldCartInput = z.infer<typeof HoldCartInputSchema>;
export type HoldCartOutput = z.infer<typeof HoldCartOutputSchema>;
export type AdjustStockInput = z.infer<typeof AdjustStockInputSchema>;
export type AdjustStockOutput = z.infer<typeof AdjustStockOutputSchema>;
export type UpsertProductInput = z.infer<typeof UpsertProductInputSchema>;
export type UpdateOrderStatusInput = z.infer<typeof UpdateOrderStatusInputSchema>;
export type SetUserRoleInput = z.infer<typeof SetUserRoleInputSchema>;
export type SetUserRoleOutput = z.infer<typeof SetUserRoleOutputSchema>;

// ---- Staff console ---------------------------------------------------------

/** One receipt is one transaction: rows + touched SKUs + products stay well under Firestore's 500 writes. */
export const MAX_RECEIPT_ROWS = 150;

export const ReceiptRowSchema = z.strictObject({
  sku: SkuSchema,
  location: LocationCodeSchema,
  quantity: z.number().int().min(1).max(MAX_STOCK_UNITS),
});
export type ReceiptRow = z.infer<typeof ReceiptRowSchema>;

/** `receiptId` is chosen by the client once per preview, so a retried or double-clicked apply receives once. */
export const ReceiveShipmentInputSchema = z.strictObject({
  receiptId: IdempotencyKeySchema,
  rows: z
    .array(ReceiptRowSchema)
    .min(1)
    .max(MAX_RECEIPT_ROWS)
    .refine((rows) => new Set(rows.map((r) => `${r.sku}@${r.location}`)).size === rows.length, {
      message: "Each SKU may appear once per location",
    }),
  note: z.string().trim().max(500).optional(),
});
export const ReceiveShipmentOutputSchema = z.object({
  receiptId: z.string(),
  rows: z.number().int(),
  units: z.number().int(),
  /** True when this receipt had already been applied: nothing moved this time. */
  alreadyApplied: z.boolean(),
});
export type ReceiveShipmentInput = z.infer<typeof ReceiveShipmentInputSchema>;
export type ReceiveShipmentOutput = z.infer<typeof ReceiveShipmentOutputSchema>;

export const StaffUserSchema = z.object({
  uid: z.string(),
  email: z.string().nullable(),
  displayName: z.string().nullable(),
  role: RoleSchema.nullable(),
});
export type StaffUser = z.infer<typeof StaffUserSchema>;

/** Admin: every user holding a role, plus (with `email`) that one user, so a role can be granted by email. */
export const ListStaffInputSchema = z.strictObject({ email: z.email().max(320).optional() });
export const ListStaffOutputSchema = z.object({
  staff: z.array(StaffUserSchema),
  user: StaffUserSchema.nullable(),
});
export type ListStaffInput = z.infer<typeof ListStaffInputSchema>;
export type ListStaffOutput = z.infer<typeof ListStaffOutputSchema>;

/** Staff: take a product off the storefront or bring it back (audited). */
export const SetProductActiveInputSchema = z.strictObject({ productId: DocIdSchema, active: z.boolean() });
export const SetProductActiveOutputSchema = z.object({ productId: z.string(), active: z.boolean() });
export type SetProductActiveInput = z.infer<typeof SetProductActiveInputSchema>;

// ---- Customer data (issue 7) ----------------------------------------------

/** One exported document: its path and its data (timestamps as ISO strings). */
export const ExportedDocumentSchema = z.object({
  path: z.string(),
  collection: z.string(),
  data: z.record(z.string(), z.unknown()),
});
/** `exportMyData`: every document about the caller, and nothing about anyone else. */
export const ExportMyDataOutputSchema = z.object({
  uid: z.string(),
  exportedAt: z.iso.datetime(),
  account: z.object({ email: z.string().nullable(), phoneNumber: z.string().nullable(), createdAt: z.string().nullable() }),
  documents: z.array(ExportedDocumentSchema),
});
export type ExportMyDataOutput = z.infer<typeof ExportMyDataOutputSchema>;

/** `syncMyProfile`: called after sign-in or linking a guest; copies the verified email into the profile. */
export const SyncMyProfileOutputSchema = z.object({
  uid: z.string(),
  email: z.string().nullable(),
  created: z.boolean(),
});
export type SyncMyProfileOutput = z.infer<typeof SyncMyProfileOutputSchema>;

/** `lookupCustomer` (staff): a customer's profile and orders, found by email; every call is audited. */
export const LookupCustomerInputSchema = z.strictObject({ email: z.email().max(320) });
export const LookupCustomerOutputSchema = z.object({
  customer: z.object({
    uid: z.string(),
    email: z.string(),
    displayName: z.string().nullable(),
    phone: z.string().nullable(),
    addresses: z.array(z.record(z.string(), z.unknown())),
    marketing: z.object({ email: z.boolean(), sms: z.boolean() }),
    createdAt: z.string().nullable(),
  }),
  orders: z.array(
    z.object({
      orderId: z.string(),
      status: OrderStatusSchema,
      totalCents: CentsSchema,
      currency: CurrencySchema,
      createdAt: z.string().nullable(),
      lines: z.array(z.object({ sku: z.string(), name: z.string(), quantity: z.number().int() })),
    }),
  ),
});
export type LookupCustomerInput = z.infer<typeof LookupCustomerInputSchema>;
export type LookupCustomerOutput = z.infer<typeof LookupCustomerOutputSchema>;
