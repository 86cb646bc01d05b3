import { z } from "zod";
import { Collections } from "./collections.js";
import { ShippingAddressSchema } from "./contract.js";

export const MAX_ADDRESSES = 10;
export const ConsentChannels = ["email", "sms"] as const;
export type ConsentChannel = (typeof ConsentChannels)[number];

export const SavedAddressSchema = ShippingAddressSchema.extend({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  label: z.string().trim().max(40).optional(),
});
export type SavedAddress = z.infer<typeof SavedAddressSchema>;

/** `customers/{uid}.marketing[channel]`; `updatedAt` is set to the request time (rules check it). */
export const ConsentSchema = z.object({ granted: z.boolean() });

/**
 * The fields a customer may edit on `customers/{uid}`. The rules mirror these
 * bounds; functions own `uid`, `email`, `createdAt`.
 */
export const CustomerEditableSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(100),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{5,25}$/)
    .optional(),
  addresses: z.array(SavedAddressSchema).max(MAX_ADDRESSES),
  marketing: z.strictObject({ email: ConsentSchema, sms: ConsentSchema }),
});
export type CustomerEditable = z.infer<typeof CustomerEditableSchema>;

/** Editable field names: the rules' `affectedKeys().hasOnly([...])` list matches this. */
export const CustomerEditableFields = ["displayName", "phone", "addresses", "marketing", "updatedAt"] as const;

/** Shown until the customer picks a name: guests and email sign-ups start with it. */
export const DEFAULT_DISPLAY_NAME = "Shopper";

/** Subcollections under `customers/{uid}`; each is exported and erased with the profile. */
export const CustomerSubcollections = {
  /** `alerts/{sku}`: the owner asks to hear when a SKU is sellable again. */
  alerts: "alerts",
  /** `notifications/{id}`: written by functions; the owner may only stamp `readAt`. */
  notifications: "notifications",
  /** `consentEvents/{id}`: marketing consent history, written by a trigger. */
  consentEvents: "consentEvents",
} as const;

/**
 * Server-only receipts of trigger events (`{trigger, at}`, no personal data):
 * a trigger creates its receipt in the same write as its effects, so a
 * redelivered event finds the receipt and writes nothing twice.
 */
export const EVENT_RECEIPTS_COLLECTION = "eventReceipts";

/**
 * `customers/{uid}` as stored (timestamps excluded: Firestore types). `uid`,
 * `email` and `createdAt` are server-owned; the rest is `CustomerEditableSchema`.
 * `email` is absent for guests until they link an email account.
 */
export const CustomerProfileSchema = CustomerEditableSchema.extend({
  uid: z.string(),
  email: z.string().optional(),
});
export type CustomerProfile = z.infer<typeof CustomerProfileSchema>;

/** The profile a new account starts with (Auth trigger or first `syncMyProfile`). */
export function defaultProfile(user: { uid: string; email?: string | undefined; displayName?: string | undefined }): CustomerProfile {
  const name = user.displayName?.trim().slice(0, 100);
  return {
    uid: user.uid,
    ...(user.email ? { email: user.email } : {}),
    displayName: name && name.length > 0 ? name : DEFAULT_DISPLAY_NAME,
    addresses: [],
    marketing: { email: { granted: false }, sms: { granted: false } },
  };
}

export const ConsentSourceSchema = z.enum(["customer", "system"]);
/** `customers/{uid}/consentEvents/{id}`: one per change of one channel (`at` is a Firestore Timestamp). */
export const ConsentEventSchema = z.object({
  channel: z.enum(ConsentChannels),
  granted: z.boolean(),
  source: ConsentSourceSchema,
});
export type ConsentEvent = z.infer<typeof ConsentEventSchema>;

/** `customers/{uid}/alerts/{sku}`: exactly what the rules let the owner create (`createdAt` = request time). */
export const BackInStockAlertSchema = z.strictObject({ sku: z.string() });

/** `customers/{uid}/notifications/{id}` (`createdAt`, `readAt` are Firestore Timestamps or null). */
export const NotificationSchema = z.object({
  kind: z.literal("back-in-stock"),
  sku: z.string(),
  productId: z.string(),
  status: z.string(),
  available: z.number().int(),
});
export type CustomerNotification = z.infer<typeof NotificationSchema>;

// ---- What changed on a profile -------------------------------------------

/** Fields whose values never go into the audit log: only their names do. */
export const SensitiveProfileFields = ["displayName", "email", "phone", "addresses"] as const;

/** Top-level profile fields whose value differs (`updatedAt` is bookkeeping, not a change). */
export function changedProfileFields(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  keys.delete("updatedAt");
  return [...keys].filter((key) => !deepEqual(before?.[key], after?.[key])).sort();
}

/** Consent changes per channel; a new profile counts as "not granted" before. */
export function consentChanges(
  before: { marketing?: Partial<Record<ConsentChannel, { granted?: unknown }>> } | undefined,
  after: { marketing?: Partial<Record<ConsentChannel, { granted?: unknown }>> } | undefined,
): { channel: ConsentChannel; granted: boolean }[] {
  return ConsentChannels.flatMap((channel) => {
    const was = before?.marketing?.[channel]?.granted === true;
    const now = after?.marketing?.[channel]?.granted === true;
    return was === now ? [] : [{ channel, granted: now }];
  });
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  // Firestore Timestamps and other classes compare by their own isEqual when they have one.
  const withIsEqual = a as { isEqual?: (other: unknown) => boolean };
  if (typeof withIsEqual.isEqual === "function") return withIsEqual.isEqual(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

// ---- Back in stock ---------------------------------------------------------

/** A SKU can be bought in these states; out of stock (or no stock document) cannot. */
export function isSellableStatus(status: unknown): boolean {
  return status === "in_stock" || status === "low_stock" || status === "made_to_order" || status === "backorder";
}

/**
 * An alert fires when a SKU goes from not sellable to sellable, every time it
 * does. A SKU whose stock document is new (a new product, the seed) alerts
 * nobody: nobody watched it sell out, and seeding 10,000 SKUs stays cheap.
 */
export function becameSellable(before: { status?: unknown } | undefined, after: { status?: unknown } | undefined): boolean {
  return before !== undefined && !isSellableStatus(before.status) && isSellableStatus(after?.status);
}

// ---- The registry of customer data ----------------------------------------

/**
 * How to find a customer's documents in one collection:
 * - `docId`: the document id is the uid (with every subcollection below it);
 * - `fields`: documents where any of these (dotted) fields equals the uid;
 * - `idPrefix`: document ids that start with `${uid}_`;
 * - `holdEntries`: entries of the `holds` map whose `uid` is the customer, in
 *   the documents of the SKUs their holds name (the map is keyed by hold id).
 */
export type CustomerDataMatch = { by: "docId" } | { by: "fields"; fields: readonly string[] } | { by: "idPrefix" } | { by: "holdEntries" };

/**
 * What erasure does:
 * - `delete`: remove the document (and its subcollections);
 * - `anonymiseOrder`: keep it for the books with name, address, phone and email
 *   replaced and the uid replaced by a random placeholder;
 * - `pseudonymise`: keep it (stock and audit history must add up) with every
 *   occurrence of the uid replaced by the placeholder;
 * - `anonymiseFeedback`: keep the scores (product aggregates count them), drop
 *   the free text, and replace the uid by the placeholder.
 */
export type ErasureAction = "delete" | "anonymiseOrder" | "pseudonymise" | "anonymiseFeedback";

export interface CustomerDataSource {
  collection: string;
  match: CustomerDataMatch;
  erase: ErasureAction;
  /** Why the collection holds customer data (for the team's notes and docs). */
  holds: string;
}

/**
 * Every collection that holds data about a customer. `exportMyData` and
 * `deleteMyAccount` both walk this one list, and an integration test walks the
 * whole database to prove nothing with a customer's uid is missing from it:
 * a new collection with customer data must be added here.
 */
export const CustomerDataRegistry: readonly CustomerDataSource[] = [
  { collection: Collections.customers, match: { by: "docId" }, erase: "delete", holds: "profile, alerts, notifications, consent history" },
  { collection: Collections.roleChanges, match: { by: "docId" }, erase: "delete", holds: "the signal that the user's role changed" },
  { collection: Collections.orders, match: { by: "fields", fields: ["uid"] }, erase: "anonymiseOrder", holds: "orders with shipping name, address and phone" },
  { collection: Collections.orderKeys, match: { by: "idPrefix" }, erase: "delete", holds: "idempotency keys named `${uid}_${key}`" },
  { collection: Collections.holds, match: { by: "fields", fields: ["uid"] }, erase: "pseudonymise", holds: "cart holds (kept so their units still expire)" },
  { collection: Collections.rateLimits, match: { by: "idPrefix" }, erase: "delete", holds: "call counters named `${uid}_${action}_${window}`" },
  { collection: Collections.activeHolds, match: { by: "docId" }, erase: "delete", holds: "which hold is the customer's latest (one active hold per user)" },
  { collection: Collections.inventory, match: { by: "holdEntries" }, erase: "pseudonymise", holds: "the uid of each active hold on the SKU" },
  {
    collection: Collections.stockLedger,
    match: { by: "fields", fields: ["actorUid"] },
    erase: "pseudonymise",
    holds: "stock movements the customer's orders caused",
  },
  {
    collection: Collections.auditLog,
    match: { by: "fields", fields: ["actorUid", "target.id"] },
    erase: "pseudonymise",
    holds: "audit entries by or about the customer",
  },
  { collection: Collections.feedback, match: { by: "fields", fields: ["uid"] }, erase: "anonymiseFeedback", holds: "survey answers: scores and free text" },
  { collection: Collections.surveyInvites, match: { by: "fields", fields: ["uid"] }, erase: "delete", holds: "survey invitations (the account prompt)" },
  { collection: Collections.feedbackLimits, match: { by: "idPrefix" }, erase: "delete", holds: "feedback rate windows named `${uid}_feedback`" },
  {
    collection: Collections.siteAnswers,
    match: { by: "fields", fields: ["uid"] },
    erase: "pseudonymise",
    holds: "on-site answers (no free text; kept so the demand counters still add up)",
  },
  { collection: Collections.siteQuestionVisitors, match: { by: "docId" }, erase: "delete", holds: "when the visitor was last asked an on-site question" },
  {
    collection: Collections.mail,
    match: { by: "fields", fields: ["uid"] },
    erase: "delete",
    holds: "emails to the customer (each carries the uid)",
  },
];

/** What an export shows instead of a staff member's uid: who they are is not the customer's data. */
export const STAFF_ACTOR = "staff";

/**
 * Hides other people inside the caller's own documents before export: staff
 * uids in audit entries about the customer and in their orders' status history.
 */
export function redactOthers(collection: string, data: Record<string, unknown>, uid: string): Record<string, unknown> {
  if (collection === Collections.auditLog && data.actorUid !== uid) return { ...data, actorUid: STAFF_ACTOR };
  if (collection === Collections.orders && Array.isArray(data.statusHistory)) {
    const history = (data.statusHistory as { by?: unknown }[]).map((h) => (h.by === uid ? h : { ...h, by: STAFF_ACTOR }));
    return { ...data, statusHistory: history };
  }
  return data;
}

/** Erased orders keep this in place of every personal string (the schema still parses). */
export const ERASED = "[erased]";

/** A uid replacement that cannot be traced back: random, one per erased account. */
export function erasedUid(random: string): string {
  return `erased-${random}`;
}

/**
 * Replaces every occurrence of each `from` string (in strings and map keys,
 * at any depth) with its `to`. Only plain objects and arrays are walked:
 * Firestore values such as Timestamps pass through untouched.
 */
export function scrubStrings<T>(value: T, replacements: readonly { from: string; to: string }[]): T {
  const active = replacements.filter((r) => r.from.length > 0);
  const scrubString = (s: string) => active.reduce((out, r) => out.split(r.from).join(r.to), s);
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return scrubString(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object") {
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return v;
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [scrubString(k), walk(inner)]));
    }
    return v;
  };
  return walk(value) as T;
}
