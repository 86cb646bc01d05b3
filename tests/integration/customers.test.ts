import { afterAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { EmailAuthProvider, linkWithCredential } from "firebase/auth";
import { doc, getDoc, serverTimestamp, setDoc, updateDoc } from "firebase/firestore";
import { Timestamp } from "firebase-admin/firestore";
import { Collections, CustomerSubcollections, DEFAULT_DISPLAY_NAME, LookupCustomerOutputSchema } from "@showroom/model";
import { adminDb } from "../../scripts/lib/admin.js";
import { expectCallableError } from "../support/clients.js";
import { recordProfileChange } from "../../functions/src/customers/profile-audit.js";
import { auditFor, client, clients, editProfile, eventually, profileOf, profileRef, shopper } from "./customers-support.js";

afterAll(() => Promise.all(clients.map((c) => c.close())));

const address = { id: "home", name: "Ada Lovelace", line1: "1 Loom St", city: "Leeds", postalCode: "LS1 1AA", country: "GB", phone: "+44 113 496 0000" };

async function consentEvents(uid: string) {
  const snap = await profileRef(uid).collection(CustomerSubcollections.consentEvents).orderBy("at").get();
  return snap.docs.map((d) => d.data());
}

describe("profiles on sign-up", () => {
  it("creates a profile with the account's email and no consent for a new email user", async () => {
    const email = `ada-${randomUUID().slice(0, 8)}@test.showroom`;
    const c = await client({ kind: "user", email });
    const profile = await profileOf(c.uid!);
    expect(profile).toMatchObject({
      uid: c.uid,
      email,
      displayName: DEFAULT_DISPLAY_NAME,
      addresses: [],
      marketing: { email: { granted: false }, sms: { granted: false } },
    });
    expect(profile.createdAt).toBeDefined();
    // The owner reads it through the rules.
    expect((await getDoc(doc(c.db, Collections.customers, c.uid!))).data()).toMatchObject({ email });
  });

  it("creates a profile without an email for a guest", async () => {
    const guest = await client({ kind: "anonymous" });
    const profile = await profileOf(guest.uid!);
    expect(profile).toMatchObject({ uid: guest.uid, displayName: DEFAULT_DISPLAY_NAME });
    expect(profile).not.toHaveProperty("email");
  });

  it("fills the email from the verified token when a guest links an email account (syncMyProfile)", async () => {
    const guest = await client({ kind: "anonymous" });
    await profileOf(guest.uid!);
    await editProfile(guest, { displayName: "Grace" });
    const email = `grace-${randomUUID().slice(0, 8)}@test.showroom`;
    await linkWithCredential(guest.auth.currentUser!, EmailAuthProvider.credential(email, "test-password"));
    await guest.auth.currentUser!.getIdToken(true);

    await expect(guest.call("syncMyProfile")).resolves.toEqual({ uid: guest.uid, email, created: false });
    // The customer's own edits survive; only the server-owned email is added.
    expect((await profileRef(guest.uid!).get()).data()).toMatchObject({ uid: guest.uid, email, displayName: "Grace" });
  });

  it("syncMyProfile creates a missing profile and rejects input and signed-out callers", async () => {
    const c = await shopper();
    await profileRef(c.uid).delete();
    await expect(c.call("syncMyProfile")).resolves.toMatchObject({ uid: c.uid, created: true });
    expect((await profileRef(c.uid).get()).exists).toBe(true);
    await expectCallableError(c.call("syncMyProfile", { email: "evil@test.showroom" }), "invalid-argument");
    expect((await profileRef(c.uid).get()).get("email")).not.toBe("evil@test.showroom");
    const signedOut = await client({ kind: "signed-out" });
    await expectCallableError(signedOut.call("syncMyProfile"), "unauthenticated");
  });
});

describe("editing a profile", () => {
  it("lets the owner edit name, phone, addresses and consent", async () => {
    const c = await shopper();
    await editProfile(c, {
      displayName: "Ada",
      phone: "+44 113 496 0001",
      addresses: [address],
      marketing: { email: { granted: true }, sms: { granted: false } },
    });
    expect((await profileRef(c.uid).get()).data()).toMatchObject({ displayName: "Ada", phone: "+44 113 496 0001", addresses: [address] });
  });

  it("accepts a full address book of 10", async () => {
    const c = await shopper();
    const book = Array.from({ length: 10 }, (_, i) => ({ ...address, id: `a${i}`, label: `Place ${i}`, line2: "Flat 2" }));
    await editProfile(c, { addresses: book });
    expect((await profileRef(c.uid).get()).get("addresses")).toHaveLength(10);
  });

  it("refuses server-owned fields, invalid values and other people's profiles", async () => {
    const c = await shopper();
    const other = await shopper();
    const mine = doc(c.db, Collections.customers, c.uid);
    await expect(updateDoc(mine, { email: "x@test.showroom", updatedAt: serverTimestamp() })).rejects.toMatchObject({ code: "permission-denied" });
    await expect(updateDoc(mine, { phone: "call me", updatedAt: serverTimestamp() })).rejects.toMatchObject({ code: "permission-denied" });
    await expect(
      updateDoc(mine, { addresses: Array.from({ length: 11 }, (_, i) => ({ ...address, id: `a${i}` })), updatedAt: serverTimestamp() }),
    ).rejects.toMatchObject({
      code: "permission-denied",
    });
    await expect(updateDoc(doc(c.db, Collections.customers, other.uid), { displayName: "Mallory", updatedAt: serverTimestamp() })).rejects.toMatchObject({
      code: "permission-denied",
    });
    await expect(
      setDoc(doc(c.db, Collections.customers, c.uid, CustomerSubcollections.consentEvents, "forged"), { channel: "email", granted: true }),
    ).rejects.toMatchObject({
      code: "permission-denied",
    });
    expect((await profileRef(c.uid).get()).get("email")).not.toBe("x@test.showroom");
  });
});

describe("consent history and profile audit", () => {
  it("records a timestamped consent event per channel change, and audits field names without values", async () => {
    const c = await shopper();
    await editProfile(c, { marketing: { email: { granted: true }, sms: { granted: false } } });
    await eventually(async () => ((await consentEvents(c.uid)).length === 1 ? true : undefined), "the first consent event");
    await editProfile(c, { marketing: { email: { granted: false }, sms: { granted: true } }, phone: "+1 555 0100 22" });
    const events = await eventually(async () => {
      const list = await consentEvents(c.uid);
      return list.length === 3 ? list : undefined;
    }, "three consent events");
    expect(events.map(({ channel, granted, source }) => ({ channel, granted, source }))).toEqual([
      { channel: "email", granted: true, source: "customer" },
      expect.objectContaining({ granted: expect.any(Boolean) }),
      expect.objectContaining({ granted: expect.any(Boolean) }),
    ]);
    expect(
      events
        .slice(1)
        .map((e) => `${e.channel}:${e.granted}`)
        .sort(),
    ).toEqual(["email:false", "sms:true"]);
    for (const e of events) expect(e.at).toBeDefined();
    // The owner reads their history through the rules.
    const first = (await profileRef(c.uid).collection(CustomerSubcollections.consentEvents).limit(1).get()).docs[0]!;
    expect((await getDoc(doc(c.db, Collections.customers, c.uid, CustomerSubcollections.consentEvents, first.id))).data()).toMatchObject({
      channel: first.get("channel"),
    });

    const audit = await eventually(async () => {
      const list = (await auditFor(c.uid)).filter((a) => a.action === "customer.profile.update");
      return list.length === 2 ? list : undefined;
    }, "two profile audit entries");
    expect(audit.map((a) => a.after.fields).sort()).toEqual([["marketing"], ["marketing", "phone"]]);
    for (const a of audit) expect(a.actorUid).toBe(c.uid);
    expect(JSON.stringify(audit)).not.toContain("+1 555 0100 22");
  });

  it("audits the profile's creation by the system, naming fields only", async () => {
    const c = await shopper();
    const created = await eventually(async () => (await auditFor(c.uid)).find((a) => a.action === "customer.profile.create"), "the creation audit");
    expect(created).toMatchObject({ actorUid: "system", after: { fields: expect.arrayContaining(["email", "uid", "displayName"]) } });
    expect(JSON.stringify(created)).not.toContain("@test.showroom");
  });

  it("writes nothing twice when the same event is delivered twice", async () => {
    const c = await shopper();
    const before = (await profileRef(c.uid).get()).data();
    const after = { ...before, phone: "+1 555 0100 33", marketing: { email: { granted: true }, sms: { granted: true } } };
    const event = { eventId: `dup-${randomUUID()}`, uid: c.uid, before, after };
    await recordProfileChange(adminDb(), event);
    await recordProfileChange(adminDb(), event);
    const events = (await consentEvents(c.uid)).filter((e) => e.source === "customer");
    expect(events.map((e) => e.channel).sort()).toEqual(["email", "sms"]);
    const audits = (await auditFor(c.uid)).filter((a) => a.action === "customer.profile.update");
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after.fields).toEqual(["marketing", "phone"]);
  });

  it("writes nothing for an event about a profile that has been erased", async () => {
    const c = await shopper();
    const before = (await profileRef(c.uid).get()).data();
    // The profile's own creation event writes an audit entry: let it land before counting.
    await eventually(
      async () => ((await auditFor(c.uid)).some((a) => a.action === "customer.profile.create") ? true : undefined),
      "the profile's creation audit",
    );
    await adminDb().recursiveDelete(profileRef(c.uid));
    const auditsBefore = (await auditFor(c.uid)).length;
    await recordProfileChange(adminDb(), { eventId: `late-${randomUUID()}`, uid: c.uid, before, after: { ...before, phone: "+1 555 0100 44" } });
    expect((await auditFor(c.uid)).length).toBe(auditsBefore);
    expect((await profileRef(c.uid).collection(CustomerSubcollections.consentEvents).get()).size).toBe(0);
  });
});

describe("lookupCustomer (staff)", () => {
  it("returns the profile and orders and audits the read before answering", async () => {
    const email = `lookup-${randomUUID().slice(0, 8)}@test.showroom`;
    const c = await shopper({ kind: "user", email });
    await editProfile(c, { displayName: "Lin", phone: "+1 555 0100 55", addresses: [address] });
    await adminDb()
      .collection(Collections.orders)
      .doc(`lookup-${c.uid}`)
      .set({
        uid: c.uid,
        lines: [{ sku: "SOF-1", productId: "p", name: "Sofa", label: "Grey", quantity: 1, unitPriceCents: 1000, lineTotalCents: 1000, allocations: [] }],
        totalCents: 1000,
        currency: "USD",
        status: "placed",
        shipping: address,
        idempotencyKey: "key-lookup",
        createdAt: Timestamp.now(),
      });
    const staff = await client({ kind: "user", role: "staff" });
    const result = await staff.call("lookupCustomer", { email });
    expect(LookupCustomerOutputSchema.parse(result)).toMatchObject({
      customer: {
        uid: c.uid,
        email,
        displayName: "Lin",
        phone: "+1 555 0100 55",
        addresses: [expect.objectContaining({ id: "home" })],
        marketing: { email: false, sms: false },
      },
      orders: [{ orderId: `lookup-${c.uid}`, status: "placed", totalCents: 1000, currency: "USD", lines: [{ sku: "SOF-1", name: "Sofa", quantity: 1 }] }],
    });
    const audits = (await auditFor(c.uid)).filter((a) => a.action === "customer.lookup");
    expect(audits).toEqual([expect.objectContaining({ actorUid: staff.uid, actorRole: "staff", after: { orders: 1 } })]);
    expect(JSON.stringify(audits)).not.toContain(email);
  });

  it("refuses shoppers and guests, and answers not-found for an unknown email without auditing", async () => {
    const c = await shopper();
    const email = (await profileRef(c.uid).get()).get("email") as string;
    for (const persona of [{ kind: "user" }, { kind: "anonymous" }] as const) {
      const caller = await client(persona);
      await expectCallableError(caller.call("lookupCustomer", { email }), "permission-denied");
    }
    const staff = await client({ kind: "user", role: "staff" });
    await expectCallableError(staff.call("lookupCustomer", { email: `nobody-${randomUUID().slice(0, 8)}@test.showroom` }), "not-found", {
      reason: "unknown-customer",
    });
    await expectCallableError(staff.call("lookupCustomer", { email: "not an email" }), "invalid-argument");
    expect((await auditFor(c.uid)).filter((a) => a.action === "customer.lookup")).toEqual([]);
  });
});
