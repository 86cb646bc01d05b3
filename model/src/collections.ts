/** Every Firestore collection name lives here, so rules, functions, web and tests agree. */
export const Collections = {
  products: "products",
  stock: "stock",
  /** Public: one document per product with every variant's availability, so a catalog page reads one document per card. */
  productStock: "productStock",
  /** Staff-only: per-location on hand, holds and policy for each SKU. */
  inventory: "inventory",
  /** Staff-only: one entry per stock movement; on hand is their sum. */
  stockLedger: "stockLedger",
  holds: "holds",
  /** Server-only: `activeHolds/{uid}` → the user's latest hold, so a new hold replaces it in the same transaction. */
  activeHolds: "activeHolds",
  orders: "orders",
  /** Server-only: `${uid}_${idempotencyKey}` → orderId. */
  orderKeys: "orderKeys",
  customers: "customers",
  /** Server-only: `rateLimits/{uid}_{action}_{window}` call counters (functions/src/shared/rate-limit.ts). */
  rateLimits: "rateLimits",
  auditLog: "auditLog",
  /** `roleChanges/{uid}`: setUserRole stamps it so the user's app refreshes its ID token; owner-read only. */
  roleChanges: "roleChanges",
  /** Server-only outbox: one document per committed change that matters (events.ts), relayed to Pub/Sub. */
  events: "events",
  /** Server-only: the relay's per-subject cursor (`publishedSeq`) and lease (functions/src/events/relay.ts). */
  eventCursors: "eventCursors",
  /** Server-only: one per commit that wrote events, naming their subjects; its creation runs the relay (outbox.ts). */
  eventCommits: "eventCommits",
  /** Trigger Email extension shape `{ to, message: { subject, text, html }, delivery }`; server-only. */
  mail: "mail",
  /** Webhooks (model/src/webhooks.ts): endpoints and deliveries are admin-read; secrets and subject cursors server-only. */
  webhookEndpoints: "webhookEndpoints",
  webhookSecrets: "webhookSecrets",
  webhookDeliveries: "webhookDeliveries",
  webhookSubjects: "webhookSubjects",
  /** REST API keys' metadata (admin read); the hashes sit apart in `apiKeyHashes` (server only). */
  apiKeys: "apiKeys",
  apiKeyHashes: "apiKeyHashes",
  /** Server only: a REST write's stored answer per key and `Idempotency-Key`, kept 24 h. */
  apiReplays: "apiReplays",
  /** Public: a store's stock locations (locations.ts), written only by functions. */
  locations: "locations",
  /** Feedback (feedback.ts): `feedback/{orderId}` answers (staff read), follow-up tasks (staff read), survey invitations (owner read). */
  feedback: "feedback",
  feedbackTasks: "feedbackTasks",
  surveyInvites: "surveyInvites",
  /** Server-only: per-user and per-link submission windows. */
  feedbackLimits: "feedbackLimits",
  /** Public: per-product rating aggregates, written only by functions. */
  productRatings: "productRatings",
  /** Operations alerts (alerts.ts): staff read, written only by functions. */
  alerts: "alerts",
  /** Server-only: per kind and subject, the open alert and the episode count (alerts.ts). */
  alertSubjects: "alertSubjects",
  /** Staff read: the operations jobs' own records (`operations/reconcile`: cursor and last run). */
  operations: "operations",
  /** Staff read: per-minute callable counts and latency buckets, sharded (ops-minutes.ts); written only by functions, deleted by TTL. */
  opsMinutes: "opsMinutes",
  /** On-site questions (site-questions.ts): answers and per-SKU demand signals (staff read), each visitor's last question (owner read). */
  siteAnswers: "siteAnswers",
  demandSignals: "demandSignals",
  siteQuestionTotals: "siteQuestionTotals",
  siteQuestionVisitors: "siteQuestionVisitors",
} as const;

/** `webhookDeliveries/{id}/attempts/{n}`: one document per HTTP attempt. */
export const WEBHOOK_ATTEMPTS = "attempts";

export type CollectionName = (typeof Collections)[keyof typeof Collections];
