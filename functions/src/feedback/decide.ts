/**
 * The pure decision for one `submitFeedback` request, given what the
 * transaction read: accept (with the answer to store and what it adds to and
 * takes from the product aggregates) or reject (with the error to throw). No
 * Firestore here, so every rule is unit-tested.
 */
import {
  contributionsOf,
  DAY_MS,
  FEEDBACK_EDIT_DAYS,
  followUpReasons,
  takeRateSlot,
  type FeedbackLine,
  type Order,
  type RateWindow,
  type RatingContribution,
  type SubmitFeedbackInput,
} from "@showroom/model";
import type { FunctionsErrorCode } from "firebase-functions/https";

/** How the answerer proved they may answer: signed in as the buyer, or holding the emailed link. */
export type Via = "account" | "link";

export interface Rejection {
  kind: "rejected";
  code: FunctionsErrorCode;
  message: string;
  details: Record<string, unknown>;
}

/** The stored answer minus its timestamps (the writer adds those). */
export interface AnswerData {
  orderId: string;
  uid: string;
  nps?: number;
  lines: FeedbackLine[];
  comment?: string;
  via: Via;
  edits: number;
}

export interface Acceptance {
  kind: "accepted";
  answer: AnswerData;
  firstSubmittedAtMs: number;
  removed: RatingContribution[];
  added: RatingContribution[];
  window: RateWindow;
  followUp: ReturnType<typeof followUpReasons>;
}

export interface PriorAnswer {
  lines: FeedbackLine[];
  firstSubmittedAtMs: number;
  edits: number;
}

export interface SubmissionState {
  input: SubmitFeedbackInput;
  via: Via;
  callerUid: string;
  order: Order | undefined;
  prior: PriorAnswer | undefined;
  window: RateWindow | undefined;
  nowMs: number;
}

const reject = (code: FunctionsErrorCode, message: string, details: Record<string, unknown>): Rejection => ({ kind: "rejected", code, message, details });

/** The rate-limit bucket: a signed-in buyer's uid (named `${uid}_…` so erasure finds it), or the link (one per order). */
export const rateKey = (via: Via, callerUid: string, orderId: string) => (via === "account" ? `${callerUid}_feedback` : `link-${orderId}`);

/** Whether this answerer may see and answer this order's survey at all (openSurvey asks the same). */
export function surveyAccess(orderId: string, order: Order | undefined, via: Via, callerUid: string): Rejection | null {
  if (!order) return reject("not-found", "No such order.", { reason: "unknown-order", orderId });
  if (via === "account" && order.uid !== callerUid) {
    return reject("permission-denied", "Only the buyer of this order can answer its survey.", { reason: "not-your-order" });
  }
  if (order.status !== "delivered") {
    return reject("failed-precondition", "This order has not been delivered yet.", { reason: "not-delivered", status: order.status });
  }
  return null;
}

export function decideSubmission(state: SubmissionState): Acceptance | Rejection {
  const { input, order, prior, nowMs } = state;
  const denied = surveyAccess(input.orderId, order, state.via, state.callerUid);
  if (denied || !order) return denied ?? reject("not-found", "No such order.", { reason: "unknown-order" });
  const productOf = new Map(order.lines.map((l) => [l.sku, l.productId]));
  const lines: FeedbackLine[] = [];
  for (const line of input.lines ?? []) {
    const productId = productOf.get(line.sku);
    if (productId === undefined) return reject("invalid-argument", `${line.sku} is not on this order.`, { reason: "sku-not-in-order", sku: line.sku });
    lines.push({ ...line, productId });
  }
  if (prior && input.edit !== true) {
    return reject("already-exists", "This order already has an answer; send it with edit: true to change it.", { reason: "already-answered" });
  }
  if (prior && nowMs > prior.firstSubmittedAtMs + FEEDBACK_EDIT_DAYS * DAY_MS) {
    return reject("failed-precondition", `Answers can be changed for ${FEEDBACK_EDIT_DAYS} days.`, { reason: "edit-window-closed" });
  }
  const slot = takeRateSlot(state.window, nowMs);
  if (!slot.ok) return reject("resource-exhausted", "Too many answers; try again later.", { retryAfterSeconds: slot.retryAfterSeconds });

  const answer: AnswerData = {
    orderId: input.orderId,
    uid: order.uid,
    lines,
    via: state.via,
    edits: prior ? prior.edits + 1 : 0,
    ...(input.nps === undefined ? {} : { nps: input.nps }),
    ...(input.comment === undefined ? {} : { comment: input.comment }),
  };
  return {
    kind: "accepted",
    answer,
    firstSubmittedAtMs: prior?.firstSubmittedAtMs ?? nowMs,
    removed: prior ? contributionsOf(prior.lines) : [],
    added: contributionsOf(lines),
    window: slot.next,
    followUp: followUpReasons(answer),
  };
}
