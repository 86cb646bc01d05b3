import { defineSecret } from "firebase-functions/params";

/** Signs survey links. Production: Secret Manager; the emulator reads the fixed key in functions/.secret.local. */
export const surveyLinkSecret = defineSecret("SURVEY_LINK_SECRET");

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
  /** Days after delivery before the survey invitation goes out (`SHOWROOM_SURVEY_DELAY_DAYS`). */
  surveyDelayDays: Number(process.env.SHOWROOM_SURVEY_DELAY_DAYS ?? 7),
  /** Where survey links point: the storefront's origin (`SHOWROOM_SITE_URL`). */
  siteUrl: process.env.SHOWROOM_SITE_URL ?? "http://127.0.0.1:5173",
} as const;
