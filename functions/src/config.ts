import { DEFAULT_HOLD_TTL_SECONDS } from "@showroom/model";

/** The one place that reads configuration. */
export const config = {
  region: "us-central1",
  /** Requests one callable instance serves at once; also what lets requests share a batch. */
  callableConcurrency: Number(process.env.SHOWROOM_CALLABLE_CONCURRENCY ?? 80),
  /** Cart hold lifetime; `SHOWROOM_HOLD_TTL_SECONDS` overrides the model's default. */
  holdTtlSeconds: Number(process.env.SHOWROOM_HOLD_TTL_SECONDS ?? DEFAULT_HOLD_TTL_SECONDS),
  /** Group commit caps per stock transaction (docs/inventory.md). */
  stockBatchMaxRequests: Number(process.env.SHOWROOM_STOCK_BATCH_MAX_REQUESTS ?? 100),
  stockBatchMaxWrites: Number(process.env.SHOWROOM_STOCK_BATCH_MAX_WRITES ?? 400),
  /** Only the Functions emulator: enables the test clock and the naive benchmark callable. */
  emulator: process.env.FUNCTIONS_EMULATOR === "true",
  /** Back-in-stock subscribers notified per transaction (each reads a profile and a notice). */
  notificationChunk: 200,
} as const;
