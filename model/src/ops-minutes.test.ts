import { describe, expect, it } from "vitest";
import {
  addBuckets,
  answerIncrements,
  callOutcomeOf,
  healthTiles,
  latencyBucketOf,
  minuteIdOf,
  minuteSeries,
  OpsMinuteDocSchema,
  opsMinuteDocId,
  quantileFromBuckets,
  type OpsMinuteDoc,
} from "./ops-minutes.js";

const at = (iso: string) => Date.parse(iso);
const stamp = (ms: number) => ({ toMillis: () => ms });

describe("latencyBucketOf", () => {
  it("puts an answer in the first bucket whose bound it does not exceed", () => {
    expect(latencyBucketOf(0)).toBe("le10");
    expect(latencyBucketOf(10)).toBe("le10");
    expect(latencyBucketOf(10.5)).toBe("le25");
    expect(latencyBucketOf(499)).toBe("le500");
    expect(latencyBucketOf(30_000)).toBe("le30000");
    expect(latencyBucketOf(30_001)).toBe("inf");
  });
});

describe("quantileFromBuckets", () => {
  it("has no quantile without answers", () => {
    expect(quantileFromBuckets({}, 0.95)).toBeNull();
  });

  it("interpolates inside the bucket that holds the rank", () => {
    // 100 answers: 90 at ≤ 100 ms, 10 in (100, 200]. Rank 95 is the 5th of the 10, halfway through (100, 200].
    expect(quantileFromBuckets({ le100: 90, le200: 10 }, 0.95)).toBe(150);
    // All in the first bucket: the rank's share of (0, 10].
    expect(quantileFromBuckets({ le10: 20 }, 0.5)).toBe(5);
  });

  it("answers the last finite bound when the rank falls among the slowest answers", () => {
    expect(quantileFromBuckets({ le50: 1, inf: 99 }, 0.95)).toBe(30_000);
  });

  it("skips empty buckets on the way", () => {
    expect(quantileFromBuckets({ le10: 0, le1000: 4 }, 1)).toBe(1000);
  });
});

describe("minute ids", () => {
  it("are yyyyMMddHHmm in UTC, so they sort as the minutes do", () => {
    expect(minuteIdOf(at("2026-03-04T05:06:59.999Z"))).toBe("202603040506");
    expect(opsMinuteDocId(at("2026-12-31T23:59:00Z"), 3)).toBe("202612312359_3");
    expect(minuteIdOf(at("2026-12-31T23:59:00Z")) < minuteIdOf(at("2027-01-01T00:00:00Z"))).toBe(true);
  });
});

describe("callOutcomeOf", () => {
  it("counts server faults as failed and the caller's mistakes as refused", () => {
    expect(callOutcomeOf("ok")).toBe("ok");
    expect(callOutcomeOf("internal")).toBe("failed");
    expect(callOutcomeOf("unavailable")).toBe("failed");
    expect(callOutcomeOf("failed-precondition")).toBe("refused");
    expect(callOutcomeOf("invalid-argument")).toBe("refused");
    expect(callOutcomeOf("permission-denied")).toBe("refused");
  });
});

describe("answerIncrements", () => {
  it("adds one to the callable's outcome and one to the answer time's bucket", () => {
    expect(answerIncrements("placeOrder", "failed-precondition", 120)).toEqual({ calls: { placeOrder: { refused: 1 } }, latencyMs: { le200: 1 } });
  });
});

describe("minuteSeries and healthTiles", () => {
  const now = at("2026-06-01T12:30:20Z");
  const doc = (iso: string, calls: OpsMinuteDoc["calls"], latencyMs: OpsMinuteDoc["latencyMs"]): OpsMinuteDoc =>
    OpsMinuteDocSchema.parse({ minute: stamp(at(iso)), expiresAt: stamp(at(iso) + 1), calls, latencyMs });

  const docs = [
    // Two shards of 12:30, one of 12:29, one of 12:00 (the first minute of the hour shown), one too old to show.
    doc("2026-06-01T12:30:00Z", { placeOrder: { ok: 2, refused: 1, failed: 0 } }, { le100: 3 }),
    doc("2026-06-01T12:30:00Z", { placeOrder: { ok: 1, refused: 0, failed: 0 }, holdCart: { ok: 4, refused: 0, failed: 2 } }, { le100: 5, le1000: 2 }),
    doc("2026-06-01T12:29:00Z", { adjustStock: { ok: 1, refused: 0, failed: 0 } }, { le50: 1 }),
    doc("2026-06-01T11:31:00Z", { placeOrder: { ok: 7, refused: 0, failed: 0 } }, { le10: 7 }),
    doc("2026-06-01T11:30:00Z", { placeOrder: { ok: 99, refused: 0, failed: 0 } }, { le10: 99 }),
  ];

  it("sums a minute's shards and fills minutes without documents with zeros", () => {
    const series = minuteSeries(docs, now);
    expect(series).toHaveLength(60);
    expect(series[0]).toMatchObject({ minuteMs: at("2026-06-01T11:31:00Z"), orders: 7 });
    expect(series[59]).toEqual({
      minuteMs: at("2026-06-01T12:30:00Z"),
      answers: 10,
      ok: 7,
      refused: 1,
      failed: 2,
      orders: 3,
      latencyMs: { le100: 8, le1000: 2 },
    });
    expect(series[58]).toMatchObject({ answers: 1, orders: 0 });
    expect(series[30]).toEqual({ minuteMs: at("2026-06-01T12:01:00Z"), answers: 0, ok: 0, refused: 0, failed: 0, orders: 0, latencyMs: {} });
    expect(series.reduce((sum, m) => sum + m.orders, 0)).toBe(10);
  });

  it("averages the tiles over the last five minutes and takes p95 from their buckets together", () => {
    const tiles = healthTiles(minuteSeries(docs, now));
    expect(tiles.ordersPerMinute).toBeCloseTo(3 / 5);
    expect(tiles.errorsPerMinute).toBeCloseTo(2 / 5);
    // 11 answers: 1 ≤ 50, 8 ≤ 100, 2 ≤ 1000. Rank 10.45 falls in (750, 1000], 1.45 of its 2 answers.
    expect(tiles.p95Ms).toBeCloseTo(750 + 250 * (1.45 / 2));
  });

  it("has no p95 for a quiet store", () => {
    expect(healthTiles(minuteSeries([], now))).toEqual({ ordersPerMinute: 0, errorsPerMinute: 0, p95Ms: null });
  });
});

describe("OpsMinuteDocSchema", () => {
  it("reads a shard that only some answers have touched, and refuses unknown buckets", () => {
    const parsed = OpsMinuteDocSchema.parse({ minute: stamp(60_000), expiresAt: stamp(1), calls: { placeOrder: { ok: 1 } } });
    expect(parsed.calls.placeOrder).toEqual({ ok: 1, refused: 0, failed: 0 });
    expect(parsed.latencyMs).toEqual({});
    expect(OpsMinuteDocSchema.safeParse({ minute: stamp(1), expiresAt: stamp(1), latencyMs: { le7: 1 } }).success).toBe(false);
  });

  it("adds bucket counts", () => {
    expect(addBuckets({ le10: 1, inf: 2 }, { le10: 3, le25: 1 })).toEqual({ le10: 4, le25: 1, inf: 2 });
  });
});
