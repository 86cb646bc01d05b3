import { describe, expect, it } from "vitest";
import { refusal, windowOf } from "./rate-limit.js";

const perMinute = { max: 3, windowSeconds: 60 };
const T = Date.UTC(2026, 10, 30, 10, 0, 0);

describe("rate limit windows", () => {
  it("aligns windows to the clock and counts down to the next one", () => {
    expect(windowOf(perMinute, T)).toEqual({ index: T / 60_000, endsInSeconds: 60 });
    expect(windowOf(perMinute, T + 59_001)).toEqual({ index: T / 60_000, endsInSeconds: 1 });
    expect(windowOf(perMinute, T + 60_000).index).toBe(T / 60_000 + 1);
  });

  it("admits up to max calls per window, then tells the caller how long to wait", () => {
    expect([1, 2, 3].map((n) => refusal(perMinute, n, T + 15_000))).toEqual([null, null, null]);
    expect(refusal(perMinute, 4, T + 15_000)).toEqual({ retryAfterSeconds: 45 });
  });

  it("is off at max 0", () => {
    expect(refusal({ max: 0, windowSeconds: 60 }, 1_000, T)).toBeNull();
  });
});
