/**
 * The daily clean-up of anonymous accounts, run through its schedule on the
 * emulators: an anonymous account idle past the limit that never ordered is
 * erased (Auth user and profile); one that ordered, a recent one and an old
 * account with an email stay. Old accounts are made with `importUsers`, which
 * sets their creation and last sign-in times.
 */
import { randomUUID } from "node:crypto";
import { afterAll, expect, it } from "vitest";
import { Collections } from "@showroom/model";
import { adminAuth, adminDb } from "../../scripts/lib/admin.js";
import { triggerSchedule } from "../../scripts/lib/schedules.js";
import { client, clients, eventually } from "./customers-support.js";
import { createProduct, shipping, uniqueKey } from "./inventory-fixtures.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const longAgo = new Date(Date.now() - 40 * DAY_MS).toUTCString();

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

const exists = async (uid: string) =>
  (await adminAuth()
    .getUser(uid)
    .catch(() => null)) !== null;

async function importOld(uid: string, email?: string): Promise<void> {
  const result = await adminAuth().importUsers([{ uid, email, metadata: { creationTime: longAgo, lastSignInTime: longAgo } }]);
  expect(result.errors).toEqual([]);
  // A profile, as the sign-up trigger writes one.
  await adminDb()
    .collection(Collections.customers)
    .doc(uid)
    .set({ uid, consent: { marketingEmail: false } }, { merge: true });
}

it("erases idle anonymous accounts that never ordered, and keeps the rest", async () => {
  const idle = `anon-idle-${randomUUID()}`;
  await importOld(idle);
  const withEmail = `old-email-${randomUUID()}`;
  await importOld(withEmail, `${withEmail}@example.com`);

  // A guest who ordered 40 days ago: a real order, then the account re-made with old times.
  const buyer = await client({ kind: "anonymous" });
  const { skus } = await createProduct([{ main: 3 }]);
  await buyer.call("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku: skus[0]!, quantity: 1 }], shipping });
  const buyerUid = buyer.uid!;
  await adminAuth().deleteUser(buyerUid);
  await importOld(buyerUid);

  const recentUid = (await client({ kind: "anonymous" })).uid!;

  await triggerSchedule("cleanUpAnonymousAccounts");
  await eventually(async () => ((await exists(idle)) ? undefined : true), "the idle guest to be erased", 90_000);
  await eventually(async () => ((await adminDb().collection(Collections.customers).doc(idle).get()).exists ? undefined : true), "its profile to go");

  expect(await exists(buyerUid)).toBe(true);
  expect(await exists(withEmail)).toBe(true);
  expect(await exists(recentUid)).toBe(true);
  const orders = await adminDb().collection(Collections.orders).where("uid", "==", buyerUid).get();
  expect(orders.size).toBe(1);
});
