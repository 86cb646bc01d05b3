import { describe, expect, it } from "vitest";
import { backoffSeconds, classifyStatus, decideAfterAttempt, type RetryPolicy } from "./decide.js";

const policy: RetryPolicy = {
  backoffBaseSeconds: 30,
  backoffMaxSeconds: 7200,
  retryWindowSeconds: 25 * 3600,
  disableAfterSeconds: 3 * 24 * 3600,
  disableAfterFailures: 50,
};
const HOUR = 3600_000;

describe("backoffSeconds", () => {
  it("doubles from the base up to the cap, within ± 20 % jitter", () => {
    expect(backoffSeconds(1, policy, () => 0.5)).toBe(30);
    expect(backoffSeconds(2, policy, () => 0.5)).toBe(60);
    expect(backoffSeconds(4, policy, () => 0.5)).toBe(240);
    expect(backoffSeconds(30, policy, () => 0.5)).toBe(7200);
    expect(backoffSeconds(1, policy, () => 0)).toBe(24);
    expect(backoffSeconds(1, policy, () => 1)).toBeCloseTo(36, 9);
  });

  it("keeps retrying for at least 24 hours: the schedule spans the window before giving up", () => {
    let elapsed = 0;
    let attempt = 1;
    const start = 0;
    for (;;) {
      const next = decideAfterAttempt({
        result: { kind: "failed" },
        attempt,
        firstAttemptMs: start,
        nowMs: elapsed,
        streak: { consecutive: 0, sinceMs: null },
        policy,
        random: () => 0.5,
      });
      if (next.decision.delivery !== "retry") break;
      elapsed += next.decision.delaySeconds * 1000;
      attempt += 1;
    }
    expect(elapsed).toBeGreaterThanOrEqual(24 * HOUR);
    expect(attempt).toBeLessThan(40);
  });
});

describe("classifyStatus", () => {
  it("delivers on 2xx, stops on 410, retries the rest and no answer", () => {
    expect(classifyStatus(200).kind).toBe("delivered");
    expect(classifyStatus(204).kind).toBe("delivered");
    expect(classifyStatus(410).kind).toBe("gone");
    expect(classifyStatus(500).kind).toBe("failed");
    expect(classifyStatus(301).kind).toBe("failed");
    expect(classifyStatus(null).kind).toBe("failed");
  });
});

describe("decideAfterAttempt", () => {
  const base = { attempt: 1, firstAttemptMs: 0, nowMs: 1000, policy, random: () => 0.5 };

  it("a success clears the failure streak", () => {
    const d = decideAfterAttempt({ ...base, result: { kind: "delivered" }, streak: { consecutive: 9, sinceMs: 0 } });
    expect(d).toEqual({ decision: { delivery: "delivered" }, streak: { consecutive: 0, sinceMs: null }, disable: null });
  });

  it("410 pauses the delivery and disables the endpoint", () => {
    const d = decideAfterAttempt({ ...base, result: { kind: "gone" }, streak: { consecutive: 0, sinceMs: null } });
    expect(d.decision.delivery).toBe("paused");
    expect(d.disable).toBe("gone");
  });

  it("a failure schedules a retry and starts the streak", () => {
    const d = decideAfterAttempt({ ...base, result: { kind: "failed" }, streak: { consecutive: 0, sinceMs: null } });
    expect(d.decision).toEqual({ delivery: "retry", delaySeconds: 30 });
    expect(d.streak).toEqual({ consecutive: 1, sinceMs: 1000 });
  });

  it("disables only after failing both long enough and often enough", () => {
    const long = 3 * 24 * HOUR + 1;
    const few = decideAfterAttempt({ ...base, nowMs: long, result: { kind: "failed" }, streak: { consecutive: 3, sinceMs: 0 } });
    expect(few.disable).toBeNull();
    const recent = decideAfterAttempt({ ...base, nowMs: HOUR, result: { kind: "failed" }, streak: { consecutive: 200, sinceMs: 0 } });
    expect(recent.disable).toBeNull();
    const both = decideAfterAttempt({ ...base, nowMs: long, result: { kind: "failed" }, streak: { consecutive: 49, sinceMs: 0 } });
    expect(both.disable).toBe("failing");
    expect(both.decision.delivery).toBe("paused");
  });

  it("gives the delivery up once the retry window has passed", () => {
    const d = decideAfterAttempt({ ...base, nowMs: 25 * HOUR, result: { kind: "failed" }, streak: { consecutive: 1, sinceMs: 24 * HOUR } });
    expect(d.decision.delivery).toBe("failed");
  });
});
