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
    const { skus } = await createProduct([{ main: 4 }]);
    const sku = skus[0] as string;
    const [alice, bob] = [await pool.client({ kind: "user" }), await pool.client()];

    const hold = await alice.call<{ holdId: string; expiresAt: string }>("holdCart", { lines: [{ sku, quantity: 2 }] });
    const ttl = Date.parse(hold.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(14 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000);
    expect(await available(sku)).toBe(2);
    await expectCallableError(bob.call("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 3 }], shipping }), "failed-precondition", {
      reason: "out-of-stock",
      available: 2,
    });

    const { orderId } = await alice.call<{ orderId: string }>("placeOrder", {
      idempotencyKey: uniqueKey(),
      lines: [{ sku, quantity: 2 }],
      shipping,
      holdId: hold.holdId,
    });

    expect(await readDoc(Collections.holds, hold.holdId)).toMatchObject({ status: "consumed", orderId, uid: alice.uid });
    expect(await readDoc(Collections.orders, orderId)).toMatchObject({ holdId: hold.holdId });
    expect(await onHand(sku)).toEqual({ main: 2, east: 0 });
    expect(await available(sku)).toBe(2);
    expect((await readDoc(Collections.inventory, sku))?.holds).toEqual({});
    await expectCallableError(
      alice.call("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 1 }], shipping, holdId: hold.holdId }),
      "failed-precondition",
      {
        reason: "hold-expired",
      },
    );
    await expectReconciled([sku]);
  });

  it("holds all lines or none", async () => {
    const { skus } = await createProduct([{ main: 3 }, { main: 1 }]);
    const [a, b] = skus as [string, string];
    const shopper = await pool.client();
    await expectCallableError(
      shopper.call("holdCart", {
        lines: [
          { sku: a, quantity: 1 },
          { sku: b, quantity: 2 },
        ],
      }),
      "failed-precondition",
      { reason: "out-of-stock", sku: b },
    );
    expect(await available(a)).toBe(3);
    expect((await readDoc(Collections.inventory, a))?.holds).toEqual({});
  });

  it("releases a hold for its owner only", async () => {
    const { skus } = await createProduct([{ main: 4 }]);
    const sku = skus[0] as string;
    const [alice, bob] = [await pool.client(), await pool.client()];
    const { holdId } = await alice.call<{ holdId: string }>("holdCart", { lines: [{ sku, quantity: 2 }] });

    await expectCallableError(bob.call("releaseHold", { holdId }), "permission-denied");
    await expectCallableError(bob.call("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 1 }], shipping, holdId }), "permission-denied");
    expect(await available(sku)).toBe(2);

    await expect(alice.call("releaseHold", { holdId })).resolves.toEqual({ holdId, released: true });
    expect(await available(sku)).toBe(4);
    expect(await readDoc(Collections.holds, holdId)).toMatchObject({ status: "released" });
    await expectCallableError(alice.call("releaseHold", { holdId: "no-such-hold" }), "not-found", { reason: "unknown-hold" });
  });

  it("stops counting an expired hold at once, without a sweeper, and refuses to use it", async () => {
    const { skus } = await createProduct([{ main: 4 }]);
    const sku = skus[0] as string;
    const [alice, bob] = [await pool.client({ kind: "user" }), await pool.client()];
    const { holdId } = await alice.call<{ holdId: string }>("holdCart", { lines: [{ sku, quantity: 2 }] });
    await expectCallableError(bob.call("holdCart", { lines: [{ sku, quantity: 3 }] }), "failed-precondition", { reason: "out-of-stock" });

    await testClock().set({ offsetMs: 15 * 60_000 + 1_000 });

    await expectCallableError(
      alice.call("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 2 }], shipping, holdId }),
      "failed-precondition",
      {
        reason: "hold-expired",
      },
    );
    await expect(bob.call("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 4 }], shipping })).resolves.toMatchObject({ status: "placed" });
    expect(await onHand(sku)).toEqual({ main: 0, east: 0 });
    expect((await readDoc(Collections.inventory, sku))?.holds).toEqual({});
  });
});

describe("hold limits", () => {
  it("refuses a hold over the per-SKU or per-cart cap with reason hold-limit, writing nothing", async () => {
    const { skus } = await createProduct([{ main: 40 }, { main: 40 }, { main: 40 }, { main: 40 }]);
    const shopper = await pool.client();
    await expectCallableError(shopper.call("holdCart", { lines: [{ sku: skus[0], quantity: 11 }] }), "failed-precondition", {
      reason: "hold-limit",
      rule: "per-sku",
      sku: skus[0],
      limit: 10,
    });
    const wholeCart = skus.map((sku, i) => ({ sku, quantity: i === 0 ? 1 : 10 }));
    await expectCallableError(shopper.call("holdCart", { lines: wholeCart }), "failed-precondition", { reason: "hold-limit", rule: "per-cart", limit: 30 });
    for (const sku of skus) expect((await readDoc(Collections.inventory, sku))?.holds).toEqual({});
    expect(await readDoc(Collections.activeHolds, shopper.uid as string)).toBeUndefined();
  });

  it("keeps one active hold per user: a new hold releases the previous one", async () => {
    const { skus } = await createProduct([{ main: 10 }, { main: 10 }]);
    const [a, b] = skus as [string, string];
    const shopper = await pool.client();
    const first = await shopper.call<{ holdId: string }>("holdCart", { lines: [{ sku: a, quantity: 5 }] });
    const second = await shopper.call<{ holdId: string }>("holdCart", {
      lines: [
        { sku: a, quantity: 2 },
        { sku: b, quantity: 1 },
      ],
    });

    expect(await readDoc(Collections.holds, first.holdId)).toMatchObject({ status: "released" });
    expect(await readDoc(Collections.holds, second.holdId)).toMatchObject({ status: "active" });
    expect(Object.keys((await readDoc(Collections.inventory, a))?.holds ?? {})).toEqual([second.holdId]);
    expect([await available(a), await available(b)]).toEqual([8, 9]);
    expect(await readDoc(Collections.activeHolds, shopper.uid as string)).toMatchObject({ holdId: second.holdId, skus: [a, b] });
    // Releasing the replaced hold is harmless (the storefront may do it after the new one).
    await expect(shopper.call("releaseHold", { holdId: first.holdId })).resolves.toEqual({ holdId: first.holdId, released: true });
    expect(await available(a)).toBe(8);
    await expectReconciled([a, b]);
  });

  it("keeps one active hold per user also when the user's holds race", async () => {
    const { skus } = await createProduct([{ main: 20 }]);
    const sku = skus[0] as string;
    const shopper = await pool.client();
    const answers = await Promise.all(Array.from({ length: 6 }, () => shopper.call<{ holdId: string }>("holdCart", { lines: [{ sku, quantity: 2 }] })));

    const live = Object.keys((await readDoc(Collections.inventory, sku))?.holds ?? {});
    expect(live).toHaveLength(1);
    expect(answers.map((a) => a.holdId)).toContain(live[0]);
    expect(await available(sku)).toBe(18);
    expect(await readDoc(Collections.activeHolds, shopper.uid as string)).toMatchObject({ holdId: live[0] });
  });

  it("gives anonymous visitors a 5 minute hold and signed-in customers 15", async () => {
    const { skus } = await createProduct([{ main: 10 }]);
    const sku = skus[0] as string;
    const [guest, customer] = [await pool.client(), await pool.client({ kind: "user" })];
    const ttlOf = async (c: typeof guest) =>
      Date.parse((await c.call<{ expiresAt: string }>("holdCart", { lines: [{ sku, quantity: 1 }] })).expiresAt) - Date.now();
    const [guestTtl, customerTtl] = [await ttlOf(guest), await ttlOf(customer)];
    expect(guestTtl).toBeGreaterThan(4 * 60_000);
    expect(guestTtl).toBeLessThanOrEqual(5 * 60_000);
    expect(customerTtl).toBeGreaterThan(14 * 60_000);
    expect(customerTtl).toBeLessThanOrEqual(15 * 60_000);
  });

  it("lets twenty accounts lock at most half of a SKU, and direct buyers take the rest", async () => {
    const { skus } = await createProduct([{ main: 20 }]);
    const sku = skus[0] as string;
    // Signed up one after another (each sign-up starts a trigger); the holds then arrive together.
    const attackers: Awaited<ReturnType<typeof pool.client>>[] = [];
    for (let i = 0; i < 20; i++) attackers.push(await pool.client());
    const results = await Promise.allSettled(attackers.map((a) => a.call("holdCart", { lines: [{ sku, quantity: 3 }] })));

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const refusals = results.flatMap((r) => (r.status === "rejected" ? [r.reason as { code: string; details?: { reason?: string; rule?: string } }] : []));
    expect(new Set(refusals.map((e) => `${e.code}:${e.details?.reason}:${e.details?.rule}`))).toEqual(
      new Set(["functions/failed-precondition:hold-limit:held-share"]),
    );
    expect(await available(sku)).toBe(11);

    const buyer = await pool.client();
    await expect(buyer.call("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 11 }], shipping })).resolves.toMatchObject({
      status: "placed",
    });
    expect(await available(sku)).toBe(0);
    await expectReconciled([sku]);
  }, 180_000);
});
