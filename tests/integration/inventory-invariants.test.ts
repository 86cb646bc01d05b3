import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Collections, SEED_LOCATIONS, type OrderLine } from "@showroom/model";
import { FunctionsError } from "firebase/functions";
import { adminDb } from "../../scripts/lib/admin.js";
import type { TestClient } from "../support/clients.js";
import { clientPool, createProduct, expectReconciled, onHand, readDoc, shipping, uniqueKey, warmUp } from "./inventory-fixtures.js";

const pool = clientPool();
afterAll(pool.closeAll);
beforeAll(async () => warmUp(await pool.client(), ["placeOrder", "cancelOrder", "holdCart", "releaseHold", "adjustStock"]), 120_000);

/** Deterministic randomness, so a failure can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
  return { int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T };
}

type Op = () => Promise<unknown>;
/** Codes a correct engine may answer with under contention; anything else (internal, deadline…) fails the test. */
const EXPECTED = new Set(["functions/failed-precondition", "functions/permission-denied"]);

describe("stock invariants under concurrency", () => {
  it("keeps on hand = ledger sum, availability within policy and the public views exact after 200 random concurrent operations", async () => {
    const plans = [
      { main: 30, east: 10 },
      { main: 10, east: 6 },
      { main: 3 },
      { policy: "backorder" as const, main: 2, backorderLimit: 4 },
      { policy: "made_to_order" as const, leadTimeDays: 14 },
    ];
    const { skus } = await createProduct(plans);
    const initial = new Map(skus.map((sku, i) => [sku, (plans[i]?.main ?? 0) + (plans[i]?.east ?? 0)]));
    const shoppers: TestClient[] = await Promise.all(Array.from({ length: 8 }, () => pool.client()));
    const staff = await pool.client({ kind: "user", role: "staff" });
    const rnd = prng(20261126);
    const lines = () => {
      const chosen = [...new Set([rnd.pick(skus), rnd.pick(skus)])];
      return chosen.map((sku) => ({ sku, quantity: 1 + rnd.int(3) }));
    };

    // Orders and holds to cancel and release while everything else runs.
    const orderIds: string[] = [];
    const holds: { holdId: string; owner: TestClient }[] = [];
    await Promise.all(
      shoppers.map(async (owner) => {
        orderIds.push(
          (await owner.call<{ orderId: string }>("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku: skus[0], quantity: 1 }], shipping })).orderId,
        );
        holds.push({ owner, holdId: (await owner.call<{ holdId: string }>("holdCart", { lines: [{ sku: skus[1], quantity: 1 }] })).holdId });
      }),
    );

    const adjustments: { sku: string; delta: number }[] = [];
    const ops: Op[] = Array.from({ length: 200 }, (_, i): Op => {
      const shopper = rnd.pick(shoppers);
      switch (i % 8) {
        case 0: {
          const input = { sku: rnd.pick(skus), location: rnd.pick(SEED_LOCATIONS.map((l) => l.code)), delta: rnd.int(7) - 3 || 2, reason: "correction" };
          return () => staff.call("adjustStock", input).then(() => adjustments.push(input));
        }
        case 1: {
          const orderId = rnd.pick(orderIds);
          return () => (rnd.int(2) ? staff : shopper).call("cancelOrder", { orderId });
        }
        case 2: {
          const hold = rnd.pick(holds);
          return () => hold.owner.call("releaseHold", { holdId: hold.holdId });
        }
        case 3: {
          const hold = rnd.pick(holds);
          return () =>
            hold.owner
              .call<{ orderId: string }>("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku: skus[1], quantity: 1 }], shipping, holdId: hold.holdId })
              .then((r) => orderIds.push(r.orderId));
        }
        case 4:
          return () => shopper.call("holdCart", { lines: lines() });
        default:
          return () =>
            shopper.call<{ orderId: string }>("placeOrder", { idempotencyKey: uniqueKey(), lines: lines(), shipping }).then((r) => orderIds.push(r.orderId));
      }
    });
    const results = await Promise.allSettled(ops.map((op) => op()));

    const unexpected = results.flatMap((r) =>
      r.status === "rejected" && !(r.reason instanceof FunctionsError && EXPECTED.has(r.reason.code)) ? [String(r.reason)] : [],
    );
    expect(unexpected).toEqual([]);
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThan(50);

    await expectReconciled(skus);
    // Independent of the ledger: start + adjustments − units still sold (orders not cancelled) = on hand now.
    const orders = await Promise.all([...new Set(orderIds)].map((id) => readDoc(Collections.orders, id)));
    for (const sku of skus) {
      const sold = orders
        .filter((o) => o?.status !== "cancelled")
        .flatMap((o) => (o?.lines ?? []) as OrderLine[])
        .filter((l) => l.sku === sku)
        .reduce((sum, l) => sum + l.allocations.reduce((s, a) => s + a.quantity, 0), 0);
      const adjusted = adjustments.filter((a) => a.sku === sku).reduce((sum, a) => sum + a.delta, 0);
      const { main, east } = await onHand(sku);
      expect(main + east, sku).toBe((initial.get(sku) ?? 0) + adjusted - sold);
    }
  }, 240_000);
});

describe("npm run reconcile", () => {
  const run = promisify(execFile);
  const reconcile = (skus: string[]) =>
    run("npx", ["tsx", "scripts/reconcile.ts", ...skus], { env: process.env }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );

  it("exits 0 on a consistent database and 1 naming the SKU once a document drifts", async () => {
    const { skus } = await createProduct([{ main: 4, east: 2 }, { main: 1 }]);
    const [a, b] = skus as [string, string];
    const shopper = await pool.client();
    await shopper.call("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku: a, quantity: 5 }], shipping });

    const clean = await reconcile(skus);
    expect(clean).toMatchObject({ code: 0, stdout: expect.stringContaining("No drift.") });

    await adminDb().collection(Collections.inventory).doc(a).update({ "locations.east.onHand": 7 });
    await adminDb().collection(Collections.stock).doc(b).update({ available: 9 });
    await adminDb().collection(Collections.inventory).doc(b).update({ status: "in_stock" });
    const drifted = await reconcile(skus);
    expect(drifted.code).toBe(1);
    expect(drifted.stdout).toContain(`DRIFT ${a}: east: on hand 7 ≠ ledger sum 1`);
    expect(drifted.stdout).toContain(`DRIFT ${b}: stock/{sku} says 9 low_stock, inventory implies 1 low_stock`);
    expect(drifted.stdout).toContain(`DRIFT ${b}: inventory/{sku} says in_stock, its stock implies low_stock`);
  }, 120_000);
});
