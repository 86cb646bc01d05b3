/**
 * Customer feedback (DESIGN.md "Feedback", issue 14): the `submitFeedback`
 * contract, the stored answer, the public per-product aggregate and the pure
 * decisions around them. An answer belongs to one order (`feedback/{orderId}`);
 * its per-line ratings feed `productRatings/{productId}`, which only functions
 * write, in the same transaction as the answer.
 */
import { z } from "zod";
import { SkuSchema } from "./catalog.js";
import { DocIdSchema } from "./contract.js";
import { MAX_LINES } from "./labels.js";
export { ratingLabel } from "./labels.js";

/** An answer may be replaced (with `edit: true`) for this long after it was first given. */
export const FEEDBACK_EDIT_DAYS = 14;
export const MAX_FEEDBACK_COMMENT = 2000;
/** Below this many "matches the photos?" answers a rate says more about chance than about the product. */
export const MIN_MATCH_ANSWERS = 5;
/** Accepted submissions per user (account) or per link (email) in one window; more answer `resource-exhausted`. */
export const FEEDBACK_RATE_LIMIT = { max: 5, windowSeconds: 10 * 60 } as const;
/** NPS detractors score 0–6; a detractor answer opens a follow-up task for staff. */
export const NPS_DETRACTOR_MAX = 6;

export const FeedbackDifferences = ["colour", "size", "material", "quality"] as const;
export type FeedbackDifference = (typeof FeedbackDifferences)[number];

/** A survey link token: `{expiresAtMs}.{base64url HMAC-SHA256}` (functions/src/feedback/link-token.ts signs it). */
export const SurveyTokenSchema = z.string().regex(/^\d{10,16}\.[A-Za-z0-9_-]{43}$/, "Not a survey link token");

export const FeedbackLineInputSchema = z
  .strictObject({
    sku: SkuSchema,
    rating: z.number().int().min(1).max(5),
    matchesPhotos: z.boolean().optional(),
    differences: z
      .array(z.enum(FeedbackDifferences))
      .min(1)
      .max(FeedbackDifferences.length)
      .refine((d) => new Set(d).size === d.length, { message: "Each difference once" })
      .optional(),
  })
  .refine((line) => line.differences === undefined || line.matchesPhotos === false, {
    message: "Differences are only for a line that does not match the photos",
    path: ["differences"],
  });
export type FeedbackLineInput = z.infer<typeof FeedbackLineInputSchema>;

export const SubmitFeedbackInputSchema = z
  .strictObject({
    orderId: DocIdSchema,
    token: SurveyTokenSchema.optional(),
    nps: z.number().int().min(0).max(10).optional(),
    lines: z
      .array(FeedbackLineInputSchema)
      .min(1)
      .max(MAX_LINES)
      .refine((lines) => new Set(lines.map((l) => l.sku)).size === lines.length, { message: "Each SKU may appear on one line only" })
      .optional(),
    comment: z.string().trim().min(1, "Write something or leave the comment out").max(MAX_FEEDBACK_COMMENT).optional(),
    /** Replace this order's earlier answer (allowed for FEEDBACK_EDIT_DAYS); without it a second answer is refused. */
    edit: z.literal(true).optional(),
  })
  .refine((input) => input.nps !== undefined || input.lines !== undefined || input.comment !== undefined, {
    message: "Answer at least one question",
  });
export type SubmitFeedbackInput = z.infer<typeof SubmitFeedbackInputSchema>;

export const SubmitFeedbackOutputSchema = z.object({ feedbackId: z.string() });
export type SubmitFeedbackOutput = z.infer<typeof SubmitFeedbackOutputSchema>;

/** `openSurvey`: what the survey page shows — the order's lines and any earlier answer. */
export const OpenSurveyInputSchema = z.strictObject({ orderId: DocIdSchema, token: SurveyTokenSchema.optional() });
export const OpenSurveyOutputSchema = z.object({
  orderId: z.string(),
  lines: z.array(z.object({ sku: z.string(), name: z.string(), label: z.string() })),
  answer: z
    .object({
      nps: z.number().int().optional(),
      lines: z.array(
        z.object({
          sku: z.string(),
          rating: z.number().int(),
          matchesPhotos: z.boolean().optional(),
          differences: z.array(z.enum(FeedbackDifferences)).optional(),
        }),
      ),
      comment: z.string().optional(),
    })
    .nullable(),
  /** False once the answer is older than FEEDBACK_EDIT_DAYS. */
  editable: z.boolean(),
});
export type OpenSurveyInput = z.infer<typeof OpenSurveyInputSchema>;
export type OpenSurveyOutput = z.infer<typeof OpenSurveyOutputSchema>;

/** One rated order line as stored: the product it belongs to is copied from the order. */
export const FeedbackLineSchema = z.object({
  sku: SkuSchema,
  productId: z.string(),
  rating: z.number().int().min(1).max(5),
  matchesPhotos: z.boolean().optional(),
  differences: z.array(z.enum(FeedbackDifferences)).optional(),
});
export type FeedbackLine = z.infer<typeof FeedbackLineSchema>;

/**
 * `feedback/{orderId}` (the feedback id is the order id: one answer per
 * order). Staff read; only functions write. `comment` is plain text, shown as
 * text; erasure removes it and swaps `uid` for the erased placeholder.
 * Timestamps are Firestore Timestamps.
 */
export const FeedbackSchema = z.object({
  orderId: z.string(),
  uid: z.string(),
  nps: z.number().int().min(0).max(10).optional(),
  lines: z.array(FeedbackLineSchema),
  comment: z.string().max(MAX_FEEDBACK_COMMENT).optional(),
  via: z.enum(["account", "link"]),
  firstSubmittedAt: z.unknown(),
  submittedAt: z.unknown(),
  edits: z.number().int().min(0),
});
export type Feedback = z.infer<typeof FeedbackSchema>;

/** `feedbackTasks/{orderId}`: a detractor or "doesn't match" answer for staff to follow up. */
export const FeedbackTaskReasons = ["detractor", "mismatch"] as const;
export const FeedbackTaskSchema = z.object({
  orderId: z.string(),
  feedbackId: z.string(),
  reasons: z.array(z.enum(FeedbackTaskReasons)).min(1),
  nps: z.number().int().optional(),
  mismatchedSkus: z.array(z.string()),
  status: z.enum(["open", "done"]),
  createdAt: z.unknown(),
  updatedAt: z.unknown(),
});
export type FeedbackTask = z.infer<typeof FeedbackTaskSchema>;

/** Why an answer needs a human, or none. */
export function followUpReasons(answer: { nps?: number; lines: readonly { matchesPhotos?: boolean }[] }): (typeof FeedbackTaskReasons)[number][] {
  const reasons: (typeof FeedbackTaskReasons)[number][] = [];
  if (answer.nps !== undefined && answer.nps <= NPS_DETRACTOR_MAX) reasons.push("detractor");
  if (answer.lines.some((l) => l.matchesPhotos === false)) reasons.push("mismatch");
  return reasons;
}

// ---- Aggregates ------------------------------------------------------------

/** What one rated line adds to its product's aggregate. */
export interface RatingContribution {
  productId: string;
  rating: number;
  matchesPhotos?: boolean;
}

/** Integer running totals, so adding and removing contributions is exact and equals a recount. */
export const RatingTotalsSchema = z.object({
  count: z.number().int().min(0),
  ratingSum: z.number().int().min(0),
  matchAnswers: z.number().int().min(0),
  matchYes: z.number().int().min(0),
});
export type RatingTotals = z.infer<typeof RatingTotalsSchema>;

export const EMPTY_RATING_TOTALS: RatingTotals = { count: 0, ratingSum: 0, matchAnswers: 0, matchYes: 0 };

/**
 * `productRatings/{productId}`: public, written only by functions. `count`
 * ratings from verified buyers, their `average` (1–5), and `matchesPhotosRate`
 * (0–1) once MIN_MATCH_ANSWERS buyers said whether it matched; the integer
 * totals behind them are kept so updates stay exact.
 */
export const ProductRatingSchema = RatingTotalsSchema.extend({
  productId: z.string(),
  average: z.number().min(0).max(5),
  matchesPhotosRate: z.number().min(0).max(1).optional(),
  updatedAt: z.unknown(),
});
export type ProductRating = z.infer<typeof ProductRatingSchema>;

export function contributionsOf(lines: readonly FeedbackLine[]): RatingContribution[] {
  return lines.map((l) => ({ productId: l.productId, rating: l.rating, ...(l.matchesPhotos === undefined ? {} : { matchesPhotos: l.matchesPhotos }) }));
}

function addTo(totals: RatingTotals, c: RatingContribution, sign: 1 | -1): RatingTotals {
  const answeredMatch = c.matchesPhotos === undefined ? 0 : 1;
  return {
    count: totals.count + sign,
    ratingSum: totals.ratingSum + sign * c.rating,
    matchAnswers: totals.matchAnswers + sign * answeredMatch,
    matchYes: totals.matchYes + sign * (c.matchesPhotos === true ? 1 : 0),
  };
}

/**
 * Takes `removed` out and puts `added` in, per product: an edited answer
 * replaces its earlier contribution. Returns only the products that changed.
 */
export function applyContributions(
  current: ReadonlyMap<string, RatingTotals>,
  removed: readonly RatingContribution[],
  added: readonly RatingContribution[],
): Map<string, RatingTotals> {
  const next = new Map<string, RatingTotals>();
  const get = (productId: string) => next.get(productId) ?? current.get(productId) ?? EMPTY_RATING_TOTALS;
  for (const c of removed) next.set(c.productId, addTo(get(c.productId), c, -1));
  for (const c of added) next.set(c.productId, addTo(get(c.productId), c, 1));
  for (const totals of next.values()) {
    if (Object.values(totals).some((v) => v < 0)) throw new Error("Rating totals went negative: a contribution was removed twice");
  }
  return next;
}

/** The totals a full recount of `contributions` gives (the check the incremental update must equal). */
export function recountTotals(contributions: readonly RatingContribution[]): Map<string, RatingTotals> {
  return applyContributions(new Map(), [], contributions);
}

/** The public fields derived from the totals. */
export function ratingView(totals: RatingTotals): { average: number; matchesPhotosRate?: number } {
  const average = totals.count === 0 ? 0 : totals.ratingSum / totals.count;
  return totals.matchAnswers >= MIN_MATCH_ANSWERS ? { average, matchesPhotosRate: totals.matchYes / totals.matchAnswers } : { average };
}

// ---- Survey invitations ----------------------------------------------------

/**
 * `surveyInvites/{orderId}`: created when the order is delivered, due
 * `delayDays` later; the sender emails it (with consent) and shows it in the
 * account (owner read). `answered` once feedback arrives.
 */
export const SurveyInviteSchema = z.object({
  orderId: z.string(),
  uid: z.string(),
  status: z.enum(["scheduled", "sent", "answered"]),
  dueAt: z.unknown(),
  sentAt: z.unknown().optional(),
  emailed: z.boolean().optional(),
});
export type SurveyInvite = z.infer<typeof SurveyInviteSchema>;

/** The deterministic id of an order's invitation email, so a retried sender writes it once. */
export const surveyMailId = (orderId: string) => `survey-invite-${orderId}`;

/** A survey answer after `deleteMyAccount`: scores stay for the aggregates, the words and the person go. */
export function anonymiseFeedback<T extends { uid?: unknown; comment?: unknown }>(answer: T, placeholder: string): Omit<T, "comment"> & { uid: string } {
  const { comment: _comment, ...rest } = answer;
  return { ...rest, uid: placeholder };
}

/** A survey link lives this long after it is sent. */
export const SURVEY_LINK_DAYS = 30;

export const DAY_MS = 24 * 60 * 60 * 1000;

// ---- Rate limit ------------------------------------------------------------

/** `feedbackLimits/{key}` (server-only): accepted submissions in the current window. */
export interface RateWindow {
  windowStartMs: number;
  count: number;
}

/** One more accepted submission in the window, or how long until the next is allowed. */
export function takeRateSlot(window: RateWindow | undefined, nowMs: number): { ok: true; next: RateWindow } | { ok: false; retryAfterSeconds: number } {
  const windowMs = FEEDBACK_RATE_LIMIT.windowSeconds * 1000;
  if (!window || nowMs - window.windowStartMs >= windowMs) return { ok: true, next: { windowStartMs: nowMs, count: 1 } };
  if (window.count < FEEDBACK_RATE_LIMIT.max) return { ok: true, next: { ...window, count: window.count + 1 } };
  return { ok: false, retryAfterSeconds: Math.ceil((window.windowStartMs + windowMs - nowMs) / 1000) };
}
