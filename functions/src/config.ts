import { DEFAULT_HOLD_TTL_SECONDS } from "@showroom/model";
import type { HoldLimits } from "./inventory/hold-limits.js";
import type { RateLimit } from "./shared/rate-limit.js";
import { defineSecret } from "firebase-functions/params";

/** Signs survey links. Production: Secret Manager; the emulator reads the fixed key in functions/.secret.local. */
export const surveyLinkSecret = defineSecret("SURVEY_LINK_SECRET");

/** The one place that reads configuration. */
const emulator = process.env.FUNCTIONS_EMULATOR === "true";
const setting = (name: string, production: number, onEmulator: number) => Number(process.env[name] ?? (emulator ? onEmulator : production));

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
  /**
   * Callables refuse requests without a valid App Check token (docs/inventory.md, "App Check"). On in production
   * only once the web app is built with its reCAPTCHA Enterprise site key; on the emulators every client sends one.
   */
  enforceAppCheck: (process.env.SHOWROOM_ENFORCE_APP_CHECK ?? String(emulator)) === "true",
  /** Anonymous accounts idle this long that never ordered are erased daily (functions/src/customers/anonymous-cleanup.ts). */
  anonymousAccountMaxAgeDays: Number(process.env.SHOWROOM_ANONYMOUS_ACCOUNT_MAX_AGE_DAYS ?? 30),
  /** Group commit caps per stock transaction (docs/inventory.md). */
  stockBatchMaxRequests: Number(process.env.SHOWROOM_STOCK_BATCH_MAX_REQUESTS ?? 100),
  stockBatchMaxWrites: Number(process.env.SHOWROOM_STOCK_BATCH_MAX_WRITES ?? 400),
  /** Only the Functions emulator: enables the test clock and the naive benchmark callable. */
  emulator,
  /** Back-in-stock subscribers notified per transaction (each reads a profile and a notice). */
  notificationChunk: 200,
  /**
   * Webhook delivery timings (docs/webhooks.md). Production retries for 25 hours
   * with backoff from 30 s doubling to 2 h (± 20 % jitter); on the emulator the
   * same curve in seconds, so tests see retries. Each has a SHOWROOM_WEBHOOK_* override.
   */
  webhooks: {
    timeoutSeconds: setting("SHOWROOM_WEBHOOK_TIMEOUT_SECONDS", 15, 15),
    backoffBaseSeconds: setting("SHOWROOM_WEBHOOK_BACKOFF_BASE_SECONDS", 30, 1),
    backoffMaxSeconds: setting("SHOWROOM_WEBHOOK_BACKOFF_MAX_SECONDS", 2 * 60 * 60, 4),
    retryWindowSeconds: setting("SHOWROOM_WEBHOOK_RETRY_WINDOW_SECONDS", 25 * 60 * 60, 25 * 60 * 60),
    /** An endpoint is disabled once every attempt failed for this long and at least `disableAfterFailures` times in a row. */
    disableAfterSeconds: setting("SHOWROOM_WEBHOOK_DISABLE_AFTER_SECONDS", 3 * 24 * 60 * 60, 20),
    disableAfterFailures: setting("SHOWROOM_WEBHOOK_DISABLE_AFTER_FAILURES", 50, 6),
    /** How overdue an arrival or attempt must be before the catch-up steps in (a live one is not raced). */
    catchUpGraceSeconds: setting("SHOWROOM_WEBHOOK_CATCHUP_GRACE_SECONDS", 120, 20),
    /** Production refuses private and loopback receivers; the emulator allows loopback for test receivers. */
    urlPolicy: emulator ? ("emulator" as const) : ("production" as const),
  },
  mail: {
    /** Sending attempts per mail document before it stays in ERROR. */
    maxAttempts: Number(process.env.SHOWROOM_MAIL_MAX_ATTEMPTS ?? 5),
    from: process.env.SHOWROOM_MAIL_FROM ?? "Showroom <orders@showroom.test>",
    /** Links in mails point here. */
    storeUrl: process.env.SHOWROOM_STORE_URL ?? "http://127.0.0.1:5173",
  },
  /** REST API (docs/api.md): body limits, and how often a key's last-used time and use count are written. */
  apiMaxBodyBytes: 1024 * 1024,
  apiBulkMaxBodyBytes: 8 * 1024 * 1024,
  apiUsageFlushMs: 60_000,
  /** Items per engine request: each item may write 6 documents (with its events), and one commit stays far below Firestore's limits. */
  apiItemsPerChunk: 60,
  /**
   * The scheduled reconcile (docs/operations.md): SKUs whose inventory moved
   * since the last run (at most `maxMoved`, the rest next run) plus a rotating
   * slice of `sliceSize` others, so a run's reads stay flat as the catalog grows.
   */
  reconcile: {
    sliceSize: Number(process.env.SHOWROOM_RECONCILE_SLICE ?? 50),
    maxMoved: Number(process.env.SHOWROOM_RECONCILE_MAX_MOVED ?? 200),
  },
  /**
   * Live health (docs/operations.md): each instance counts callable answers in
   * memory and adds them every `flushMs` to one of `shards` documents of their
   * minute (more shards, cooler documents, more reads for the console).
   * `SHOWROOM_OPS_MINUTES=off` stops recording (the overhead bench compares).
   */
  opsMinutes: {
    enabled: process.env.SHOWROOM_OPS_MINUTES !== "off",
    shards: Number(process.env.SHOWROOM_OPS_MINUTE_SHARDS ?? 10),
    flushMs: Number(process.env.SHOWROOM_OPS_MINUTE_FLUSH_MS ?? 1000),
  },
  /** Days after delivery before the survey invitation goes out (`SHOWROOM_SURVEY_DELAY_DAYS`). */
  surveyDelayDays: Number(process.env.SHOWROOM_SURVEY_DELAY_DAYS ?? 7),
  /** Where survey links point: the storefront's origin (`SHOWROOM_SITE_URL`). */
  siteUrl: process.env.SHOWROOM_SITE_URL ?? "http://127.0.0.1:5173",
  /**
   * OpenTelemetry (docs/operations.md, "Tracing"): `SHOWROOM_TRACING=off` turns
   * spans off (the overhead bench compares). On the emulator spans go to the
   * JSON-lines file `SHOWROOM_TRACE_FILE` (the launcher sets it), in production
   * to Cloud Trace. Spans are exported in the background every `flushMs`.
   */
  tracing: {
    enabled: process.env.SHOWROOM_TRACING !== "off",
    file: process.env.SHOWROOM_TRACE_FILE ?? null,
    flushMs: emulator ? 250 : 5_000,
  },
} as const;
