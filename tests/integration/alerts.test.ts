import { afterAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { collection, deleteDoc, doc, getDoc, onSnapshot, orderBy, query, serverTimestamp, setDoc, updateDoc } from "firebase/firestore";
import type { DocumentData } from "firebase-admin/firestore";
import { CustomerSubcollections, Collections } from "@showroom/model";
import { adminDb } from "../../scripts/lib/admin.js";
import { notifyBackInStock } from "../../functions/src/customers/back-in-stock.js";
import { config } from "../../functions/src/config.js";
import { createProduct, shipping, uniqueKey } from "./inventory-fixtures.js";
import { client, clients, editProfile, eventually, profileRef, shopper, subscribe } from "./customers-support.js";

afterAll(() => Promise.all(clients.map((c) => c.close())));

const consenting = { marketing: { email: { granted: true }, sms: { granted: false } } };

async function notificationsOf(uid: string) {
  const snap = await profileRef(uid).collection(CustomerSubcollections.notifications).get();
  return snap.docs.map((d): DocumentData => ({ id: d.id, ...d.data() }));
}

async function waitForNotifications(uid: string, count: number) {
  return eventually(async () => {
    const list = await notificationsOf(uid);
    return list.length === count ? list : undefined;
  }, `${count} notifications for ${uid}`);
}

/** An out-of-stock SKU with a staff member who can restock it through adjustStock. */
async function soldOutSku() {
  const { skus } = await createProduct([{ main: 0 }]);
  const staff = await client({ kind: "user", role: "staff" });
  const restock = (units: number) => staff.call("adjustStock", { sku: skus[0], delta: units, reason: "receive" });
  return { sku: skus[0]!, restock };
}

describe("back-in-stock alerts", () => {
  it("notifies each consenting subscriber once when staff restock, and nobody whose consent is off", async () => {
    const { sku, restock } = await soldOutSku();
    const yes = await shopper();
    const no = await shopper();
    await editProfile(yes, consenting);
    await subscribe(yes, sku);
    await subscribe(no, sku);

    // The storefront's live list: the owner listens to their notifications.
    const seen: string[][] = [];
    const unsubscribe = onSnapshot(
      query(collection(yes.db, Collections.customers, yes.uid, CustomerSubcollections.notifications), orderBy("createdAt", "desc")),
      (snap) => seen.push(snap.docs.map((d) => d.get("sku") as string)),
    );
    await restock(5);

    const [notice] = await waitForNotifications(yes.uid, 1);
    expect(notice).toMatchObject({ kind: "back-in-stock", sku, status: "in_stock", available: 5, readAt: null });
    await eventually(async () => (seen.some((skus) => skus.includes(sku)) ? true : undefined), "the live listener to see the notice");
    unsubscribe();
    // No wait needed: one transaction decides a chunk of subscribers, so the notice `yes` got
    // was committed together with whatever `no` was going to get.
    expect(config.notificationChunk).toBeGreaterThanOrEqual(2);
    expect(await notificationsOf(no.uid)).toEqual([]);
    // The alert stays for the next restock.
    expect((await profileRef(yes.uid).collection(CustomerSubcollections.alerts).doc(sku).get()).exists).toBe(true);
  });

  it("alerts again when a SKU is restocked, sold out and restocked", async () => {
    const { sku, restock } = await soldOutSku();
    const c = await shopper();
    await editProfile(c, consenting);
    await subscribe(c, sku);
    await restock(1);
    await waitForNotifications(c.uid, 1);

    const buyer = await client({ kind: "anonymous" });
    await buyer.call("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 1 }], shipping });
    await eventually(
      async () => ((await adminDb().collection(Collections.stock).doc(sku).get()).get("status") === "out_of_stock" ? true : undefined),
      "sold out",
    );
    await restock(2);
    const notices = await waitForNotifications(c.uid, 2);
    expect(notices.map((n) => n.status).sort()).toEqual(["low_stock", "low_stock"]);
  });

  it("treats a SKU switching to made to order as available, and stays quiet while it stays sellable", async () => {
    const { sku, restock } = await soldOutSku();
    const c = await shopper();
    await editProfile(c, consenting);
    await subscribe(c, sku);
    await adminDb().collection(Collections.stock).doc(sku).update({ status: "made_to_order", available: 0 });
    const [notice] = await waitForNotifications(c.uid, 1);
    expect(notice).toMatchObject({ status: "made_to_order" });
    // The trigger decides each write from its before and after documents: replay exactly those, so
    // "no notice" is the decision itself, not the absence of one after some wait.
    const stockRef = adminDb().collection(Collections.stock).doc(sku);
    const madeToOrder = (await stockRef.get()).data();
    await stockRef.update({ status: "in_stock", available: 9 });
    const inStock = (await stockRef.get()).data();
    await restock(1);
    const restocked = (await stockRef.get()).data();
    // The engine recomputes the document from inventory (1 unit: low stock), still sellable.
    expect(restocked).toMatchObject({ status: "low_stock", available: 1 });
    for (const [before, after] of [
      [madeToOrder, inStock],
      [inStock, restocked],
    ]) {
      await expect(notifyBackInStock(adminDb(), { eventId: `quiet-${randomUUID()}`, sku, before, after })).resolves.toEqual({ notified: 0 });
    }
    expect(await notificationsOf(c.uid)).toHaveLength(1);
  });

  it("creates nothing twice when the same stock event is delivered twice", async () => {
    const c = await shopper();
    await editProfile(c, consenting);
    const sku = `DUP-${randomUUID().slice(0, 8).toUpperCase()}`;
    await subscribe(c, sku);
    const event = {
      eventId: `dup-${randomUUID()}`,
      sku,
      before: { status: "out_of_stock", available: 0 },
      after: { productId: "p", status: "in_stock", available: 4 },
    };
    await expect(notifyBackInStock(adminDb(), event)).resolves.toEqual({ notified: 1 });
    await expect(notifyBackInStock(adminDb(), event)).resolves.toEqual({ notified: 0 });
    expect(await notificationsOf(c.uid)).toHaveLength(1);
    // A different event (the next restock) is a new notification.
    await notifyBackInStock(adminDb(), { ...event, eventId: `dup-${randomUUID()}` });
    expect(await notificationsOf(c.uid)).toHaveLength(2);
  });

  it("lets the owner mark a notification read (readAt only) and hides it from everyone else", async () => {
    const c = await shopper();
    const other = await shopper();
    await editProfile(c, consenting);
    const sku = `READ-${randomUUID().slice(0, 8).toUpperCase()}`;
    await subscribe(c, sku);
    await notifyBackInStock(adminDb(), {
      eventId: `read-${randomUUID()}`,
      sku,
      before: { status: "out_of_stock" },
      after: { productId: "p", status: "in_stock", available: 1 },
    });
    const [notice] = await notificationsOf(c.uid);
    const mine = doc(c.db, Collections.customers, c.uid, CustomerSubcollections.notifications, notice!.id);
    await expect(updateDoc(mine, { sku: "OTHER-1", readAt: serverTimestamp() })).rejects.toMatchObject({ code: "permission-denied" });
    await updateDoc(mine, { readAt: serverTimestamp() });
    expect((await getDoc(mine)).get("readAt")).not.toBeNull();
    await expect(getDoc(doc(other.db, Collections.customers, c.uid, CustomerSubcollections.notifications, notice!.id))).rejects.toMatchObject({
      code: "permission-denied",
    });
  });

  it("lets a shopper subscribe only as {sku, createdAt}, for themselves, and unsubscribe", async () => {
    const c = await shopper();
    const other = await shopper();
    const sku = `SUB-${randomUUID().slice(0, 8).toUpperCase()}`;
    const alerts = (uid: string) => collection(c.db, Collections.customers, uid, CustomerSubcollections.alerts);
    await expect(setDoc(doc(alerts(c.uid), sku), { sku, createdAt: serverTimestamp(), email: "x@y.z" })).rejects.toMatchObject({ code: "permission-denied" });
    await expect(setDoc(doc(alerts(c.uid), sku), { sku: "OTHER-1", createdAt: serverTimestamp() })).rejects.toMatchObject({ code: "permission-denied" });
    await expect(setDoc(doc(alerts(other.uid), sku), { sku, createdAt: serverTimestamp() })).rejects.toMatchObject({ code: "permission-denied" });
    await subscribe(c, sku);
    await deleteDoc(doc(alerts(c.uid), sku));
    expect((await profileRef(c.uid).collection(CustomerSubcollections.alerts).get()).size).toBe(0);
  });
});
