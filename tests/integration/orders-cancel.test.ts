import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Collections } from "@showroom/model";
import { adminDb } from "../../scripts/lib/admin.js";
import { expectCallableError, type TestClient } from "../support/clients.js";
import { available, clientPool, createProduct, expectReconciled, ledgerOf, onHand, readDoc, shipping, uniqueKey, warmUp } from "./inventory-fixtures.js";

const pool = clientPool();
afterAll(pool.closeAll);
beforeAll(async () => warmUp(await pool.client(), ["placeOrder", "cancelOrder", "updateOrderStatus"]), 120_000);

async function placed(shopper: TestClient, sku: string, quantity: number): Promise<string> {
  const { orderId } = await shopper.call<{ orderId: string }>("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity }], shipping });
  return orderId;
}

const auditsOf = async (orderId: string) =>
  (await adminDb().collection(Collections.auditLog).where("target.id", "==", orderId).get()).docs.map((d) => d.data());

describe("cancelOrder", () => {
  it("restocks exactly once, to the locations the order took from, even when called twice at the same moment", async () => {
    const { skus } = await createProduct([{ main: 2, east: 3 }]);
    const sku = skus[0] as string;
    const shopper = await pool.client();
    const orderId = await placed(shopper, sku, 4);
    expect(await onHand(sku)).toEqual({ main: 0, east: 1 });

    const answers = await Promise.all([shopper.call("cancelOrder", { orderId, reason: "changed my mind" }), shopper.call("cancelOrder", { orderId })]);

    expect(answers).toEqual([
      { orderId, status: "cancelled" },
      { orderId, status: "cancelled" },
    ]);
    expect(await onHand(sku)).toEqual({ main: 2, east: 3 });
    expect(await available(sku)).toBe(5);
    expect((await ledgerOf(sku)).filter((e) => e.reason === "cancel")).toHaveLength(2); // one per location, once
    expect(await readDoc(Collections.orders, orderId)).toMatchObject({ status: "cancelled", cancelReason: "changed my mind" });
    await expectReconciled([sku]);
  });

  it("lets the owner cancel only while placed, and staff until delivered (audited)", async () => {
    const { skus } = await createProduct([{ main: 10 }]);
    const sku = skus[0] as string;
    const shopper = await pool.client({ kind: "user" });
    const staff = await pool.client({ kind: "user", role: "staff" });
    const orderId = await placed(shopper, sku, 2);
    await staff.call("updateOrderStatus", { orderId, status: "fulfilled" });

    await expectCallableError(shopper.call("cancelOrder", { orderId }), "failed-precondition", { reason: "invalid-transition" });
    expect(await onHand(sku)).toEqual({ main: 8, east: 0 });

    await expect(staff.call("cancelOrder", { orderId, reason: "damaged in transit" })).resolves.toEqual({ orderId, status: "cancelled" });
    expect(await onHand(sku)).toEqual({ main: 10, east: 0 });
    expect(await auditsOf(orderId)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: "order.status", actorUid: staff.uid, after: { status: "fulfilled" } }),
        expect.objectContaining({ action: "order.cancel", actorUid: staff.uid, note: "damaged in transit" }),
      ]),
    );
  });

  it("refuses other shoppers and unknown orders, writing nothing", async () => {
    const { skus } = await createProduct([{ main: 3 }]);
    const sku = skus[0] as string;
    const owner = await pool.client();
    const stranger = await pool.client();
    const orderId = await placed(owner, sku, 1);
    await expectCallableError(stranger.call("cancelOrder", { orderId }), "permission-denied");
    await expectCallableError(stranger.call("cancelOrder", { orderId: "no-such-order" }), "not-found", { reason: "unknown-order" });
    expect(await readDoc(Collections.orders, orderId)).toMatchObject({ status: "placed" });
    expect(await onHand(sku)).toEqual({ main: 2, east: 0 });
  });
});

describe("updateOrderStatus", () => {
  it("moves placed → fulfilled → delivered and refuses skips, reversals and cancelling a delivered order", async () => {
    const { skus } = await createProduct([{ main: 3 }]);
    const shopper = await pool.client();
    const staff = await pool.client({ kind: "user", role: "staff" });
    const orderId = await placed(shopper, skus[0] as string, 1);

    await expectCallableError(staff.call("updateOrderStatus", { orderId, status: "delivered" }), "failed-precondition", {
      reason: "invalid-transition",
      from: "placed",
    });
    await expect(staff.call("updateOrderStatus", { orderId, status: "fulfilled" })).resolves.toEqual({ orderId, status: "fulfilled" });
    await expect(staff.call("updateOrderStatus", { orderId, status: "delivered" })).resolves.toEqual({ orderId, status: "delivered" });
    await expectCallableError(staff.call("updateOrderStatus", { orderId, status: "fulfilled" }), "failed-precondition", { reason: "invalid-transition" });
    await expectCallableError(staff.call("cancelOrder", { orderId }), "failed-precondition", { reason: "invalid-transition" });

    const order = await readDoc(Collections.orders, orderId);
    expect(order?.status).toBe("delivered");
    expect(order?.statusHistory.map((h: { status: string }) => h.status)).toEqual(["placed", "fulfilled", "delivered"]);
  });

  it("is staff only", async () => {
    const { skus } = await createProduct([{ main: 3 }]);
    const shopper = await pool.client({ kind: "user" });
    const orderId = await placed(shopper, skus[0] as string, 1);
    await expectCallableError(shopper.call("updateOrderStatus", { orderId, status: "fulfilled" }), "permission-denied");
    expect((await readDoc(Collections.orders, orderId))?.status).toBe("placed");
  });
});
