import { describe, expect, it } from "vitest";
import { commonDifferences, netPromoterScore, npsByWeek, weekOf } from "./feedback-report.js";

describe("netPromoterScore", () => {
  it("is % promoters (9–10) minus % detractors (0–6)", () => {
    expect(netPromoterScore([10, 9, 8, 7, 6, 0])).toBe(0);
    expect(netPromoterScore([10, 10, 10, 3])).toBe(50);
    expect(netPromoterScore([])).toBeNull();
  });
});

describe("npsByWeek", () => {
  it("groups by ISO week (Monday, UTC), oldest first, skipping answers without a score", () => {
    const monday = Date.UTC(2026, 10, 23);
    expect(weekOf(monday + 6 * 86_400_000 + 1)).toBe("2026-11-23");
    expect(weekOf(monday - 1)).toBe("2026-11-16");
    expect(npsByWeek([{ nps: 10, submittedAtMs: monday + 1 }, { nps: 0, submittedAtMs: monday - 1 }, { submittedAtMs: monday }])).toEqual([
      { week: "2026-11-16", nps: -100, answers: 1 },
      { week: "2026-11-23", nps: 100, answers: 1 },
    ]);
  });
});

describe("commonDifferences", () => {
  it("counts each named difference, most common first", () => {
    expect(commonDifferences([{ differences: ["colour", "size"] }, { differences: ["colour"] }, {}])).toEqual([
      { difference: "colour", count: 2 },
      { difference: "size", count: 1 },
    ]);
  });
});
