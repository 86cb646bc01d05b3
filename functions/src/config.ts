/** The one place that reads configuration. */
export const config = {
  region: "us-central1",
  /** Requests one callable instance serves at once; also what lets requests share a batch. */
  callableConcurrency: Number(process.env.SHOWROOM_CALLABLE_CONCURRENCY ?? 80),
  /** Cart hold lifetime; `SHOWROOM_HOLD_TTL_SECONDS` overrides the 15 minute default. */
  holdTtlSeconds: Number(process.env.SHOWROOM_HOLD_TTL_SECONDS ?? 15 * 60),
  /** Group commit caps per stock transaction (docs/inventory.md). */
  stockBatchMaxRequests: Number(process.env.SHOWROOM_STOCK_BATCH_MAX_REQUESTS ?? 100),
  stockBatchMaxWrites: Number(process.env.SHOWROOM_STOCK_BATCH_MAX_WRITES ?? 400),
  /** Only the Functions emulator: enables the test clock and the naive benchmark callable. */
  emulator: process.env.FUNCTIONS_EMULATOR === "true",
  /** Back-in-stock subscribers notified per transaction (each reads a profile and a notice). */
  notificationChunk: 200,
  /** REST API (docs/api.md): body limits, and how often a key's last-used time and use count are written. */
  apiMaxBodyBytes: 1024 * 1024,
  apiBulkMaxBodyBytes: 8 * 1024 * 1024,
  apiUsageFlushMs: 60_000,
  /** Items per engine request: each item may write 4 documents, and one commit stays far below Firestore's limits. */
  apiItemsPerChunk: 80,
} as const;
