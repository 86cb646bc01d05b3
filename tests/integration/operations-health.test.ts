/**
 * Live health on the real emulators (issue 13, docs/operations.md "Live
 * health"): every callable answer, accepted or refused, lands in its minute's
 * sharded `opsMinutes` documents, which sum to exactly the calls made, a burst
 * included; `operationsHealth` (staff) reports holds, outbox and
 * failing webhook endpoints as Firestore holds them. Suites run one file at a
 * time, so the minute documents' growth during a test is this test's calls.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Timestamp } from "firebase-admin/firestore";
import {
  Collections,
  LatencyBucketKeys,
  minuteIdOf,
  minuteStartOf,
  OPS_MINUTE_TTL_MS,
  OpsMinuteDocSchema,
  type CallCounts,
  type OperationsHealthOutput,
} from "@showroom/model";
import { adminDb } from "../../scripts/lib/admin.js";
import { expectCallableError, type TestClient } from "../support/clients.js";
import { clientPool, createProduct, shipping, uniqueKey, warmUp } from "./inventory-fixtures.js";
import { eventually } from "./customers-support.js";

const pool = clientPool();
let staff: TestClient;
let shopper: TestClient;

beforeAll(async () => {
  staff = await pool.client({ kind: "user", role: "staff" });
  shopper = await pool.client({ kind: "user" });
  for (const name of ["placeOrder", "operationsHealth", "holdCart"] as const) await warmUp(staff, [name]);
}, 300_000);
afterAll(() => pool.closeAll());

const db = () => adminDb();

interface Shard {
  id: string;
  minuteMs: number;
  calls: Record<string, CallCounts>;
  answers: number;
}

/** Every minute document from `sinceMs`'s minute on, parsed with the model's schema. */
async function shardsSince(sinceMs: number): Promise<Shard[]> {
  const snap = await db()
    .collection(Collections.opsMinutes)
    .where("minute", ">=", Timestamp.fromMillis(minuteStartOf(sinceMs)))
    .get();
  return snap.docs.map((d) => {
    const doc = OpsMinuteDocSchema.parse(d.data());
    expect(d.id).toMatch(new RegExp(`^${minuteIdOf(doc.minute)}_\\d+$`));
    expect(doc.expiresAt).toBe(doc.minute + OPS_MINUTE_TTL_MS);
    return { id: d.id, minuteMs: doc.minute, calls: doc.calls, answers: LatencyBucketKeys.reduce((sum, key) => sum + (doc.latencyMs[key] ?? 0), 0) };
  });
}

/** Each callable's counts summed over the shards, and the latency buckets' total. */
function totals(shards: Shard[]): { calls: Record<string, CallCounts>; answers: number } {
  const calls: Record<string, CallCounts> = {};
  for (const shard of shards)
    for (const [name, c] of Object.entries(shard.calls)) {
      const t = (calls[name] ??= { ok: 0, refused: 0, failed: 0 });
      t.ok += c.ok;
      t.refused += c.refused;
      t.failed += c.failed;
    }
  return { calls, answers: shards.reduce((sum, s) => sum + s.answers, 0) };
}

/**
 * The minute documents once earlier answers have all landed: instances write
 * their counts about once a second after answering, so this reads until two
 * reads a flush interval apart agree.
 */
async function settledShards(sinceMs: number): Promise<Shard[]> {
  let last = JSON.stringify(await shardsSince(sinceMs));
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const now = await shardsSince(sinceMs);
    if (JSON.stringify(now) === last) return now;
    last = JSON.stringify(now);
  }
}

const zero = { ok: 0, refused: 0, failed: 0 };
function growth(before: ReturnType<typeof totals>, after: ReturnType<typeof totals>, name: string): CallCounts {
  const b = before.calls[name] ?? zero;
  const a = after.calls[name] ?? zero;
  return { ok: a.ok - b.ok, refused: a.refused - b.refused, failed: a.failed - b.failed };
}

describe("per-minute health documents", () => {
  it("count each answer once, by callable and outcome, summed over the minute's shards", async () => {
    const started = Date.now();
    const before = totals(await settledShards(started));
    const {
      skus: [sku],
    } = await createProduct([{ main: 1 }]);

    await shopper.call("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 1 }], shipping });
    await expectCallableError(shopper.call("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 1 }], shipping }), "failed-precondition");
    await expectCallableError(shopper.call("placeOrder", { lines: [] }), "invalid-argument");
    await staff.call("operationsHealth", {});
    await expectCallableError(shopper.call("operationsHealth", {}), "permission-denied");

    // Instances write their counts every second or so, after the answers: poll until all five are in.
    const after = await eventually(async () => {
      const now = totals(await shardsSince(started));
      return now.answers - before.answers >= 5 ? now : undefined;
    }, "five answers in the minute documents");
    expect(growth(before, after, "placeOrder")).toEqual({ ok: 1, refused: 2, failed: 0 });
    expect(growth(before, after, "operationsHealth")).toEqual({ ok: 1, refused: 1, failed: 0 });
    expect(after.answers - before.answers).toBe(5);
  });

  // How a burst is batched and spread over shards is unit-tested (functions/src/operations/minute-stats.test.ts).
  it("count every answer of a burst exactly once", async () => {
    const started = Date.now();
    const before = new Map((await settledShards(started)).map((s) => [s.id, s.answers]));
    await Promise.all(Array.from({ length: 30 }, () => staff.call("operationsHealth", {})));
    const grown = await eventually(async () => {
      const sum = (await shardsSince(started)).reduce((total, s) => total + s.answers - (before.get(s.id) ?? 0), 0);
      return sum >= 30 ? sum : undefined;
    }, "thirty answers");
    expect(grown).toBe(30);
  });
});

describe("operationsHealth", () => {
  it("reports active holds, unpublished events and failing endpoints as Firestore holds them, naming endpoints by host only", async () => {
    const {
      skus: [sku],
    } = await createProduct([{ main: 5 }]);
    await shopper.call("holdCart", { lines: [{ sku, quantity: 2 }] });
    const endpointId = `ops-failing-${Date.now()}`;
    const endpoint = db().collection(Collections.webhookEndpoints).doc(endpointId);
    await endpoint.set({
      url: "https://erp.example.com/hooks/secret-token-123?key=abc",
      eventTypes: [],
      enabled: true,
      disabledReason: null,
      createdAt: Timestamp.now(),
      updatedAt: Timestamp.now(),
      previousSecretExpiresAt: null,
      failure: { consecutive: 4, since: Timestamp.fromMillis(Date.parse("2026-01-02T03:04:05Z")) },
    });
    try {
      // Compared with direct reads until both agree (the relay publishes this test's events meanwhile).
      const { health, direct } = await eventually(async () => {
        const health = await staff.call<OperationsHealthOutput>("operationsHealth", {});
        const now = Timestamp.now();
        const [holds, unpublished, failing] = await Promise.all([
          db().collection(Collections.holds).where("status", "==", "active").where("expiresAt", ">", now).count().get(),
          db().collection(Collections.events).where("publishedAt", "==", null).count().get(),
          db().collection(Collections.webhookEndpoints).where("failure.consecutive", ">", 0).count().get(),
        ]);
        const direct = { holds: holds.data().count, unpublished: unpublished.data().count, failing: failing.data().count };
        const agree =
          health.holdsActive === direct.holds && health.unpublishedEvents === direct.unpublished && health.failingEndpoints.count === direct.failing;
        return agree ? { health, direct } : undefined;
      }, "operationsHealth to agree with direct counts");
      expect(direct.holds).toBeGreaterThanOrEqual(1);
      expect(health.oldestUnpublishedAgeMs === null).toBe(direct.unpublished === 0);
      expect(health.failingEndpoints.endpoints).toContainEqual({
        id: endpointId,
        label: "erp.example.com",
        consecutiveFailures: 4,
        failingSince: "2026-01-02T03:04:05.000Z",
        enabled: true,
      });
      expect(JSON.stringify(health)).not.toContain("secret-token-123");
    } finally {
      await endpoint.delete();
    }
  });

  it("is staff only and takes no input", async () => {
    await expectCallableError(shopper.call("operationsHealth", {}), "permission-denied");
    await expectCallableError(staff.call("operationsHealth", { all: true }), "invalid-argument");
  });
});
