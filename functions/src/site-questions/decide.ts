/**
 * The pure decision for one `answerSiteQuestion` request, given what the
 * transaction read: accept (with the answer to store and the counters it
 * adds to) or reject (with the error to throw). No Firestore here.
 */
import {
  HEARD_ABOUT_US_TOTALS,
  isSoldOutStatus,
  mayAskSiteQuestion,
  nextSiteQuestionAt,
  type AnswerSiteQuestionInput,
  type SiteAnswer,
  type SiteQuestion,
} from "@showroom/model";
import type { FunctionsErrorCode } from "firebase-functions/https";

export interface SiteQuestionState {
  input: AnswerSiteQuestionInput;
  callerUid: string;
  nowMs: number;
  /** When the visitor last answered or dismissed an on-site question. */
  lastAskedAtMs: number | undefined;
  /** The SKU's public stock (sold-out answers), undefined when there is no such SKU. */
  stock?: { productId: string; status: string } | undefined;
  /** The order's buyer (after-checkout answers), undefined when there is no such order. */
  order?: { uid: string } | undefined;
  /** Whether that order already has its "how did you hear about us?" answer. */
  orderAnswered?: boolean;
}

export interface SiteRejection {
  kind: "rejected";
  code: FunctionsErrorCode;
  message: string;
  details: Record<string, unknown>;
}

/** A counter document and the fields (dotted paths) the answer adds one to. */
export interface CounterBump {
  collection: "demandSignals" | "siteQuestionTotals";
  id: string;
  /** Plain fields written as they are (which SKU, which product). */
  fields: Record<string, string>;
  increments: string[];
}

/** The stored answer minus its timestamp (the writer adds it), kept per question. */
type AnswerData = SiteAnswer extends infer A ? (A extends unknown ? Omit<A, "answeredAt"> : never) : never;

export interface SiteAcceptance {
  kind: "accepted";
  question: SiteQuestion;
  outcome: "answered" | "dismissed";
  /** Null for a dismissal, which stores no answer. */
  answer: { id: string; data: AnswerData } | null;
  bumps: CounterBump[];
  nextAskAtMs: number;
}

const reject = (code: FunctionsErrorCode, message: string, details: Record<string, unknown>): SiteRejection => ({ kind: "rejected", code, message, details });

/** One "how did you hear about us?" answer per order: its id is derived from the order. */
export const heardAnswerId = (orderId: string) => `heard-${orderId}`;

export function decideSiteAnswer(state: SiteQuestionState, newAnswerId: string): SiteAcceptance | SiteRejection {
  const { input, callerUid, nowMs } = state;
  if (!mayAskSiteQuestion(state.lastAskedAtMs, nowMs)) {
    const nextAskAt = new Date(nextSiteQuestionAt(state.lastAskedAtMs ?? nowMs)).toISOString();
    return reject("failed-precondition", "You answered a question recently; we won’t ask again yet.", { reason: "asked-recently", nextAskAt });
  }
  const accepted = (question: SiteQuestion, answer: SiteAcceptance["answer"], bumps: CounterBump[]): SiteAcceptance => ({
    kind: "accepted",
    question,
    outcome: answer ? "answered" : "dismissed",
    answer,
    bumps,
    nextAskAtMs: nextSiteQuestionAt(nowMs),
  });

  switch (input.kind) {
    case "dismissed":
      return accepted(input.question, null, []);
    case "sold-out": {
      if (!state.stock) return reject("not-found", `No such SKU: ${input.sku}.`, { reason: "unknown-sku", sku: input.sku });
      const status = state.stock.status;
      if (!isSoldOutStatus(status)) {
        return reject("failed-precondition", "This piece is not sold out.", { reason: "not-sold-out", sku: input.sku, status });
      }
      const choices = { ...(input.needBy ? { needBy: input.needBy } : {}), ...(input.instead ? { instead: input.instead } : {}) };
      return accepted(
        "sold-out",
        { id: newAnswerId, data: { question: "sold-out", uid: callerUid, sku: input.sku, productId: state.stock.productId, status, ...choices } },
        [
          {
            collection: "demandSignals",
            id: input.sku,
            fields: { sku: input.sku, productId: state.stock.productId },
            increments: ["answers", ...Object.entries(choices).map(([field, value]) => `${field}.${value}`)],
          },
        ],
      );
    }
    case "heard-about-us": {
      if (!state.order) return reject("not-found", "No such order.", { reason: "unknown-order", orderId: input.orderId });
      if (state.order.uid !== callerUid) return reject("permission-denied", "Only the buyer of this order can answer.", { reason: "not-your-order" });
      if (state.orderAnswered) return reject("already-exists", "This order already has an answer.", { reason: "already-answered" });
      return accepted(
        "heard-about-us",
        { id: heardAnswerId(input.orderId), data: { question: "heard-about-us", uid: callerUid, orderId: input.orderId, source: input.source } },
        [{ collection: "siteQuestionTotals", id: HEARD_ABOUT_US_TOTALS, fields: {}, increments: ["answers", `sources.${input.source}`] }],
      );
    }
  }
}
