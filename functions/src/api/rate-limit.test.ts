import { describe, expect, it } from "vitest";
import { RateLimiter, take } from "./rate-limit.js";

describe("API rate limit", () => {
  it("lets a full minute's burst through, then refuses with the wait until the next token", () => {
    const limiter = new RateLimiter();
    const answers = Array.from({ length: 6 }, () => limiter.check("k1", 5, 1_000));
    expect(answers).toEqual([null, null, null, null, null, 12]);
  });

  it("refills continuously: one token per 60/perMinute seconds", () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 5; i++) limiter.check("k1", 5, 0);
    expect(limiter.check("k1", 5, 11_000)).toBe(1);
    expect(limiter.check("k1", 5, 12_500)).toBeNull();
  });

  it("keeps keys apart", () => {
    const limiter = new RateLimiter();
    expect(limiter.check("a", 1, 0)).toBeNull();
    expect(limiter.check("a", 1, 0)).toBe(60);
    expect(limiter.check("b", 1, 0)).toBeNull();
  });

  it("never stores more than a minute's tokens", () => {
    expect(take({ tokens: 0, atMs: 0 }, 10, 10 * 60_000).bucket.tokens).toBe(9);
  });
});
