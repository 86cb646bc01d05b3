import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Collections } from "@showroom/model";
import { expectCallableError } from "../support/clients.js";
import {
  available,
  clientPool,
  createProduct,
  expectReconciled,
  ledgerOf,
  onHand,
  ordersOf,
  readDoc,
  shipping,
  uniqueKey,
  uniqueSku,
  warmUp,
} from "./inventory-fixtures.js";

const pool = clientPool();
afterAll(pool.closeAll);
beforeAll(async () => warmUp(await pool.client(), ["placeOrder"]), 120_000);

describe("placeOrder", () => {
  it("takes every line from main first, then east, prices from the catalog, and records the order and ledger", async () => {
    const { productId, skus } = await createProduct([
      { main: 2, east: 5, priceCents: 12_500 },
      { main: 10, priceCents: 999 },
    ]);
    const [a, b] = skus as [string, string];
    const shopper = await pool.client();

    const answer = await shopper.call<{ orderId: string }>("placeOrder", {
      idempotencyKey: uniqueKey(),
      lines: [
        { sku: a, quantity: 3 },
        { sku: b, quantity: 2 },
      ],
      shipping,
    });

    expect(answer).toEqual({ orderId: expect.any(String), status: "placed", totalCents: 3 * 12_500 + 2 * 999, currency: "USD" });
    const order = await readDoc(Collections.orders, answer.orderId);
    expect(order).toMatchObject({
      uid: shopper.uid,
      status: "placed",
      totalCents: 39_498,
      lines: [
        {
          sku: a,
          productId,
          quantity: 3,
          unitPriceCents: 12_500,
          lineTotalCents: 37_500,
          allocations: [
            { location: "main", quantity: 2 },
            { location: "east", quantity: 1 },
          ],
        },
        { sku: b, quantity: 2, unitPriceCents: 999, allocations: [{ location: "main", quantity: 2 }] },
      ],
      statusHistory: [expect.objectContaining({ status: "placed", by: shopper.uid })],
    });
    expect(await onHand(a)).toEqual({ main: 0, east: 4 });
    expect(await available(a)).toBe(4);
    expect((await readDoc(Collections.productStock, productId))?.skus).toMatchObject({ [a]: { available: 4, status: "in_stock" }, [b]: { available: 8 } });
    expect(await ledgerOf(a)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ location: "main", delta: -2, before: 2, after: 0, reason: "order", actorUid: shopper.uid, orderId: answer.orderId }),
        expect.objectContaining({ location: "east", delta: -1, before: 5, after: 4, reason: "order" }),
      ]),
    );
    await expectReconciled(skus);
  });

  it("places all lines or none: one short line refuses the order with the SKU and what is available", async () => {
    const { skus } = await createProduct([{ main: 5 }, { main: 1, east: 1 }]);
    const [a, b] = skus as [string, string];
    const shopper = await pool.client();

    await expectCallableError(
      shopper.call("placeOrder", {
        idempotencyKey: uniqueKey(),
        lines: [
          { sku: a, quantity: 2 },
          { sku: b, quantity: 3 },
        ],
        shipping,
      }),
      "failed-precondition",
      { reason: "out-of-stock", sku: b, available: 2 },
    );

    expect(await onHand(a)).toEqual({ main: 5, east: 0 });
    expect(await ledgerOf(a)).toEqual([]);
    expect(await ordersOf(shopper.uid!)).toHaveLength(0);
  });

  it("answers an unknown SKU with not-found and writes nothing", async () => {
    const { skus } = await createProduct([{ main: 5 }]);
    const shopper = await pool.client();
    const ghost = uniqueSku("GHOST");
    await expectCallableError(
      shopper.call("placeOrder", {
        idempotencyKey: uniqueKey(),
        lines: [
          { sku: skus[0], quantity: 1 },
          { sku: ghost, quantity: 1 },
        ],
        shipping,
      }),
      "not-found",
      { reason: "unknown-sku", sku: ghost },
    );
    expect(await onHand(skus[0] as string)).toEqual({ main: 5, east: 0 });
  });

  it("returns the same order for the same user and key, moving stock once; another user's same key is another order", async () => {
    const { skus } = await createProduct([{ main: 5 }]);
    const sku = skus[0] as string;
    const [alice, bob] = [await pool.client(), await pool.client()];
    const request = { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 2 }], shipping };

    const first = await alice.call<{ orderId: string }>("placeOrder", request);
    const again = await alice.call<{ orderId: string }>("placeOrder", request);
    const other = await bob.call<{ orderId: string }>("placeOrder", request);

    expect(again).toEqual(first);
    expect(other.orderId).not.toBe(first.orderId);
    expect(await ordersOf(alice.uid!)).toHaveLength(1);
    expect(await onHand(sku)).toEqual({ main: 1, east: 0 });
    expect(await ledgerOf(sku)).toHaveLength(2);
  });

  it("turns 10 concurrent calls with one key into one order", async () => {
    const { skus } = await createProduct([{ main: 50 }]);
    const sku = skus[0] as string;
    const shopper = await pool.client();
    const request = { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 3 }], shipping };

    const answers = await Promise.all(Array.from({ length: 10 }, () => shopper.call<{ orderId: string }>("placeOrder", request)));

    expect(new Set(answers.map((a) => a.orderId)).size).toBe(1);
    expect(await ordersOf(shopper.uid!)).toHaveLength(1);
    expect(await onHand(sku)).toEqual({ main: 47, east: 0 });
    await expectReconciled([sku]);
  });

  it("sells made-to-order without a stock limit and backorder past zero up to its limit, then refuses", async () => {
    const { skus } = await createProduct([
      { policy: "made_to_order", leadTimeDays: 42 },
      { policy: "backorder", main: 1, backorderLimit: 2 },
    ]);
    const [made, back] = skus as [string, string];
    const shopper = await pool.client();

    await shopper.call("placeOrder", {
      idempotencyKey: uniqueKey(),
      lines: [
        { sku: made, quantity: 20 },
        { sku: back, quantity: 3 },
      ],
      shipping,
    });
    await expectCallableError(
      shopper.call("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku: back, quantity: 1 }], shipping }),
      "failed-precondition",
      {
        reason: "out-of-stock",
        sku: back,
        available: 0,
      },
    );

    expect(await onHand(made)).toEqual({ main: 0, east: 0 });
    expect(await onHand(back)).toEqual({ main: -2, east: 0 });
    expect(await readDoc(Collections.stock, made)).toMatchObject({ status: "made_to_order", leadTimeDays: 42 });
    expect(await readDoc(Collections.stock, back)).toMatchObject({ available: 0, status: "out_of_stock" });
    await expectReconciled(skus);
  });

  it("refuses signed-out callers and bad input, writing nothing", async () => {
    const { skus } = await createProduct([{ main: 5 }]);
    const sku = skus[0] as string;
    const signedOut = await pool.client({ kind: "signed-out" });
    await expectCallableError(signedOut.call("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 1 }], shipping }), "unauthenticated");
    const shopper = await pool.client();
    await expectCallableError(
      shopper.call("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 1, priceCents: 1 }], shipping }),
      "invalid-argument",
    );
    await expectCallableError(shopper.call("placeOrder", { idempotencyKey: "short", lines: [{ sku, quantity: 1 }], shipping }), "invalid-argument");
    expect(await onHand(sku)).toEqual({ main: 5, east: 0 });
  });
});
