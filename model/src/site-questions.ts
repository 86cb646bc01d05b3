/**
 * On-site questions (issue 14, "On the site"): one short question where it
 * matters — on a sold-out or backorder product page ("How soon do you need
 * it?" / "What would you buy instead?") and after checkout ("How did you hear
 * about us?"). A visitor (any signed-in user, guests too) is asked at most once
 * per SITE_QUESTION_COOLDOWN_DAYS: answering or dismissing either question
 * starts the quiet period, and the server refuses another answer inside it.
 * Sold-out answers become demand signals per SKU (`demandSignals/{sku}`),
 * kept by the functions in the same commit as the answer, for the console's
 * reorder view next to the back-in-stock subscriptions.
 */
import { z } from "zod";
import { SkuSchema } from "./catalog.js";
import { DocIdSchema } from "./contract.js";
import { DAY_MS } from "./feedback.js";

export const SITE_QUESTION_COOLDOWN_DAYS = 30;

export const SiteQuestions = ["sold-out", "heard-about-us"] as const;
export type SiteQuestion = (typeof SiteQuestions)[number];

/** "How soon do you need it?" — the answer and the words the storefront shows for it. */
export const NeedByLabels = {
  "within-2-weeks": "Within 2 weeks",
  "within-a-month": "Within a month",
  "within-3-months": "Within 3 months",
  "no-rush": "No rush",
} as const;
export type NeedBy = keyof typeof NeedByLabels;
export const NeedByOptions = Object.keys(NeedByLabels) as NeedBy[];

/** "What would you buy instead?" */
export const InsteadLabels = {
  wait: "I’d wait for this one",
  "other-option": "Another colour or size of it",
  "similar-product": "A similar piece from you",
  elsewhere: "I’d look elsewhere",
} as const;
export type Instead = keyof typeof InsteadLabels;
export const InsteadOptions = Object.keys(InsteadLabels) as Instead[];

/** "How did you hear about us?" */
export const HeardFromLabels = {
  search: "Search engine",
  social: "Social media",
  friend: "A friend or family",
  press: "Press or blog",
  advert: "An advert",
  showroom: "Walking past a shop",
  other: "Somewhere else",
} as const;
export type HeardFrom = keyof typeof HeardFromLabels;
export const HeardFromOptions = Object.keys(HeardFromLabels) as HeardFrom[];

const enumOf = <K extends string>(keys: readonly K[]) => z.enum(keys as [K, ...K[]]);

/** `answerSiteQuestion`: an answer to one of the two questions, or "not now" (which also counts as asked). */
export const AnswerSiteQuestionInputSchema = z.discriminatedUnion("kind", [
  z
    .strictObject({
      kind: z.literal("sold-out"),
      sku: SkuSchema,
      needBy: enumOf(NeedByOptions).optional(),
      instead: enumOf(InsteadOptions).optional(),
    })
    .refine((a) => a.needBy !== undefined || a.instead !== undefined, { message: "Answer at least one question" }),
  z.strictObject({ kind: z.literal("heard-about-us"), orderId: DocIdSchema, source: enumOf(HeardFromOptions) }),
  z.strictObject({ kind: z.literal("dismissed"), question: z.enum(SiteQuestions) }),
]);
export type AnswerSiteQuestionInput = z.infer<typeof AnswerSiteQuestionInputSchema>;

export const AnswerSiteQuestionOutputSchema = z.object({
  /** The stored answer's id; null for a dismissal. */
  answerId: z.string().nullable(),
  /** When this visitor may be asked again (ISO). */
  nextAskAt: z.string(),
});
export type AnswerSiteQuestionOutput = z.infer<typeof AnswerSiteQuestionOutputSchema>;

/**
 * `siteQuestionVisitors/{uid}` (owner read, functions write): when the visitor
 * last answered or dismissed an on-site question. The storefront reads it to
 * decide whether to ask; the function re-checks it in its transaction.
 */
export const SiteQuestionVisitorSchema = z.object({
  uid: z.string(),
  lastQuestion: z.enum(SiteQuestions),
  outcome: z.enum(["answered", "dismissed"]),
  lastAt: z.unknown(),
});
export type SiteQuestionVisitor = z.infer<typeof SiteQuestionVisitorSchema>;

/** `siteAnswers/{answerId}` (staff read, functions write): one answer; no free text. */
export const SiteAnswerSchema = z.discriminatedUnion("question", [
  z.object({
    question: z.literal("sold-out"),
    uid: z.string(),
    sku: z.string(),
    productId: z.string(),
    status: z.enum(["out_of_stock", "backorder"]),
    needBy: enumOf(NeedByOptions).optional(),
    instead: enumOf(InsteadOptions).optional(),
    answeredAt: z.unknown(),
  }),
  z.object({ question: z.literal("heard-about-us"), uid: z.string(), orderId: z.string(), source: enumOf(HeardFromOptions), answeredAt: z.unknown() }),
]);
export type SiteAnswer = z.infer<typeof SiteAnswerSchema>;

/**
 * `demandSignals/{sku}` (staff read, functions write): how many visitors
 * answered the sold-out question for the SKU and what they said, as counters
 * incremented with each answer (so they always equal a recount of
 * `siteAnswers`).
 */
export const DemandSignalSchema = z.object({
  sku: z.string(),
  productId: z.string(),
  answers: z.number().int().min(0),
  needBy: z.partialRecord(enumOf(NeedByOptions), z.number().int().min(0)).default({}),
  instead: z.partialRecord(enumOf(InsteadOptions), z.number().int().min(0)).default({}),
  lastAnsweredAt: z.unknown(),
});
export type DemandSignal = z.infer<typeof DemandSignalSchema>;

/** `siteQuestionTotals/heard-about-us` (staff read, functions write): answers per source. */
export const HEARD_ABOUT_US_TOTALS = "heard-about-us";
export const HeardAboutUsTotalsSchema = z.object({
  answers: z.number().int().min(0),
  sources: z.partialRecord(enumOf(HeardFromOptions), z.number().int().min(0)).default({}),
});
export type HeardAboutUsTotals = z.infer<typeof HeardAboutUsTotalsSchema>;

/** Whether a visitor whose last on-site question was at `lastAtMs` may be asked one now. */
export function mayAskSiteQuestion(lastAtMs: number | undefined, nowMs: number): boolean {
  return lastAtMs === undefined || nowMs >= nextSiteQuestionAt(lastAtMs);
}

export const nextSiteQuestionAt = (lastAtMs: number) => lastAtMs + SITE_QUESTION_COOLDOWN_DAYS * DAY_MS;

/** The stock statuses on which the sold-out question is asked. */
export const isSoldOutStatus = (status: unknown): status is "out_of_stock" | "backorder" => status === "out_of_stock" || status === "backorder";

// ---- The console's reorder view ----------------------------------------------

export const DemandReportInputSchema = z.strictObject({});
export const DemandRowSchema = z.object({
  sku: z.string(),
  productId: z.string(),
  status: z.string().nullable(),
  available: z.number().int().nullable(),
  /** Visitors who answered the sold-out question for this SKU. */
  answers: z.number().int().min(0),
  needBy: z.partialRecord(enumOf(NeedByOptions), z.number().int().min(0)),
  instead: z.partialRecord(enumOf(InsteadOptions), z.number().int().min(0)),
  /** Customers subscribed to its back-in-stock alert. */
  subscribers: z.number().int().min(0),
});
export type DemandRow = z.infer<typeof DemandRowSchema>;
export const DemandReportOutputSchema = z.object({ rows: z.array(DemandRowSchema), heardAboutUs: HeardAboutUsTotalsSchema });
export type DemandReportOutput = z.infer<typeof DemandReportOutputSchema>;

/** SKUs the report covers at most: the most-asked-about ones and the sold-out ones. */
export const DEMAND_REPORT_LIMIT = 100;

/** Most wanted first: answers plus subscribers, then the SKU for a stable order. */
export function byDemand(a: Pick<DemandRow, "sku" | "answers" | "subscribers">, b: Pick<DemandRow, "sku" | "answers" | "subscribers">): number {
  return b.answers + b.subscribers - (a.answers + a.subscribers) || a.sku.localeCompare(b.sku);
}
