/**
 * THE access matrix: who may do what to every collection. This one table
 * drives tests/rules/access-matrix.test.ts (every cell asserted, allowed or
 * denied) and renders docs/access.md (`npm run docs:access`), so the
 * documentation cannot drift from what is tested.
 *
 * Each row names a subject document owned by shopper A (alice); get, update
 * and delete act on it, create writes `create.path` (absent before the cell
 * runs) and list runs `list.query`.
 */
import {
  BackInStockAlertSchema,
  Collections,
  ConsentEventSchema,
  CustomerProfileSchema,
  CustomerSubcollections,
  EVENT_RECEIPTS_COLLECTION,
  WEBHOOK_ATTEMPTS,
  HoldSchema,
  InventorySchema,
  LedgerEntrySchema,
  newAlertFields,
  NotificationSchema,
  OrderSchema,
  ProductSchema,
  ProductStockSchema,
  PublicStockSchema,
  StockLocationSchema,
} from "@showroom/model";
import { collection, query, serverTimestamp, Timestamp, where, type DocumentData, type Firestore, type Query } from "firebase/firestore";
import type { z } from "zod";

export const Personas = ["signedOut", "guest", "alice", "bob", "staff", "admin"] as const;
export type Persona = (typeof Personas)[number];

export const PersonaLabels: Record<Persona, string> = {
  signedOut: "signed out",
  guest: "anonymous guest",
  alice: "shopper A (owner)",
  bob: "shopper B",
  staff: "staff",
  admin: "admin",
};

/** The uid each persona signs in with (null: no auth). */
export const PersonaUids: Record<Persona, string | null> = {
  signedOut: null,
  guest: "guest-gina",
  alice: "alice",
  bob: "bob",
  staff: "sam-staff",
  admin: "ada-admin",
};

export const Operations = ["get", "list", "create", "update", "delete"] as const;
export type Operation = (typeof Operations)[number];

export interface MatrixRow {
  /** The path pattern as written in firestore.rules. */
  path: string;
  /** The policy in one line (the same words as the rule's comment). */
  policy: string;
  /** Documents in place before every cell of this row (written with rules disabled). */
  seed: Record<string, DocumentData>;
  /** The document get, update and delete act on. */
  subject: string;
  list: { describe: string; query: (db: Firestore) => Query };
  /** A well-formed create, so a denial means the persona is refused, not the data. */
  create: { path: string; data: (uid: string | null) => DocumentData };
  /** A well-formed partial update of `subject`. */
  update: () => DocumentData;
  /** Who is allowed each operation; everyone else is denied. */
  allow: Record<Operation, readonly Persona[]>;
}

const EVERYONE = Personas;
const STAFF = ["staff", "admin"] as const satisfies readonly Persona[];
const OWNER = ["alice"] as const satisfies readonly Persona[];
const ADMIN = ["admin"] as const satisfies readonly Persona[];
const OWNER_AND_STAFF = ["alice", "staff", "admin"] as const satisfies readonly Persona[];
const NOBODY = [] as const satisfies readonly Persona[];

const readOnly = (who: readonly Persona[]): Record<Operation, readonly Persona[]> => ({
  get: who,
  list: who,
  create: NOBODY,
  update: NOBODY,
  delete: NOBODY,
});

const at = Timestamp.fromDate(new Date(Date.UTC(2026, 10, 1)));

/**
 * A seeded document as the system stores it: the model's schema types it and
 * checks it when this module loads, so a fixture cannot drift from the real
 * shape; Firestore timestamps, which the schemas leave out, are added apart.
 */
function stored<S extends z.ZodType>(schema: S, data: z.input<S>, timestamps: Record<string, Timestamp | null> = {}): DocumentData {
  schema.parse(data);
  return { ...(data as DocumentData), ...timestamps };
}

const SKU = "SOF-ALBA-3S-VELVET";
const address = { id: "home", label: "Home", name: "Alice Archer", line1: "1 Elm St", city: "Springfield", postalCode: "12345", country: "US" };
const line = {
  sku: SKU,
  productId: "p-alba",
  name: "Alba sofa",
  label: "Velvet",
  quantity: 1,
  unitPriceCents: 129900,
  lineTotalCents: 129900,
  allocations: [{ location: "main" as const, quantity: 1 }],
};
/** An order as placeOrder stores it (the create cell swaps in the caller's uid, null when signed out). */
const order = (uid: string): z.input<typeof OrderSchema> => ({
  uid,
  lines: [line],
  totalCents: 129900,
  currency: "USD",
  status: "placed",
  shipping: { name: "Alice Archer", line1: "1 Elm St", city: "Springfield", postalCode: "12345", country: "US" },
  idempotencyKey: "key-000001",
});
const customerEditable = () => ({
  displayName: "Alice Archer",
  phone: "+1 555 0100",
  addresses: [address],
  marketing: { email: { granted: true }, sms: { granted: false } },
  updatedAt: serverTimestamp(),
});

const whole = (name: string) => ({ describe: `all of \`${name}\``, query: (db: Firestore) => collection(db, name) });

export const AccessMatrix: readonly MatrixRow[] = [
  {
    path: `${Collections.products}/{productId}`,
    policy: "Catalog: anyone reads; only Cloud Functions write.",
    seed: {
      "products/p-alba": stored(ProductSchema, {
        name: "Alba sofa",
        slug: "alba-sofa",
        category: "sofas",
        description: "A deep sofa.",
        images: [],
        variants: [{ sku: SKU, label: "Velvet", options: {}, priceCents: 129900 }],
        currency: "USD",
        active: true,
      }),
    },
    subject: "products/p-alba",
    list: whole(Collections.products),
    create: { path: "products/p-new", data: () => ({ name: "Free sofa", variants: [], currency: "USD", active: true }) },
    update: () => ({ variants: [{ sku: SKU, label: "Velvet", options: {}, priceCents: 1 }] }),
    allow: readOnly(EVERYONE),
  },
  {
    path: `${Collections.stock}/{sku}`,
    policy: "Public stock view: anyone reads; only Cloud Functions write.",
    seed: { [`stock/${SKU}`]: stored(PublicStockSchema, { sku: SKU, productId: "p-alba", available: 3, status: "low_stock" }, { updatedAt: at }) },
    subject: `stock/${SKU}`,
    list: whole(Collections.stock),
    create: { path: "stock/NEW-SKU", data: () => ({ sku: "NEW-SKU", productId: "p-alba", available: 999, status: "in_stock" }) },
    update: () => ({ available: 999 }),
    allow: readOnly(EVERYONE),
  },
  {
    path: `${Collections.productStock}/{productId}`,
    policy: "Public per-product availability summary: anyone reads; only Cloud Functions write.",
    seed: {
      "productStock/p-alba": stored(ProductStockSchema, { productId: "p-alba", skus: { [SKU]: { available: 3, status: "low_stock" } } }, { updatedAt: at }),
    },
    subject: "productStock/p-alba",
    list: whole(Collections.productStock),
    create: { path: "productStock/p-new", data: () => ({ productId: "p-new", skus: {} }) },
    update: () => ({ [`skus.${SKU}.available`]: 999 }),
    allow: readOnly(EVERYONE),
  },
  {
    path: `${Collections.locations}/{code}`,
    policy: "Stock locations (names, kinds, draw order): anyone reads, so the storefront can name a showroom; only Cloud Functions write.",
    seed: {
      "locations/main": stored(StockLocationSchema, { code: "main", name: "Main warehouse", kind: "warehouse", drawOrder: 0, active: true }, { updatedAt: at }),
    },
    subject: "locations/main",
    list: whole(Collections.locations),
    create: { path: "locations/pop-up", data: () => ({ code: "pop-up", name: "Pop-up", kind: "showroom", drawOrder: 0, active: true }) },
    update: () => ({ drawOrder: 99 }),
    allow: readOnly(EVERYONE),
  },
  {
    path: `${Collections.inventory}/{sku}`,
    policy: "Per-location stock and policy: staff read; only Cloud Functions write.",
    seed: {
      [`inventory/${SKU}`]: stored(InventorySchema, {
        sku: SKU,
        productId: "p-alba",
        policy: "stock",
        locations: { main: { onHand: 2 }, east: { onHand: 1 } },
        held: 0,
        lowStockThreshold: 3,
        status: "low_stock",
        category: "sofas",
        searchTerms: ["alba"],
      }),
    },
    subject: `inventory/${SKU}`,
    list: whole(Collections.inventory),
    create: { path: "inventory/NEW-SKU", data: () => ({ sku: "NEW-SKU", locations: { main: { onHand: 999 } }, held: 0 }) },
    update: () => ({ "locations.main.onHand": 999 }),
    allow: readOnly(STAFF),
  },
  {
    path: `${Collections.stockLedger}/{entryId}`,
    policy: "Stock movements: staff read; only Cloud Functions write.",
    seed: {
      "stockLedger/e1": stored(
        LedgerEntrySchema,
        { sku: SKU, location: "main", delta: 2, reason: "receive", actorUid: "sam-staff", before: 0, after: 2 },
        { at },
      ),
    },
    subject: "stockLedger/e1",
    list: whole(Collections.stockLedger),
    create: { path: "stockLedger/e-new", data: () => ({ sku: SKU, location: "main", delta: 999, reason: "receive" }) },
    update: () => ({ delta: 999 }),
    allow: readOnly(STAFF),
  },
  {
    path: `${Collections.holds}/{holdId}`,
    policy: "Cart holds: staff read; only Cloud Functions write (shoppers use holdCart/releaseHold).",
    seed: { "holds/h-alice": stored(HoldSchema, { uid: "alice", lines: [{ sku: SKU, quantity: 1 }], status: "active" }, { expiresAt: at }) },
    subject: "holds/h-alice",
    list: whole(Collections.holds),
    create: { path: "holds/h-new", data: (uid) => ({ uid, lines: [{ sku: SKU, quantity: 20 }], expiresAt: at, status: "active" }) },
    update: () => ({ expiresAt: Timestamp.fromDate(new Date(Date.UTC(2099, 0, 1))) }),
    allow: readOnly(STAFF),
  },
  {
    path: `${Collections.auditLog}/{entryId}`,
    policy: "Append-only audit log: staff read; only Cloud Functions append; nobody changes or deletes.",
    seed: {
      "auditLog/a1": {
        actorUid: "ada-admin",
        actorRole: "admin",
        action: "role.set",
        target: { kind: "user", id: "sam-staff" },
        before: { role: null },
        after: { role: "staff" },
        at,
      },
    },
    subject: "auditLog/a1",
    list: whole(Collections.auditLog),
    create: { path: "auditLog/a-new", data: (uid) => ({ actorUid: uid, actorRole: "admin", action: "role.set", target: { kind: "user", id: "x" }, at }) },
    update: () => ({ actorUid: "someone-else" }),
    allow: readOnly(STAFF),
  },
  {
    path: `${Collections.orderKeys}/{key}`,
    policy: "Idempotency keys: server-only, nobody reads or writes from a client.",
    seed: { "orderKeys/alice_key-000001": { orderId: "o-alice" } },
    subject: "orderKeys/alice_key-000001",
    list: whole(Collections.orderKeys),
    create: { path: "orderKeys/alice_key-000002", data: () => ({ orderId: "o-bob" }) },
    update: () => ({ orderId: "o-bob" }),
    allow: readOnly(NOBODY),
  },
  {
    path: `${Collections.events}/{eventId}`,
    policy: "Event outbox: server-only; consumers get events through Pub/Sub and webhooks, never from clients.",
    seed: {
      "events/order~o-alice~000000000001": {
        id: "order~o-alice~000000000001",
        type: "order.placed",
        subject: "order/o-alice",
        seq: 1,
        data: { orderId: "o-alice", uid: "alice" },
        occurredAt: at,
        publishedAt: null,
      },
    },
    subject: "events/order~o-alice~000000000001",
    list: whole(Collections.events),
    create: {
      path: "events/order~o-alice~000000000002",
      data: () => ({ type: "order.cancelled", subject: "order/o-alice", seq: 2, data: { orderId: "o-alice", uid: "alice" } }),
    },
    update: () => ({ publishedAt: at }),
    allow: readOnly(NOBODY),
  },
  {
    path: `${Collections.eventCursors}/{subject}`,
    policy: "Event relay cursors: server-only.",
    seed: { "eventCursors/order~o-alice": { subject: "order/o-alice", publishedSeq: 1, leaseOwner: null, leaseUntilMs: 0 } },
    subject: "eventCursors/order~o-alice",
    list: whole(Collections.eventCursors),
    create: { path: "eventCursors/order~o-bob", data: () => ({ subject: "order/o-bob", publishedSeq: 0 }) },
    update: () => ({ publishedSeq: 99 }),
    allow: readOnly(NOBODY),
  },
  {
    path: `${Collections.eventCommits}/{commitId}`,
    policy: "Relay markers, one per commit that wrote events: server-only.",
    seed: { "eventCommits/c-alice": { subjects: [{ subject: "order/o-alice", seq: 1 }], createdAt: at, expireAt: at } },
    subject: "eventCommits/c-alice",
    list: whole(Collections.eventCommits),
    create: { path: "eventCommits/c-bob", data: () => ({ subjects: [{ subject: "order/o-bob" }] }) },
    update: () => ({ subjects: [] }),
    allow: readOnly(NOBODY),
  },
  {
    path: `${Collections.activeHolds}/{uid}`,
    policy: "Each user's latest hold (one active hold per user): server-only, nobody reads or writes from a client.",
    seed: { "activeHolds/alice": { uid: "alice", holdId: "h-alice", skus: [SKU] } },
    subject: "activeHolds/alice",
    list: whole(Collections.activeHolds),
    create: { path: "activeHolds/bob", data: (uid) => ({ uid, holdId: "h-new", skus: [SKU] }) },
    update: () => ({ holdId: "h-other" }),
    allow: readOnly(NOBODY),
  },
  {
    path: `${Collections.rateLimits}/{counterId}`,
    policy: "Per-user call counters for rate limits: server-only, nobody reads or writes from a client.",
    seed: { "rateLimits/alice_holdCart_1": { uid: "alice", action: "holdCart", count: 3 } },
    subject: "rateLimits/alice_holdCart_1",
    list: whole(Collections.rateLimits),
    create: { path: "rateLimits/bob_holdCart_1", data: (uid) => ({ uid, action: "holdCart", count: 0 }) },
    update: () => ({ count: 0 }),
    allow: readOnly(NOBODY),
  },
  {
    path: `${EVENT_RECEIPTS_COLLECTION}/{receiptId}`,
    policy: "Trigger receipts (redelivery guard): server-only, nobody reads or writes from a client.",
    seed: { [`${EVENT_RECEIPTS_COLLECTION}/r1`]: { trigger: "onCustomerWritten", at } },
    subject: `${EVENT_RECEIPTS_COLLECTION}/r1`,
    list: whole(EVENT_RECEIPTS_COLLECTION),
    create: { path: `${EVENT_RECEIPTS_COLLECTION}/r-new`, data: () => ({ trigger: "onStockWritten", at }) },
    update: () => ({ at: Timestamp.fromDate(new Date(Date.UTC(2099, 0, 1))) }),
    allow: readOnly(NOBODY),
  },
  {
    path: `${Collections.apiKeys}/{keyId}`,
    policy: "REST API keys: admins read the metadata (name, scopes, last use); only Cloud Functions write.",
    seed: {
      "apiKeys/k1": { name: "ERP", scopes: ["inventory:read"], prefix: "shr_k1", rateLimitPerMinute: 600, createdBy: "ada-admin", createdAt: at, useCount: 0 },
    },
    subject: "apiKeys/k1",
    list: whole(Collections.apiKeys),
    create: {
      path: "apiKeys/k-new",
      data: (uid) => ({ name: "mine", scopes: ["inventory:write"], prefix: "shr_k", rateLimitPerMinute: 600, createdBy: uid, createdAt: at, useCount: 0 }),
    },
    update: () => ({ scopes: ["inventory:read", "inventory:write", "orders:read"] }),
    allow: readOnly(ADMIN),
  },
  {
    path: `${Collections.apiKeyHashes}/{keyId}`,
    policy: "REST API key hashes: server-only, nobody reads or writes from a client.",
    seed: { "apiKeyHashes/k1": { sha256: "00" } },
    subject: "apiKeyHashes/k1",
    list: whole(Collections.apiKeyHashes),
    create: { path: "apiKeyHashes/k-new", data: () => ({ sha256: "11" }) },
    update: () => ({ sha256: "22" }),
    allow: readOnly(NOBODY),
  },
  {
    path: `${Collections.apiReplays}/{replayId}`,
    policy: "REST API stored answers (Idempotency-Key replays): server-only, nobody reads or writes from a client.",
    seed: { "apiReplays/k1_idem-0001_0": { keyId: "k1", bodyHash: "00", answer: { items: [] }, expiresAt: at } },
    subject: "apiReplays/k1_idem-0001_0",
    list: whole(Collections.apiReplays),
    create: { path: "apiReplays/k1_idem-0002_0", data: () => ({ keyId: "k1", bodyHash: "11", answer: { items: [] }, expiresAt: at }) },
    update: () => ({ answer: { items: [{ sku: SKU }] } }),
    allow: readOnly(NOBODY),
  },
  {
    path: `${Collections.orders}/{orderId}`,
    policy: "Orders: the owner reads (queries must filter uid == own uid), staff read all; only Cloud Functions write.",
    seed: { "orders/o-alice": stored(OrderSchema, order("alice"), { createdAt: at }), "orders/o-bob": stored(OrderSchema, order("bob"), { createdAt: at }) },
    subject: "orders/o-alice",
    list: { describe: '`orders` where `uid == "alice"`', query: (db) => query(collection(db, Collections.orders), where("uid", "==", "alice")) },
    create: { path: "orders/o-new", data: (uid) => ({ ...order("o-new-owner"), uid }) },
    update: () => ({ status: "delivered" }),
    allow: readOnly(OWNER_AND_STAFF),
  },
  {
    path: `${Collections.customers}/{uid}`,
    policy: "Profile: the owner reads, creates and updates only the editable fields; staff use an audited callable; deleteMyAccount deletes.",
    seed: {
      "customers/alice": stored(
        CustomerProfileSchema,
        { uid: "alice", email: "alice@showroom.test", displayName: "Alice", addresses: [], marketing: { email: { granted: false }, sms: { granted: false } } },
        { createdAt: at, updatedAt: at },
      ),
    },
    subject: "customers/alice",
    list: whole(Collections.customers),
    create: { path: "customers/alice", data: customerEditable },
    update: () => ({ displayName: "Alice Archer", updatedAt: serverTimestamp() }),
    allow: { get: OWNER, list: NOBODY, create: OWNER, update: OWNER, delete: NOBODY },
  },
  {
    path: `${Collections.customers}/{uid}/${CustomerSubcollections.alerts}/{sku}`,
    policy: "Back-in-stock alerts: the owner reads, creates exactly {sku, createdAt} and deletes; no updates.",
    seed: { [`customers/alice/alerts/${SKU}`]: stored(BackInStockAlertSchema, { sku: SKU }, { createdAt: at }) },
    subject: `customers/alice/alerts/${SKU}`,
    list: whole("customers/alice/alerts"),
    create: { path: "customers/alice/alerts/LMP-ORB-BRASS", data: () => ({ sku: "LMP-ORB-BRASS", createdAt: serverTimestamp() }) },
    update: () => ({ createdAt: serverTimestamp() }),
    allow: { get: OWNER, list: OWNER, create: OWNER, update: NOBODY, delete: OWNER },
  },
  {
    path: `${Collections.customers}/{uid}/${CustomerSubcollections.notifications}/{notificationId}`,
    policy: "Notifications: the owner reads and may only stamp readAt; Cloud Functions create and delete.",
    seed: {
      "customers/alice/notifications/n1": stored(
        NotificationSchema,
        { kind: "back-in-stock", sku: SKU, productId: "p-alba", status: "in_stock", available: 3 },
        { createdAt: at, readAt: null },
      ),
    },
    subject: "customers/alice/notifications/n1",
    list: whole("customers/alice/notifications"),
    create: { path: "customers/alice/notifications/n-new", data: () => ({ kind: "back-in-stock", sku: SKU, createdAt: serverTimestamp() }) },
    update: () => ({ readAt: serverTimestamp() }),
    allow: { get: OWNER, list: OWNER, create: NOBODY, update: OWNER, delete: NOBODY },
  },
  {
    path: `${Collections.customers}/{uid}/${CustomerSubcollections.consentEvents}/{eventId}`,
    policy: "Consent history: the owner reads; only Cloud Functions write.",
    seed: { "customers/alice/consentEvents/c1": stored(ConsentEventSchema, { channel: "email", granted: true, source: "customer" }, { at }) },
    subject: "customers/alice/consentEvents/c1",
    list: whole("customers/alice/consentEvents"),
    create: { path: "customers/alice/consentEvents/c-new", data: () => ({ channel: "sms", granted: true, at: serverTimestamp() }) },
    update: () => ({ granted: false }),
    allow: readOnly(OWNER),
  },
  {
    path: `${Collections.roleChanges}/{uid}`,
    policy: "Role-change signal: the user reads their own, to refresh the ID token; only setUserRole writes.",
    seed: { "roleChanges/alice": { role: null, updatedAt: at } },
    subject: "roleChanges/alice",
    list: whole(Collections.roleChanges),
    create: { path: "roleChanges/alice", data: () => ({ role: "admin", updatedAt: serverTimestamp() }) },
    update: () => ({ role: "admin" }),
    allow: { get: OWNER, list: NOBODY, create: NOBODY, update: NOBODY, delete: NOBODY },
  },
  {
    path: `${Collections.webhookEndpoints}/{endpointId}`,
    policy: "Webhook endpoints: admins read (the console); only Cloud Functions write; secrets live in webhookSecrets.",
    seed: {
      "webhookEndpoints/w1": {
        url: "https://hooks.example.com/in",
        eventTypes: ["order.placed"],
        enabled: true,
        disabledReason: null,
        createdAt: at,
        updatedAt: at,
      },
    },
    subject: "webhookEndpoints/w1",
    list: whole(Collections.webhookEndpoints),
    create: { path: "webhookEndpoints/w-new", data: () => ({ url: "https://evil.example.com/", eventTypes: ["order.placed"], enabled: true }) },
    update: () => ({ url: "https://evil.example.com/" }),
    allow: readOnly(ADMIN),
  },
  {
    path: `${Collections.webhookSecrets}/{endpointId}`,
    policy: "Webhook signing secrets: server-only, nobody reads or writes from a client.",
    seed: { "webhookSecrets/w1": { current: "whsec_c2VjcmV0", previous: null, previousExpiresAt: null } },
    subject: "webhookSecrets/w1",
    list: whole(Collections.webhookSecrets),
    create: { path: "webhookSecrets/w-new", data: () => ({ current: "whsec_bWluZQ==" }) },
    update: () => ({ current: "whsec_bWluZQ==" }),
    allow: readOnly(NOBODY),
  },
  {
    path: `${Collections.webhookDeliveries}/{deliveryId}`,
    policy: "Webhook deliveries: admins read (the console); only Cloud Functions write.",
    seed: { "webhookDeliveries/w1_e1": { endpointId: "w1", eventId: "e1", status: "delivered", attempts: 1, createdAt: at } },
    subject: "webhookDeliveries/w1_e1",
    list: whole(Collections.webhookDeliveries),
    create: { path: "webhookDeliveries/w1_e2", data: () => ({ endpointId: "w1", eventId: "e2", status: "pending" }) },
    update: () => ({ status: "pending" }),
    allow: readOnly(ADMIN),
  },
  {
    path: `${Collections.webhookDeliveries}/{deliveryId}/${WEBHOOK_ATTEMPTS}/{n}`,
    policy: "Webhook delivery attempts: admins read (the console); only Cloud Functions write.",
    seed: { "webhookDeliveries/w1_e1/attempts/1": { n: 1, requestId: "r1", status: 200, latencyMs: 12, at } },
    subject: "webhookDeliveries/w1_e1/attempts/1",
    list: whole("webhookDeliveries/w1_e1/attempts"),
    create: { path: "webhookDeliveries/w1_e1/attempts/2", data: () => ({ n: 2, status: 200 }) },
    update: () => ({ status: 500 }),
    allow: readOnly(ADMIN),
  },
  {
    path: `${Collections.webhookSubjects}/{subject}`,
    policy: "Webhook arrival records per subject: server-only, nobody reads or writes from a client.",
    seed: { "webhookSubjects/sku~SOFA-1": { subject: "sku/SOFA-1", through: 3, ahead: [] } },
    subject: "webhookSubjects/sku~SOFA-1",
    list: whole(Collections.webhookSubjects),
    create: { path: "webhookSubjects/sku~NEW-1", data: () => ({ through: 99 }) },
    update: () => ({ through: 99 }),
    allow: readOnly(NOBODY),
  },
  {
    path: `${Collections.mail}/{mailId}`,
    policy: "Outgoing mail (Trigger Email shape): server-only, nobody reads or writes from a client.",
    seed: {
      "mail/m1": { to: ["alice@showroom.test"], message: { subject: "Your order", text: "Thanks", html: "<p>Thanks</p>" }, delivery: { state: "SUCCESS" } },
    },
    subject: "mail/m1",
    list: whole(Collections.mail),
    create: { path: "mail/m-new", data: () => ({ to: ["victim@example.com"], message: { subject: "Phish", text: "x", html: "x" } }) },
    update: () => ({ to: ["victim@example.com"] }),
    allow: readOnly(NOBODY),
  },
  {
    path: `${Collections.productRatings}/{productId}`,
    policy: "Verified buyers' rating per product: anyone reads; only Cloud Functions write.",
    seed: { "productRatings/p-alba": { productId: "p-alba", count: 2, ratingSum: 9, matchAnswers: 0, matchYes: 0, average: 4.5, updatedAt: at } },
    subject: "productRatings/p-alba",
    list: whole(Collections.productRatings),
    create: { path: "productRatings/p-new", data: () => ({ productId: "p-new", count: 100, ratingSum: 500, matchAnswers: 0, matchYes: 0, average: 5 }) },
    update: () => ({ average: 5 }),
    allow: readOnly(EVERYONE),
  },
  {
    path: `${Collections.feedback}/{orderId}`,
    policy: "Survey answers: staff read; only submitFeedback writes (answers are never client-written).",
    seed: {
      "feedback/o-alice": {
        orderId: "o-alice",
        uid: "alice",
        nps: 9,
        lines: [{ sku: SKU, productId: "p-alba", rating: 5 }],
        via: "account",
        edits: 0,
        firstSubmittedAt: at,
        submittedAt: at,
      },
    },
    subject: "feedback/o-alice",
    list: whole(Collections.feedback),
    create: { path: "feedback/o-new", data: (uid) => ({ orderId: "o-new", uid, nps: 10, lines: [], via: "account", edits: 0 }) },
    update: () => ({ nps: 10 }),
    allow: readOnly(STAFF),
  },
  {
    path: `${Collections.feedbackTasks}/{orderId}`,
    policy: "Follow-up tasks: staff read and may only move status between open and done; Cloud Functions create.",
    seed: {
      "feedbackTasks/o-alice": {
        orderId: "o-alice",
        feedbackId: "o-alice",
        reasons: ["detractor"],
        nps: 3,
        mismatchedSkus: [],
        status: "open",
        createdAt: at,
        updatedAt: at,
      },
    },
    subject: "feedbackTasks/o-alice",
    list: whole(Collections.feedbackTasks),
    create: {
      path: "feedbackTasks/o-new",
      data: () => ({ orderId: "o-new", feedbackId: "o-new", reasons: ["detractor"], mismatchedSkus: [], status: "open" }),
    },
    update: () => ({ status: "done", updatedAt: serverTimestamp() }),
    allow: { get: STAFF, list: STAFF, create: NOBODY, update: STAFF, delete: NOBODY },
  },
  {
    path: `${Collections.surveyInvites}/{orderId}`,
    policy: "Survey invitations (the account prompt): the owner reads (queries must filter uid == own uid); only Cloud Functions write.",
    seed: {
      "surveyInvites/o-alice": { orderId: "o-alice", uid: "alice", status: "sent", dueAt: at, sentAt: at, emailed: true },
      "surveyInvites/o-bob": { orderId: "o-bob", uid: "bob", status: "sent", dueAt: at },
    },
    subject: "surveyInvites/o-alice",
    list: { describe: '`surveyInvites` where `uid == "alice"`', query: (db) => query(collection(db, Collections.surveyInvites), where("uid", "==", "alice")) },
    create: { path: "surveyInvites/o-new", data: (uid) => ({ orderId: "o-new", uid, status: "sent", dueAt: at }) },
    update: () => ({ status: "answered" }),
    allow: readOnly(OWNER),
  },
  {
    path: `${Collections.feedbackLimits}/{key}`,
    policy: "Feedback rate windows: server-only, nobody reads or writes from a client.",
    seed: { "feedbackLimits/alice_feedback": { windowStartMs: 1, count: 5 } },
    subject: "feedbackLimits/alice_feedback",
    list: whole(Collections.feedbackLimits),
    create: { path: "feedbackLimits/bob_feedback", data: () => ({ windowStartMs: 1, count: 0 }) },
    update: () => ({ count: 0 }),
    allow: readOnly(NOBODY),
  },
  {
    path: `${Collections.alerts}/{alertId}`,
    policy: "Operations alerts: staff read (the console lists them live); only Cloud Functions write.",
    seed: {
      "alerts/stock-drift~SKU-1~1": {
        ...newAlertFields("stock-drift", "SKU-1", 1, ["main: on hand 7 ≠ ledger sum 5"]),
        openedAt: at,
        lastSeenAt: at,
      },
    },
    subject: "alerts/stock-drift~SKU-1~1",
    list: whole(Collections.alerts),
    create: { path: "alerts/stock-drift~SKU-2~1", data: () => ({ ...newAlertFields("stock-drift", "SKU-2", 1, []), openedAt: at, lastSeenAt: at }) },
    update: () => ({ status: "resolved" }),
    allow: readOnly(STAFF),
  },
  {
    path: `${Collections.alertSubjects}/{slotId}`,
    policy: "Alert slots (one open alert per subject): server-only, nobody reads or writes from a client.",
    seed: { "alertSubjects/stock-drift~SKU-1": { openAlertId: "stock-drift~SKU-1~1", episodes: 1 } },
    subject: "alertSubjects/stock-drift~SKU-1",
    list: whole(Collections.alertSubjects),
    create: { path: "alertSubjects/stock-drift~SKU-2", data: () => ({ openAlertId: null, episodes: 0 }) },
    update: () => ({ openAlertId: null }),
    allow: readOnly(NOBODY),
  },
  {
    path: `${Collections.operations}/{jobId}`,
    policy: "Operations jobs' records (the reconcile's cursor and last run): staff read; only Cloud Functions write.",
    seed: { "operations/reconcile": { movedSince: at, sliceAfter: null, lastRunAt: at } },
    subject: "operations/reconcile",
    list: whole(Collections.operations),
    create: { path: "operations/other", data: () => ({ lastRunAt: at }) },
    update: () => ({ sliceAfter: "ZZZ" }),
    allow: readOnly(STAFF),
  },
  {
    path: `${Collections.opsMinutes}/{minuteShard}`,
    policy: "Per-minute health counters (the Operations page's charts): staff read; only Cloud Functions write.",
    seed: { "opsMinutes/202601010000_0": { minute: at, expiresAt: at, calls: { placeOrder: { ok: 1 } }, latencyMs: { le100: 1 } } },
    subject: "opsMinutes/202601010000_0",
    list: whole(Collections.opsMinutes),
    create: { path: "opsMinutes/202601010000_1", data: () => ({ minute: at, expiresAt: at, calls: {}, latencyMs: {} }) },
    update: () => ({ calls: { placeOrder: { ok: 1000 } } }),
    allow: readOnly(STAFF),
  },
  {
    path: `${Collections.siteAnswers}/{answerId}`,
    policy: "On-site answers: staff read; only answerSiteQuestion writes.",
    seed: {
      "siteAnswers/a1": { question: "sold-out", uid: "alice", sku: SKU, productId: "p-alba", status: "out_of_stock", needBy: "no-rush", answeredAt: at },
    },
    subject: "siteAnswers/a1",
    list: whole(Collections.siteAnswers),
    create: { path: "siteAnswers/a-new", data: (uid) => ({ question: "heard-about-us", uid, orderId: "o-new", source: "friend" }) },
    update: () => ({ needBy: "within-2-weeks" }),
    allow: readOnly(STAFF),
  },
  {
    path: `${Collections.demandSignals}/{sku}`,
    policy: "Demand signals per SKU (sold-out answers): staff read; only answerSiteQuestion writes.",
    seed: { [`demandSignals/${SKU}`]: { sku: SKU, productId: "p-alba", answers: 1, needBy: { "no-rush": 1 }, instead: {}, lastAnsweredAt: at } },
    subject: `demandSignals/${SKU}`,
    list: whole(Collections.demandSignals),
    create: { path: "demandSignals/NEW-SKU", data: () => ({ sku: "NEW-SKU", productId: "p", answers: 1000 }) },
    update: () => ({ answers: 1000 }),
    allow: readOnly(STAFF),
  },
  {
    path: `${Collections.siteQuestionTotals}/{totalId}`,
    policy: 'On-site question totals ("how did you hear about us?"): staff read; only answerSiteQuestion writes.',
    seed: { "siteQuestionTotals/heard-about-us": { answers: 1, sources: { friend: 1 } } },
    subject: "siteQuestionTotals/heard-about-us",
    list: whole(Collections.siteQuestionTotals),
    create: { path: "siteQuestionTotals/other", data: () => ({ answers: 1 }) },
    update: () => ({ answers: 1000 }),
    allow: readOnly(STAFF),
  },
  {
    path: `${Collections.siteQuestionVisitors}/{uid}`,
    policy: "When a visitor was last asked an on-site question: the visitor reads their own; only answerSiteQuestion writes.",
    seed: { "siteQuestionVisitors/alice": { uid: "alice", lastQuestion: "sold-out", outcome: "dismissed", lastAt: at } },
    subject: "siteQuestionVisitors/alice",
    list: whole(Collections.siteQuestionVisitors),
    create: { path: "siteQuestionVisitors/alice", data: () => ({ uid: "alice", lastQuestion: "sold-out", outcome: "dismissed", lastAt: at }) },
    update: () => ({ lastAt: at }),
    allow: { get: OWNER, list: NOBODY, create: NOBODY, update: NOBODY, delete: NOBODY },
  },
  {
    path: "{anything else}",
    policy: "Everything else: denied by default (no rule names it).",
    seed: { "somewhere/else": { secret: true } },
    subject: "somewhere/else",
    list: whole("somewhere"),
    create: { path: "somewhere/new", data: () => ({ x: 1 }) },
    update: () => ({ secret: false }),
    allow: readOnly(NOBODY),
  },
];

export function isAllowed(row: MatrixRow, persona: Persona, op: Operation): boolean {
  return row.allow[op].includes(persona);
}

export const matrixCellCount = AccessMatrix.length * Personas.length * Operations.length;
