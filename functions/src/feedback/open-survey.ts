/**
 * `openSurvey`: the survey page's read. The buyer (signed in) or the link
 * holder gets the order's lines (names only: no address, no prices) and any
 * earlier answer; the same access rules as submitFeedback.
 */
import { HttpsError } from "firebase-functions/https";
import type { Timestamp } from "firebase-admin/firestore";
import { Collections, DAY_MS, FEEDBACK_EDIT_DAYS, FeedbackSchema, OrderSchema, type OpenSurveyInput, type OpenSurveyOutput } from "@showroom/model";
import { db } from "../app.js";
import { surveyLinkSecret } from "../config.js";
import { stockClock } from "../inventory/clock.js";
import { defineCallable, type Caller } from "../shared/callable.js";
import { surveyAccess } from "./decide.js";
import { answererVia } from "./submit.js";

export async function openSurvey(input: OpenSurveyInput, caller: Caller, linkKey: string): Promise<OpenSurveyOutput> {
  const via = await answererVia(input, linkKey);
  const [orderSnap, answerSnap] = await Promise.all([
    db().collection(Collections.orders).doc(input.orderId).get(),
    db().collection(Collections.feedback).doc(input.orderId).get(),
  ]);
  const parsed = OrderSchema.safeParse(orderSnap.data());
  const order = parsed.success ? parsed.data : undefined;
  const denied = surveyAccess(input.orderId, order, via, caller.uid);
  if (denied || !order) throw new HttpsError(denied?.code ?? "not-found", denied?.message ?? "No such order.", denied?.details);
  const answer = FeedbackSchema.safeParse(answerSnap.data());
  const nowMs = await stockClock(db())();
  return {
    orderId: input.orderId,
    lines: order.lines.map((l) => ({ sku: l.sku, name: l.name, label: l.label })),
    answer: answer.success
      ? {
          lines: answer.data.lines.map(({ productId: _productId, ...line }) => line),
          ...(answer.data.nps === undefined ? {} : { nps: answer.data.nps }),
          ...(answer.data.comment === undefined ? {} : { comment: answer.data.comment }),
        }
      : null,
    editable: !answer.success || nowMs <= (answer.data.firstSubmittedAt as Timestamp).toMillis() + FEEDBACK_EDIT_DAYS * DAY_MS,
  };
}

export const openSurveyCallable = defineCallable("openSurvey", (input, caller) => openSurvey(input, caller, surveyLinkSecret.value()), {
  secrets: [surveyLinkSecret],
});
