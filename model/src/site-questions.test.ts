import { describe, expect, it } from "vitest";
import { DAY_MS } from "./feedback.js";
import { AnswerSiteQuestionInputSchema, byDemand, mayAskSiteQuestion, SITE_QUESTION_COOLDOWN_DAYS } from "./site-questions.js";

describe("AnswerSiteQuestionInputSchema", () => {
  it("accepts each question's answers and a dismissal", () => {
    for (const input of [
      { kind: "sold-out", sku: "SOFA-1", needBy: "no-rush" },
      { kind: "sold-out", sku: "SOFA-1", instead: "similar-product" },
      { kind: "heard-about-us", orderId: "o1", source: "press" },
      { kind: "dismissed", question: "sold-out" },
    ]) {
      expect(AnswerSiteQuestionInputSchema.safeParse(input).success).toBe(true);
    }
  });

  it("refuses an empty sold-out answer, unknown choices, free text and extra fields", () => {
    for (const input of [
      { kind: "sold-out", sku: "SOFA-1" },
      { kind: "sold-out", sku: "SOFA-1", needBy: "yesterday" },
      { kind: "heard-about-us", orderId: "o1", source: "<b>tv</b>" },
      { kind: "heard-about-us", orderId: "o1" },
      { kind: "heard-about-us", orderId: "o1", source: "friend", uid: "someone-else" },
      { kind: "dismissed", question: "anything" },
      { kind: "survey" },
    ]) {
      expect(AnswerSiteQuestionInputSchema.safeParse(input).success, JSON.stringify(input)).toBe(false);
    }
  });
});

describe("mayAskSiteQuestion", () => {
  it(`asks a new visitor, then not again for ${SITE_QUESTION_COOLDOWN_DAYS} days`, () => {
    expect(mayAskSiteQuestion(undefined, 0)).toBe(true);
    expect(mayAskSiteQuestion(0, SITE_QUESTION_COOLDOWN_DAYS * DAY_MS - 1)).toBe(false);
    expect(mayAskSiteQuestion(0, SITE_QUESTION_COOLDOWN_DAYS * DAY_MS)).toBe(true);
  });
});

describe("byDemand", () => {
  it("puts the most wanted SKU first, counting answers and subscribers alike", () => {
    const rows = [
      { sku: "A", answers: 1, subscribers: 0 },
      { sku: "B", answers: 0, subscribers: 3 },
      { sku: "C", answers: 2, subscribers: 2 },
    ];
    expect([...rows].sort(byDemand).map((r) => r.sku)).toEqual(["C", "B", "A"]);
  });
});
