import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Collections, ERASED, OrderSchema, subjectOf } from "@showroom/model";
import { customerErasedEvent } from "../../functions/src/events/build.js";
import { cursorId } from "../../functions/src/events/relay.js";
import { adminAuth, adminDb } from "../../scripts/lib/admin.js";
import { expectCallableError } from "../support/clients.js";
import { client, clients, customerJourney, everyDocument, mentions, profileOf, type Journey, type StoredDocument } from "./customers-support.js";

afterAll(() => Promise.all(clients.map((c) => c.close())));

/**
 * By contract (DESIGN.md) consumers learn who to erase from this one event; its relay cursor and its
 * commit's relay marker (named after it) name its subject.
 */
const announcementOf = (uid: string) =>
  new Set([
    `${Collections.events}/${customerErasedEvent(uid, 0).id}`,
    `${Collections.eventCommits}/${customerErasedEvent(uid, 0).id}`,
    `${Collections.eventCursors}/${cursorId(subjectOf.customer(uid))}`,
    // The webhook consumer's arrival record for the announcement's subject (functions/src/webhooks).
    `${Collections.webhookSubjects}/${cursorId(subjectOf.customer(uid))}`,
  ]);

let alice: Journey;
let bob: Journey;
let after: StoredDocument[];

beforeAll(async () => {
  alice = await customerJourney("alice");
  bob = await customerJourney("bob");
  await expect(alice.shopper.call("deleteMyAccount")).resolves.toEqual({ deleted: true });
  after = await everyDocument();
}, 300_000);

describe("deleteMyAccount", () => {
  it("leaves no document anywhere that contains the uid, the email or a phone number, but the announcement customer.erased { uid }", () => {
    const announcement = announcementOf(alice.shopper.uid);
    for (const needle of [alice.shopper.uid, alice.email, alice.phone, alice.addressPhone]) {
      expect(
        after.filter((d) => mentions(d, needle) && !announcement.has(d.path)).map((d) => d.path),
        needle,
      ).toEqual([]);
    }
  });

  it("announces customer.erased with the uid only, and keeps the past order events with a null uid", async () => {
    const erased = after.find((d) => d.path === `${Collections.events}/${customerErasedEvent(alice.shopper.uid, 0).id}`);
    expect(erased?.data).toMatchObject({ type: "customer.erased", subject: subjectOf.customer(alice.shopper.uid), seq: 1, data: { uid: alice.shopper.uid } });
    const orderEvents = after.filter(
      (d) => d.path.startsWith(`${Collections.events}/`) && alice.orderIds.some((id) => d.data?.subject === subjectOf.order(id)),
    );
    expect(orderEvents.map((d) => [d.data?.type, d.data?.data.uid]).sort()).toEqual([
      ["order.cancelled", null],
      ["order.placed", null],
      ["order.placed", null],
    ]);
  });

  it("deletes the Auth user", async () => {
    await expect(adminAuth().getUser(alice.shopper.uid)).rejects.toMatchObject({ code: "auth/user-not-found" });
  });

  it("keeps the orders for the books, anonymised under one random placeholder", async () => {
    const orders = await Promise.all(alice.orderIds.map(async (id) => (await adminDb().collection(Collections.orders).doc(id).get()).data()));
    const placeholders = new Set(orders.map((o) => o?.uid));
    expect(placeholders.size).toBe(1);
    const [placeholder] = [...placeholders] as [string];
    expect(placeholder).toMatch(/^erased-[0-9a-f]{24}$/);
    for (const order of orders) {
      expect(OrderSchema.safeParse(order).success).toBe(true);
      expect(order?.shipping).toEqual({ name: ERASED, line1: ERASED, city: ERASED, postalCode: ERASED, country: "GB" });
      expect(order?.totalCents).toBeGreaterThan(0);
      expect(order?.statusHistory.map((h: { by: string }) => h.by)).toEqual(expect.arrayContaining([placeholder]));
    }
    expect(orders.map((o) => o?.status).sort()).toEqual(["cancelled", "placed"]);
  });

  it("keeps stock history whole: ledger entries and the active hold stay, under the placeholder", async () => {
    const ledger = await adminDb().collection(Collections.stockLedger).where("sku", "in", [alice.skus.bought, alice.skus.cancelled]).get();
    expect(ledger.docs.map((d) => d.get("reason")).sort()).toEqual(["cancel", "order", "order", "seed", "seed"].sort());
    for (const entry of ledger.docs.filter((d) => d.get("reason") !== "seed")) expect(entry.get("actorUid")).toMatch(/^erased-/);
    const inventory = (await adminDb().collection(Collections.inventory).doc(alice.skus.held).get()).data();
    const holds = Object.values(inventory?.holds ?? {}) as { uid: string; quantity: number }[];
    expect(holds).toEqual([expect.objectContaining({ quantity: 1, uid: expect.stringMatching(/^erased-/) })]);
  });

  it("records one audit entry without personal data", async () => {
    // Other suites erase accounts in the same database: this erasure's entry is the one about alice's placeholder.
    const placeholder = (await adminDb().collection(Collections.orders).doc(alice.orderIds[0]!).get()).get("uid") as string;
    const audit = await adminDb().collection(Collections.auditLog).where("action", "==", "customer.erase").where("target.id", "==", placeholder).get();
    expect(audit.size).toBe(1);
    const entry = audit.docs[0]!.data();
    expect(entry.actorUid).toMatch(/^erased-/);
    expect(entry.after).toMatchObject({ ordersAnonymised: 2 });
  });

  it("leaves the other customer untouched", async () => {
    expect(await profileOf(bob.shopper.uid)).toMatchObject({ email: bob.email, phone: bob.phone });
    for (const id of bob.orderIds) expect((await adminDb().collection(Collections.orders).doc(id).get()).get("uid")).toBe(bob.shopper.uid);
    expect(after.filter((d) => mentions(d, bob.shopper.uid)).length).toBeGreaterThan(10);
    await expect(adminAuth().getUser(bob.shopper.uid)).resolves.toMatchObject({ email: bob.email });
  });

  it("refuses signed-out callers and any input, deleting nothing", async () => {
    const signedOut = await client({ kind: "signed-out" });
    await expectCallableError(signedOut.call("deleteMyAccount"), "unauthenticated");
    await expectCallableError(bob.shopper.call("deleteMyAccount", { uid: alice.shopper.uid }), "invalid-argument");
    await expect(adminAuth().getUser(bob.shopper.uid)).resolves.toBeDefined();
    expect((await adminDb().collection(Collections.customers).doc(bob.shopper.uid).get()).exists).toBe(true);
  });

  it("erases a guest too", async () => {
    const guest = await client({ kind: "anonymous" });
    await profileOf(guest.uid!);
    await guest.call("deleteMyAccount");
    const announcement = announcementOf(guest.uid!);
    expect((await everyDocument()).filter((d) => mentions(d, guest.uid!) && !announcement.has(d.path))).toEqual([]);
    await expect(adminAuth().getUser(guest.uid!)).rejects.toMatchObject({ code: "auth/user-not-found" });
    // everyDocument walks the whole database, which the suites before this one have filled.
  }, 180_000);
});
