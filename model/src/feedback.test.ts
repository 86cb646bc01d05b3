import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  applyContributions,
  FEEDBACK_RATE_LIMIT,
  followUpReasons,
  MAX_FEEDBACK_COMMENT,
  MIN_MATCH_ANSWERS,
  ratingLabel,
  ratingView,
  recountTotals,
  SubmitFeedbackInputSchema,
  takeRateSlot,
  type RatingContribution,
  type RatingTotals,
} from "./feedback.js";

const contribution = fc.record(
  { productId: fc.constantFrom("p1", "p2", "p3"), rating: fc.integer({ min: 1, max: 5 }), matchesPhotos: fc.boolean() },
  { requiredKeys: ["productId", "rating"] },
) as fc.Arbitrary<RatingContribution>;

describe("SubmitFeedbackInputSchema", () => {
  const ok = { orderId: "o1", nps: 9, lines: [{ sku: "SOFA-1", rating: 5, matchesPhotos: true }], comment: "Lovely" };

  it("accepts a full answer and trims the comment", () => {
    expect(SubmitFeedbackInputSchema.parse({ ...ok, comment: "  Lovely  " }).comment).toBe("Lovely");
  });

  it.each([
    ["an NPS above 10", { ...ok, nps: 11 }],
    ["a fractional NPS", { ...ok, nps: 7.5 }],
    ["a rating of 0", { ...ok, lines: [{ sku: "SOFA-1", rating: 0 }] }],
    ["a rating of 6", { ...ok, lines: [{ sku: "SOFA-1", rating: 6 }] }],
    ["an empty comment", { ...ok, comment: "   " }],
    ["an oversized comment", { ...ok, comment: "x".repeat(MAX_FEEDBACK_COMMENT + 1) }],
    [
      "the same SKU twice",
      {
        ...ok,
        lines: [
          { sku: "SOFA-1", rating: 5 },
          { sku: "SOFA-1", rating: 4 },
        ],
      },
    ],
    ["differences on a line that matches", { ...ok, lines: [{ sku: "SOFA-1", rating: 4, matchesPhotos: true, differences: ["colour"] }] }],
    ["an unknown difference", { ...ok, lines: [{ sku: "SOFA-1", rating: 4, matchesPhotos: false, differences: ["smell"] }] }],
    ["no answer at all", { orderId: "o1" }],
    ["a forged-looking token", { ...ok, token: "not-a-token" }],
    ["unknown keys", { ...ok, extra: 1 }],
    ["edit: false", { ...ok, edit: false }],
  ])("rejects %s", (_name, input) => {
    expect(SubmitFeedbackInputSchema.safeParse(input).success).toBe(false);
  });
});

describe("applyContributions", () => {
  it("equals a recount for any sequence of answers", () => {
    fc.assert(
      fc.property(fc.array(fc.array(contribution, { maxLength: 4 }), { maxLength: 40 }), (answers) => {
        let totals = new Map<string, RatingTotals>();
        for (const answer of answers) totals = new Map([...totals, ...applyContributions(totals, [], answer)]);
        expect(totals).toEqual(recountTotals(answers.flat()));
      }),
    );
  });

  it("replaces an edited answer's contribution: the result equals a recount of the latest answers", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(contribution, { maxLength: 3 }), fc.array(contribution, { maxLength: 3 })), { maxLength: 20 }), (edits) => {
        let totals = new Map<string, RatingTotals>();
        for (const [first] of edits) totals = new Map([...totals, ...applyContributions(totals, [], first)]);
        for (const [first, second] of edits) totals = new Map([...totals, ...applyContributions(totals, first, second)]);
        const expected = recountTotals(edits.flatMap(([, second]) => second));
        for (const productId of new Set([...totals.keys(), ...expected.keys()])) {
          expect(totals.get(productId) ?? { count: 0, ratingSum: 0, matchAnswers: 0, matchYes: 0 }).toEqual(
            expected.get(productId) ?? { count: 0, ratingSum: 0, matchAnswers: 0, matchYes: 0 },
          );
        }
      }),
    );
  });

  it("refuses to remove a contribution that was never added", () => {
    expect(() => applyContributions(new Map(), [{ productId: "p1", rating: 3 }], [])).toThrow(/negative/);
  });
});

describe("ratingView", () => {
  it("shows the matches-photos rate only from MIN_MATCH_ANSWERS answers", () => {
    const few = recountTotals(Array.from({ length: MIN_MATCH_ANSWERS - 1 }, () => ({ productId: "p", rating: 4, matchesPhotos: true })));
    expect(ratingView(few.get("p")!)).toEqual({ average: 4 });
    const enough = recountTotals([
      ...Array.from({ length: MIN_MATCH_ANSWERS - 1 }, () => ({ productId: "p", rating: 5, matchesPhotos: true })),
      { productId: "p", rating: 3, matchesPhotos: false },
      { productId: "p", rating: 3 },
    ]);
    const view = ratingView(enough.get("p")!);
    expect(view.matchesPhotosRate).toBeCloseTo((MIN_MATCH_ANSWERS - 1) / MIN_MATCH_ANSWERS);
    expect(view.average).toBeCloseTo((5 * (MIN_MATCH_ANSWERS - 1) + 6) / (MIN_MATCH_ANSWERS + 1));
  });

  it("labels the rating the way the storefront shows it", () => {
    expect(ratingLabel({ average: 4.6, count: 23 })).toBe("4.6 from 23 verified buyers");
    expect(ratingLabel({ average: 5, count: 1 })).toBe("5.0 from 1 verified buyer");
  });
});

describe("followUpReasons", () => {
  it("flags detractors (0–6) and lines that do not match the photos", () => {
    expect(followUpReasons({ nps: 6, lines: [] })).toEqual(["detractor"]);
    expect(followUpReasons({ nps: 7, lines: [{ matchesPhotos: false }] })).toEqual(["mismatch"]);
    expect(followUpReasons({ nps: 10, lines: [{ matchesPhotos: true }, {}] })).toEqual([]);
    expect(followUpReasons({ lines: [] })).toEqual([]);
  });
});

describe("takeRateSlot", () => {
  it("allows the limit per window, then says when to retry, then opens a new window", () => {
    let window = undefined as Parameters<typeof takeRateSlot>[0];
    for (let i = 0; i < FEEDBACK_RATE_LIMIT.max; i++) {
      const slot = takeRateSlot(window, 1_000 + i);
      if (!slot.ok) throw new Error("refused too early");
      window = slot.next;
    }
    expect(takeRateSlot(window, 61_000)).toEqual({ ok: false, retryAfterSeconds: FEEDBACK_RATE_LIMIT.windowSeconds - 60 });
    expect(takeRateSlot(window, 1_000 + FEEDBACK_RATE_LIMIT.windowSeconds * 1000)).toEqual({
      ok: true,
      next: { windowStartMs: 1_000 + FEEDBACK_RATE_LIMIT.windowSeconds * 1000, count: 1 },
    });
  });
});
