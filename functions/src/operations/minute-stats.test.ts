/**
 * Answers are counted in memory and written in batches (minute-stats.ts): no
 * answer waits for a write, a batch holds every answer once, successive writes
 * take turns over the shards, and a write that fails or hangs never stops the
 * next. The writes that land on the emulators are in
 * tests/integration/operations-health.test.ts.
 */
import { afterAll, describe, expect, it } from "vitest";
import { Firestore } from "firebase-admin/firestore";
import { minuteStartOf } from "@showroom/model";
import { addCounts, MinuteStats, writeCounts, type Counts } from "./minute-stats.js";

interface Written {
  minuteMs: number;
  shard: number;
  counts: Counts;
}

function recorder(options = { shards: 10, flushMs: 60_000 }) {
  const written: Written[] = [];
  const stats = new MinuteStats(async (minuteMs, shard, counts) => void written.push({ minuteMs, shard, counts }), options);
  return { stats, written };
}

const MINUTE = Date.UTC(2026, 11, 1, 10, 0);
const answer = (callable: string, outcome: string, durationMs = 40) => ({ callable, outcome, durationMs });

describe("addCounts", () => {
  it("adds field by field, nested, keeping fields only one side has", () => {
    expect(
      addCounts({ calls: { a: { ok: 1 } }, latencyMs: { le50: 2 } }, { calls: { a: { ok: 2, refused: 1 }, b: { ok: 1 } }, latencyMs: { le100: 1 } }),
    ).toEqual({
      calls: { a: { ok: 3, refused: 1 }, b: { ok: 1 } },
      latencyMs: { le50: 2, le100: 1 },
    });
  });
});

describe("MinuteStats", () => {
  it("writes a burst of answers as one write per minute that holds each answer once", async () => {
    const { stats, written } = recorder();
    for (let i = 0; i < 30; i++) stats.add(answer("placeOrder", i < 20 ? "ok" : "failed-precondition"), MINUTE + i * 100);
    stats.add(answer("holdCart", "internal", 700), MINUTE + 60_000);
    expect(written).toEqual([]);
    await stats.flush();
    expect(written.map((w) => w.minuteMs)).toEqual([MINUTE, MINUTE + 60_000]);
    expect(written[0]!.counts).toEqual({ calls: { placeOrder: { ok: 20, refused: 10 } }, latencyMs: { le50: 30 } });
    expect(written[1]!.counts).toEqual({ calls: { holdCart: { failed: 1 } }, latencyMs: { le750: 1 } });
    await stats.flush();
    expect(written).toHaveLength(2);
  });

  it("sends successive writes to successive shards, so one instance never heats one document", async () => {
    const { stats, written } = recorder({ shards: 4, flushMs: 60_000 });
    for (let i = 0; i < 8; i++) {
      stats.add(answer("adjustStock", "ok"), MINUTE);
      await stats.flush();
    }
    const shards = written.map((w) => w.shard);
    expect(new Set(shards.slice(0, 4)).size).toBe(4);
    expect(shards.slice(4)).toEqual(shards.slice(0, 4));
  });

  it("writes by itself after flushMs", async () => {
    const { stats, written } = recorder({ shards: 10, flushMs: 20 });
    stats.add(answer("placeOrder", "ok"), minuteStartOf(Date.now()));
    await expect.poll(() => written.length, { timeout: 2_000 }).toBe(1);
  });

  it("goes on counting and writing while an earlier write hangs", async () => {
    const written: Counts[] = [];
    let calls = 0;
    const stats = new MinuteStats(
      (_minute, _shard, counts) => (++calls === 1 ? new Promise<void>(() => undefined) : Promise.resolve(void written.push(counts))),
      { shards: 10, flushMs: 60_000 },
    );
    stats.add(answer("placeOrder", "ok"), MINUTE);
    void stats.flush();
    stats.add(answer("placeOrder", "ok"), MINUTE);
    await stats.flush();
    expect(written).toEqual([{ calls: { placeOrder: { ok: 1 } }, latencyMs: { le50: 1 } }]);
  });

  it("drops a write that throws before it starts, without rejecting", async () => {
    const stats = new MinuteStats(
      () => {
        throw new Error("no database");
      },
      { shards: 10, flushMs: 60_000 },
    );
    stats.add(answer("placeOrder", "ok"), MINUTE);
    await expect(stats.flush()).resolves.toBeUndefined();
  });
});

describe("writeCounts through MinuteStats", () => {
  // Port 9 (discard): nothing answers there on this machine or in CI.
  const unreachable = new Firestore({ projectId: "demo-showroom", host: "127.0.0.1", port: 9, ssl: false });
  // Not awaited: terminate waits for pending writes, which retry until their own deadline.
  afterAll(() => void unreachable.terminate().catch(() => undefined));

  it("drops a write Firestore refuses, without throwing", async () => {
    const stats = new MinuteStats((minute, shard, counts) => writeCounts(unreachable, minute, shard, counts), { shards: 10, flushMs: 60_000 });
    // An empty field name is refused by the SDK before anything is sent.
    stats.add(answer("", "ok"), MINUTE);
    await expect(stats.flush()).resolves.toBeUndefined();
  });
});
