import { describe, expect, it } from "vitest";
import { byCallable, countOutcomes, creep, p99ByMinute, type CallSample } from "./soak-stats.js";

const sample = (startMs: number, ms: number, outcome = "ok", callable = "placeOrder"): CallSample => ({ callable, startMs, ms, outcome });
/** 100 calls started in minute `minute`: 99 of them take `typical` ms, one takes `slowest`. */
const minuteOf = (minute: number, typical: number, slowest: number) =>
  Array.from({ length: 100 }, (_, i) => sample(minute * 60_000 + i * 500, i === 42 ? slowest : typical));

describe("p99ByMinute", () => {
  it("reads each minute's p99 from the calls started in it", () => {
    const samples = [...minuteOf(0, 100, 900), ...minuteOf(1, 120, 1_500), ...minuteOf(2, 130, 130)];
    // With 100 samples the p99 is the 99th smallest: the typical value, not the single slowest.
    expect(p99ByMinute(samples, 3 * 60_000)).toEqual([100, 120, 130]);
    const twoSlow = [...minuteOf(0, 100, 900), sample(30_000, 950)];
    expect(p99ByMinute(twoSlow, 60_000)).toEqual([900]);
  });

  it("leaves a minute with no calls empty and puts a call started at the very end in the last minute", () => {
    expect(p99ByMinute([sample(10, 50), sample(120_000, 70)], 120_000)).toEqual([50, 70]);
    expect(p99ByMinute([sample(10, 50)], 150_000)).toEqual([50, null, null]);
  });
});

describe("creep", () => {
  it("is the last two minutes' p99 over the first two minutes'", () => {
    const samples = [...minuteOf(0, 100, 100), ...minuteOf(1, 100, 100), ...minuteOf(5, 500, 500), ...minuteOf(8, 150, 150), ...minuteOf(9, 150, 150)];
    expect(creep(samples, 10 * 60_000)).toEqual({ first: 100, last: 150, ratio: 1.5 });
  });

  it("compares halves in a run shorter than four minutes, and gives nothing without calls in both", () => {
    const samples = [sample(1_000, 200), sample(59_000, 200), sample(61_000, 100), sample(119_000, 100)];
    expect(creep(samples, 120_000)).toEqual({ first: 200, last: 100, ratio: 0.5 });
    expect(creep([sample(1_000, 200)], 120_000)).toBeNull();
  });
});

describe("countOutcomes", () => {
  it("counts ok, internal (callable INTERNAL or REST 500) and every other refusal by name", () => {
    const outcomes = ["ok", "ok", "out-of-stock", "INTERNAL", "HTTP 500", "out-of-stock", "stale", "HTTP 503"];
    const counts = countOutcomes(outcomes.map((o, i) => sample(i, 10, o)));
    expect(counts.calls).toBe(8);
    expect(counts.ok).toBe(2);
    expect(counts.internal).toBe(2);
    expect([...counts.refused]).toEqual([
      ["out-of-stock", 2],
      ["stale", 1],
      ["HTTP 503", 1],
    ]);
  });
});

describe("byCallable", () => {
  it("groups samples by callable in order of first appearance", () => {
    const groups = byCallable([sample(1, 1, "ok", "holdCart"), sample(2, 2, "ok", "placeOrder"), sample(3, 3, "ok", "holdCart")]);
    expect([...groups.keys()]).toEqual(["holdCart", "placeOrder"]);
    expect(groups.get("holdCart")?.map((s) => s.ms)).toEqual([1, 3]);
  });
});
