import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Collections } from "@showroom/model";
import { adminDb } from "../../scripts/lib/admin.js";
import { expectCallableError } from "../support/clients.js";
import { available, clientPool, createProduct, expectReconciled, onHand, readDoc, shipping, uniqueKey, warmUp } from "./inventory-fixtures.js";

const pool = clientPool();
afterAll(pool.closeAll);
beforeAll(async () => warmUp(await pool.client(), ["placeOrder", "holdCart", "releaseHold"]), 120_000);

// Emulator-only clock (functions/src/inventory/clock.ts): moves the engine's "now" forward.
const testClock = () => adminDb().doc("config/testClock");
afterEach(() => testClock().delete());

describe("holdCart", () => {
  it("holds units so others cannot buy them, and the holder's order consumes the hold", async () => {
    const { skus } = await createProduct([{ main: 3 }]);
    const sku = skus[0] as string;
    const [alice, bob] = [await pool.client(), await pool.client()];

    const hold = await alice.call<{ holdId: string; expiresAt: string }>("holdCart", { lines: [{ sku, quantity: 2 }] });
    const ttl = Date.parse(hold.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(14 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000);
    expect(await available(sku)).toBe(1);
    await expectCallableError(bob.call("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 2 }], shipping }), "failed-precondition", {
      reason: "out-of-stock",
      available: 1,
    });

    const { orderId } = await alice.call<{ orderId: string }>("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 2 }], shipping, holdId: hold.holdId });

    expect(await readDoc(Collections.holds, hold.holdId)).toMatchObject({ status: "consumed", orderId, uid: alice.uid });
    expect(await readDoc(Collections.orders, orderId)).toMatchObject({ holdId: hold.holdId });
    expect(await onHand(sku)).toEqual({ main: 1, east: 0 });
    expect(await available(sku)).toBe(1);
    expect((await readDoc(Collections.inventory, sku))?.holds).toEqual({});
    await expectCallableError(alice.call("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 1 }], shipping, holdId: hold.holdId }), "failed-precondition", {
      reason: "hold-expired",
    });
    await expectReconciled([sku]);
  });

  it("holds all lines or none", async () => {
    const { skus } = await createProduct([{ main: 3 }, { main: 1 }]);
    const [a, b] = skus as [string, string];
    const shopper = await pool.client();
    await expectCallableError(shopper.call("holdCart", { lines: [{ sku: a, quantity: 1 }, { sku: b, quantity: 2 }] }), "failed-precondition", { reason: "out-of-stock", sku: b });
    expect(await available(a)).toBe(3);
    expect((await readDoc(Collections.inventory, a))?.holds).toEqual({});
  });

  it("releases a hold for its owner only", async () => {
    const { skus } = await createProduct([{ main: 2 }]);
    const sku = skus[0] as string;
    const [alice, bob] = [await pool.client(), await pool.client()];
    const { holdId } = await alice.call<{ holdId: string }>("holdCart", { lines: [{ sku, quantity: 2 }] });

    await expectCallableError(bob.call("releaseHold", { holdId }), "permission-denied");
    await expectCallableError(bob.call("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 1 }], shipping, holdId }), "permission-denied");
    expect(await available(sku)).toBe(0);

    await expect(alice.call("releaseHold", { holdId })).resolves.toEqual({ holdId, released: true });
    expect(await available(sku)).toBe(2);
    expect(await readDoc(Collections.holds, holdId)).toMatchObject({ status: "released" });
    await expectCallableError(alice.call("releaseHold", { holdId: "no-such-hold" }), "not-found", { reason: "unknown-hold" });
  });

  it("stops counting an expired hold at once, without a sweeper, and refuses to use it", async () => {
    const { skus } = await createProduct([{ main: 2 }]);
    const sku = skus[0] as string;
    const [alice, bob] = [await pool.client(), await pool.client()];
    const { holdId } = await alice.call<{ holdId: string }>("holdCart", { lines: [{ sku, quantity: 2 }] });
    await expectCallableError(bob.call("holdCart", { lines: [{ sku, quantity: 1 }] }), "failed-precondition", { reason: "out-of-stock" });

    await testClock().set({ offsetMs: 15 * 60_000 + 1_000 });

    await expectCallableError(alice.call("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 2 }], shipping, holdId }), "failed-precondition", {
      reason: "hold-expired",
    });
    await expect(bob.call("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 2 }], shipping })).resolves.toMatchObject({ status: "placed" });
    expect(await onHand(sku)).toEqual({ main: 0, east: 0 });
    expect((await readDoc(Collections.inventory, sku))?.holds).toEqual({});
  });
});
