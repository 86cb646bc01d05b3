import { DEFAULT_HOLD_TTL_SECONDS } from "@showroom/model";
import type { HoldLimits } from "./inventory/hold-limits.js";
import type { RateLimit } from "./shared/rate-limit.js";

/** The one place that reads configuration. */
export const config = {
  region: "us-central1",
  /** Requests one callable instance serves at once; also what lets requests share a batch. */
  callableConcurrency: Number(process.env.SHOWROOM_CALLABLE_CONCURRENCY ?? 80),
  /** What one hold may take and for how long (docs/inventory.md, "Hold limits"). */
  holdLimits: {
    maxUnitsPerSku: Number(process.env.SHOWROOM_HOLD_MAX_UNITS_PER_SKU ?? 10),
    maxUnitsPerCart: Number(process.env.SHOWROOM_HOLD_MAX_UNITS_PER_CART ?? 30),
    maxHeldShare: Number(process.env.SHOWROOM_HOLD_MAX_SHARE ?? 0.5),
    ttlSeconds: Number(process.env.SHOWROOM_HOLD_TTL_SECONDS ?? DEFAULT_HOLD_TTL_SECONDS),
    anonymousTtlSeconds: Number(process.env.SHOWROOM_ANONYMOUS_HOLD_TTL_SECONDS ?? 5 * 60),
  } satisfies HoldLimits,
  /** Calls per user and window (docs/inventory.md, "Rate limits"); 0 turns one off, as benchmarks may. */
  rateLimits: {
    holdCart: { max: Number(process.env.SHOWROOM_RATE_LIMIT_HOLDS_PER_MINUTE ?? 30), windowSeconds: 60 },
    placeOrder: { max: Number(process.env.SHOWROOM_RATE_LIMIT_ORDERS_PER_MINUTE ?? 30), windowSeconds: 60 },
  } satisfies Record<string, RateLimit>,
  /** Group commit caps per stock transaction (docs/inventory.md). */
  stockBatchMaxRequests: Number(process.env.SHOWROOM_STOCK_BATCH_MAX_REQUESTS ?? 100),
  stockBatchMaxWrites: Number(process.env.SHOWROOM_STOCK_BATCH_MAX_WRITES ?? 400),
  /** Only the Functions emulator: enables the test clock and the naive benchmark callable. */
  emulator: process.env.FUNCTIONS_EMULATOR === "true",
  /** Back-in-stock subscribers notified per transaction (each reads a profile and a notice). */
  notificationChunk: 200,
} as const;
