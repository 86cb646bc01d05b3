import { describe, expect, it } from "vitest";
import { parseRatingView } from "./rating-view";

describe("rating view (the product page's first read)", () => {
  it("keeps the count, the average and the matches-photos rate when there is one", () => {
    const stored = {
      productId: "alba",
      count: 23,
      ratingSum: 106,
      matchAnswers: 20,
      matchYes: 18,
      average: 4.6,
      matchesPhotosRate: 0.9,
      updatedAt: "2026-11-01T00:00:00Z",
    };
    expect(parseRatingView(stored)).toEqual({ count: 23, average: 4.6, matchesPhotosRate: 0.9 });
    expect(parseRatingView({ count: 2, average: 3 })).toEqual({ count: 2, average: 3 });
  });

  it("reads no rating from a missing or malformed document", () => {
    expect(parseRatingView(null)).toBeNull();
    expect(parseRatingView({ count: 1.5, average: 4 })).toBeNull();
    expect(parseRatingView({ count: -1, average: 4 })).toBeNull();
    expect(parseRatingView({ count: 3, average: 6 })).toBeNull();
    expect(parseRatingView({ count: 3, average: "4" })).toBeNull();
    expect(parseRatingView({ count: 3, average: 4, matchesPhotosRate: 1.2 })).toBeNull();
  });
});
