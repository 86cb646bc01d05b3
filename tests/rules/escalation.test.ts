/**
 * Privilege escalation and bad writes: every case here must be refused by
 * firestore.rules. Each group has a positive control so a refusal is about the
 * forbidden part, not a broken fixture.
 */
import { assertFails, assertSucceeds, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import {
  collection,
  deleteDoc,
  deleteField,
  doc,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  Timestamp,
  updateDoc,
  where,
  type DocumentData,
  type Firestore,
} from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AccessMatrix, type Persona } from "./access-matrix.js";
import { firestoreAs, startRulesEnv, stopRulesEnv } from "./support.js";

let env: RulesTestEnvironment;
beforeAll(async () => {
  env = await startRulesEnv();
});
afterAll(() => stopRulesEnv(env, "escalation"));

/** The matrix's documents, plus a customer profile and order for bob. */
const seed: Record<string, DocumentData> = Object.assign({}, ...AccessMatrix.map((row) => row.seed));
beforeEach(async () => {
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore() as unknown as Firestore;
    await Promise.all(Object.entries(seed).map(([path, data]) => setDoc(doc(db, path), data)));
    await setDoc(doc(db, "customers/bob"), { ...seed["customers/alice"], uid: "bob", email: "bob@showroom.test" });
  });
});

const as = (persona: Persona) => firestoreAs(env, persona);

interface Case {
  name: string;
  persona: Persona;
  /** Signs in as this uid instead of the persona's (a shopper with no profile yet). */
  uid?: string;
  attempt: (db: Firestore) => Promise<unknown>;
}

/** Registers one test per case, each asserting a permission-denied refusal. */
function refuses(cases: Case[]): void {
  for (const c of cases) {
    it(`refuses: ${c.name}`, async () => {
      const db = c.uid ? (env.authenticatedContext(c.uid).firestore() as unknown as Firestore) : as(c.persona);
      await assertFails(c.attempt(db));
    });
  }
  escalationCaseCount += cases.length;
}
let escalationCaseCount = 0;

const now = serverTimestamp;
const past = Timestamp.fromDate(new Date(Date.UTC(2020, 0, 1)));
const validAddress = { id: "home", name: "Alice Archer", line1: "1 Elm St", city: "Springfield", postalCode: "12345", country: "US" };
const validProfile = () => ({
  displayName: "Alice Archer",
  addresses: [validAddress],
  marketing: { email: { granted: true }, sms: { granted: false } },
  updatedAt: now(),
});

describe("roles cannot be granted from a client", () => {
  it("control: alice may update her own editable fields", async () => {
    await assertSucceeds(updateDoc(doc(as("alice"), "customers/alice"), { displayName: "Alice A", updatedAt: now() }));
  });
  refuses([
    {
      name: "a shopper setting role on her profile",
      persona: "alice",
      attempt: (db) => updateDoc(doc(db, "customers/alice"), { role: "admin", updatedAt: now() }),
    },
    {
      name: "a shopper creating her profile with a role",
      persona: "alice",
      uid: "alice-new",
      attempt: (db) => setDoc(doc(db, "customers/alice-new"), { ...validProfile(), role: "admin" }),
    },
    { name: "a shopper setting isAdmin", persona: "alice", attempt: (db) => updateDoc(doc(db, "customers/alice"), { isAdmin: true, updatedAt: now() }) },
    {
      name: "a shopper writing her role-change signal",
      persona: "alice",
      attempt: (db) => setDoc(doc(db, "roleChanges/alice"), { role: "admin", updatedAt: now() }),
    },
    { name: "a shopper changing her uid", persona: "alice", attempt: (db) => updateDoc(doc(db, "customers/alice"), { uid: "bob", updatedAt: now() }) },
    {
      name: "a shopper changing her email",
      persona: "alice",
      attempt: (db) => updateDoc(doc(db, "customers/alice"), { email: "ceo@showroom.test", updatedAt: now() }),
    },
    { name: "a shopper changing createdAt", persona: "alice", attempt: (db) => updateDoc(doc(db, "customers/alice"), { createdAt: past, updatedAt: now() }) },
    {
      name: "a guest writing another user's profile",
      persona: "guest",
      attempt: (db) => updateDoc(doc(db, "customers/alice"), { displayName: "Gina", updatedAt: now() }),
    },
    { name: "bob editing alice's profile", persona: "bob", attempt: (db) => updateDoc(doc(db, "customers/alice"), { displayName: "Bob", updatedAt: now() }) },
    { name: "bob creating a profile under alice's uid", persona: "bob", attempt: (db) => setDoc(doc(db, "customers/alice-2"), validProfile()) },
    {
      name: "a user with a forged `admin: true` claim writing the audit log",
      persona: "alice",
      attempt: () => setDoc(doc(env.authenticatedContext("alice", { admin: true }).firestore() as unknown as Firestore, "auditLog/x"), { action: "x" }),
    },
  ]);

  it("treats a mis-cased or non-string role claim as no role", async () => {
    for (const role of ["Admin", "STAFF", ["admin"], { admin: true }, true]) {
      const db = env.authenticatedContext(`odd-${JSON.stringify(role)}`, { role } as Record<string, unknown>).firestore() as unknown as Firestore;
      await assertFails(getDoc(doc(db, "inventory/SOF-ALBA-3S-VELVET")));
      await assertFails(getDocs(collection(db, "auditLog")));
    }
    escalationCaseCount += 10;
  });
});

describe("orders are server-owned", () => {
  it("control: alice reads her order and lists her orders by uid", async () => {
    await assertSucceeds(getDoc(doc(as("alice"), "orders/o-alice")));
    const mine = await assertSucceeds(getDocs(query(collection(as("alice"), "orders"), where("uid", "==", "alice"))));
    expect(mine.docs.map((d) => d.id)).toEqual(["o-alice"]);
  });
  refuses([
    { name: "the owner changing uid on her order", persona: "alice", attempt: (db) => updateDoc(doc(db, "orders/o-alice"), { uid: "bob" }) },
    { name: "the owner changing the total", persona: "alice", attempt: (db) => updateDoc(doc(db, "orders/o-alice"), { totalCents: 1 }) },
    {
      name: "the owner changing a line price",
      persona: "alice",
      attempt: (db) =>
        updateDoc(doc(db, "orders/o-alice"), { lines: [{ ...(seed["orders/o-alice"]!.lines as DocumentData[])[0], unitPriceCents: 1, lineTotalCents: 1 }] }),
    },
    { name: "the owner cancelling by writing status", persona: "alice", attempt: (db) => updateDoc(doc(db, "orders/o-alice"), { status: "cancelled" }) },
    {
      name: "the owner marking it delivered with a merge",
      persona: "alice",
      attempt: (db) => setDoc(doc(db, "orders/o-alice"), { status: "delivered" }, { merge: true }),
    },
    { name: "the owner deleting her order", persona: "alice", attempt: (db) => deleteDoc(doc(db, "orders/o-alice")) },
    {
      name: "a shopper creating an order directly",
      persona: "alice",
      attempt: (db) => setDoc(doc(db, "orders/o-free"), { ...seed["orders/o-alice"], totalCents: 0 }),
    },
    {
      name: "a guest creating an order directly",
      persona: "guest",
      attempt: (db) => setDoc(doc(db, "orders/o-guest"), { ...seed["orders/o-alice"], uid: "guest-gina" }),
    },
    { name: "bob reading alice's order", persona: "bob", attempt: (db) => getDoc(doc(db, "orders/o-alice")) },
    { name: "bob listing alice's orders by uid", persona: "bob", attempt: (db) => getDocs(query(collection(db, "orders"), where("uid", "==", "alice"))) },
    { name: "a shopper listing orders without a uid filter", persona: "alice", attempt: (db) => getDocs(collection(db, "orders")) },
    {
      name: "a shopper listing orders by status only",
      persona: "alice",
      attempt: (db) => getDocs(query(collection(db, "orders"), where("status", "==", "placed"))),
    },
    {
      name: "a shopper listing orders with a uid `in` that includes another user",
      persona: "alice",
      attempt: (db) => getDocs(query(collection(db, "orders"), where("uid", "in", ["alice", "bob"]))),
    },
    {
      name: "a shopper listing the latest orders",
      persona: "alice",
      attempt: (db) => getDocs(query(collection(db, "orders"), orderBy("createdAt", "desc"), limit(5))),
    },
    { name: "a guest listing orders without a filter", persona: "guest", attempt: (db) => getDocs(collection(db, "orders")) },
    { name: "signed out reading an order", persona: "signedOut", attempt: (db) => getDoc(doc(db, "orders/o-alice")) },
    { name: "staff changing order status directly", persona: "staff", attempt: (db) => updateDoc(doc(db, "orders/o-alice"), { status: "fulfilled" }) },
    { name: "admin changing an order total directly", persona: "admin", attempt: (db) => updateDoc(doc(db, "orders/o-alice"), { totalCents: 0 }) },
  ]);
});

describe("stock and prices are server-owned", () => {
  const sku = "SOF-ALBA-3S-VELVET";
  refuses([
    { name: "a shopper raising available", persona: "alice", attempt: (db) => updateDoc(doc(db, `stock/${sku}`), { available: 999 }) },
    {
      name: "a shopper overwriting a stock document",
      persona: "alice",
      attempt: (db) => setDoc(doc(db, `stock/${sku}`), { sku, available: 999, status: "in_stock" }),
    },
    { name: "a shopper deleting a stock document", persona: "alice", attempt: (db) => deleteDoc(doc(db, `stock/${sku}`)) },
    { name: "a guest creating stock for a new SKU", persona: "guest", attempt: (db) => setDoc(doc(db, "stock/NEW-SKU"), { sku: "NEW-SKU", available: 5 }) },
    {
      name: "a shopper writing the availability summary",
      persona: "alice",
      attempt: (db) => updateDoc(doc(db, "productStock/p-alba"), { [`skus.${sku}.available`]: 999 }),
    },
    {
      name: "a shopper cutting a price",
      persona: "alice",
      attempt: (db) => updateDoc(doc(db, "products/p-alba"), { variants: [{ sku, label: "Velvet", options: {}, priceCents: 1 }] }),
    },
    { name: "a shopper adding on-hand units", persona: "alice", attempt: (db) => updateDoc(doc(db, `inventory/${sku}`), { "locations.main.onHand": 999 }) },
    { name: "a shopper reading per-location inventory", persona: "alice", attempt: (db) => getDoc(doc(db, `inventory/${sku}`)) },
    {
      name: "a shopper appending a ledger entry",
      persona: "alice",
      attempt: (db) => setDoc(doc(db, "stockLedger/mine"), { sku, delta: 999, reason: "receive" }),
    },
    { name: "a shopper reading the ledger", persona: "alice", attempt: (db) => getDocs(collection(db, "stockLedger")) },
    {
      name: "a shopper extending her hold",
      persona: "alice",
      attempt: (db) => updateDoc(doc(db, "holds/h-alice"), { expiresAt: Timestamp.fromDate(new Date(Date.UTC(2099, 0, 1))) }),
    },
    { name: "a shopper reading holds", persona: "alice", attempt: (db) => getDocs(query(collection(db, "holds"), where("uid", "==", "alice"))) },
    { name: "a shopper reading idempotency keys", persona: "alice", attempt: (db) => getDoc(doc(db, "orderKeys/alice_key-000001")) },
    { name: "staff writing stock directly (adjustStock is the way)", persona: "staff", attempt: (db) => updateDoc(doc(db, `stock/${sku}`), { available: 0 }) },
    { name: "staff writing inventory directly", persona: "staff", attempt: (db) => updateDoc(doc(db, `inventory/${sku}`), { "locations.main.onHand": 0 }) },
    {
      name: "staff editing a product directly (upsertProduct is the way)",
      persona: "staff",
      attempt: (db) => updateDoc(doc(db, "products/p-alba"), { name: "Renamed" }),
    },
    { name: "admin writing stock directly", persona: "admin", attempt: (db) => setDoc(doc(db, `stock/${sku}`), { available: 0 }, { merge: true }) },
  ]);
});

describe("the audit log is append-only and server-written", () => {
  it("control: staff and admin read it", async () => {
    await assertSucceeds(getDocs(collection(as("staff"), "auditLog")));
    await assertSucceeds(getDoc(doc(as("admin"), "auditLog/a1")));
  });
  refuses([
    {
      name: "admin appending an entry",
      persona: "admin",
      attempt: (db) => setDoc(doc(db, "auditLog/forged"), { actorUid: "ada-admin", action: "role.set", at: now() }),
    },
    { name: "admin editing an entry", persona: "admin", attempt: (db) => updateDoc(doc(db, "auditLog/a1"), { actorUid: "someone-else" }) },
    { name: "admin deleting an entry", persona: "admin", attempt: (db) => deleteDoc(doc(db, "auditLog/a1")) },
    { name: "staff appending an entry", persona: "staff", attempt: (db) => setDoc(doc(db, "auditLog/forged"), { action: "stock.adjust" }) },
    { name: "staff erasing what they did", persona: "staff", attempt: (db) => deleteDoc(doc(db, "auditLog/a1")) },
    { name: "staff rewriting the before/after", persona: "staff", attempt: (db) => setDoc(doc(db, "auditLog/a1"), { before: null }, { merge: true }) },
    { name: "a shopper reading the audit log", persona: "alice", attempt: (db) => getDocs(collection(db, "auditLog")) },
    {
      name: "a shopper reading entries about herself",
      persona: "alice",
      attempt: (db) => getDocs(query(collection(db, "auditLog"), where("target.id", "==", "alice"))),
    },
    { name: "a guest appending an entry", persona: "guest", attempt: (db) => setDoc(doc(db, "auditLog/forged"), { action: "x" }) },
  ]);
});

describe("staff cannot do admin-only or customer-private things", () => {
  refuses([
    {
      name: "staff reading a customer profile directly (the audited callable is the way)",
      persona: "staff",
      attempt: (db) => getDoc(doc(db, "customers/alice")),
    },
    { name: "staff listing customers", persona: "staff", attempt: (db) => getDocs(collection(db, "customers")) },
    { name: "admin reading a customer profile directly", persona: "admin", attempt: (db) => getDoc(doc(db, "customers/alice")) },
    { name: "staff reading a customer's consent history", persona: "staff", attempt: (db) => getDocs(collection(db, "customers/alice/consentEvents")) },
    {
      name: "staff granting themselves admin via the role signal",
      persona: "staff",
      attempt: (db) => setDoc(doc(db, "roleChanges/sam-staff"), { role: "admin", updatedAt: now() }),
    },
    { name: "staff reading someone else's role signal", persona: "staff", attempt: (db) => getDoc(doc(db, "roleChanges/alice")) },
    {
      name: "staff editing a customer profile",
      persona: "staff",
      attempt: (db) => updateDoc(doc(db, "customers/alice"), { displayName: "Edited by staff", updatedAt: now() }),
    },
    {
      name: "staff sending a customer a notification",
      persona: "staff",
      attempt: (db) => setDoc(doc(db, "customers/alice/notifications/n-x"), { kind: "promo" }),
    },
    { name: "staff deleting a customer", persona: "staff", attempt: (db) => deleteDoc(doc(db, "customers/alice")) },
  ]);
});

describe("another customer's data stays private", () => {
  refuses([
    { name: "bob reading alice's profile", persona: "bob", attempt: (db) => getDoc(doc(db, "customers/alice")) },
    { name: "bob listing all profiles", persona: "bob", attempt: (db) => getDocs(collection(db, "customers")) },
    {
      name: "bob listing profiles by email",
      persona: "bob",
      attempt: (db) => getDocs(query(collection(db, "customers"), where("email", "==", "alice@showroom.test"))),
    },
    { name: "bob reading alice's alerts", persona: "bob", attempt: (db) => getDocs(collection(db, "customers/alice/alerts")) },
    { name: "bob reading alice's notifications", persona: "bob", attempt: (db) => getDocs(collection(db, "customers/alice/notifications")) },
    {
      name: "bob stamping alice's notification read",
      persona: "bob",
      attempt: (db) => updateDoc(doc(db, "customers/alice/notifications/n1"), { readAt: now() }),
    },
    {
      name: "bob subscribing alice to an alert",
      persona: "bob",
      attempt: (db) => setDoc(doc(db, "customers/alice/alerts/LMP-ORB-BRASS"), { sku: "LMP-ORB-BRASS", createdAt: now() }),
    },
    { name: "bob deleting alice's alert", persona: "bob", attempt: (db) => deleteDoc(doc(db, "customers/alice/alerts/SOF-ALBA-3S-VELVET")) },
    { name: "bob reading alice's consent history", persona: "bob", attempt: (db) => getDoc(doc(db, "customers/alice/consentEvents/c1")) },
    { name: "bob reading alice's role signal", persona: "bob", attempt: (db) => getDoc(doc(db, "roleChanges/alice")) },
    { name: "a guest reading alice's profile", persona: "guest", attempt: (db) => getDoc(doc(db, "customers/alice")) },
    { name: "signed out reading alice's profile", persona: "signedOut", attempt: (db) => getDoc(doc(db, "customers/alice")) },
  ]);
});

/** An update of alice's profile with `patch`; `updatedAt` is the request time unless the patch says otherwise. */
const patchProfile = (patch: DocumentData) => (db: Firestore) => updateDoc(doc(db, "customers/alice"), { updatedAt: now(), ...patch });
const createProfile = (data: DocumentData) => (db: Firestore) => setDoc(doc(db, "customers/alice-new"), data);
const address = (patch: DocumentData) => ({ ...validAddress, ...patch });

describe("the customer profile is typed and bounded", () => {
  it("control: alice creates a complete profile with ten full addresses, replaces them and removes her phone", async () => {
    // Ten addresses with every field at its longest is the costliest write the rules must still allow.
    const ten = (tag: string) =>
      Array.from({ length: 10 }, (_, i) =>
        address({
          id: `${tag}${i}`,
          label: "L".repeat(40),
          name: "N".repeat(100),
          line1: "1".repeat(200),
          line2: "2".repeat(200),
          city: "C".repeat(100),
          postalCode: "P".repeat(20),
          phone: "+44 20 7946 0000",
        }),
      );
    const aliceNew = env.authenticatedContext("alice-new").firestore() as unknown as Firestore;
    await assertSucceeds(setDoc(doc(aliceNew, "customers/alice-new"), { ...validProfile(), addresses: ten("a"), phone: "+1 (555) 010-0100" }));
    await assertSucceeds(
      updateDoc(doc(as("alice"), "customers/alice"), { addresses: ten("b"), phone: "555-0100", displayName: "D".repeat(100), updatedAt: now() }),
    );
    await assertSucceeds(updateDoc(doc(as("alice"), "customers/alice"), { phone: deleteField(), updatedAt: now() }));
  });

  const cases: Case[] = [
    { name: "no updatedAt", persona: "alice", attempt: (db) => updateDoc(doc(db, "customers/alice"), { displayName: "A" }) },
    { name: "updatedAt from the client clock", persona: "alice", attempt: patchProfile({ updatedAt: Timestamp.now() }) },
    { name: "updatedAt in the past", persona: "alice", attempt: patchProfile({ updatedAt: past }) },
    { name: "displayName of the wrong type", persona: "alice", attempt: patchProfile({ displayName: 42 }) },
    { name: "a blank displayName", persona: "alice", attempt: patchProfile({ displayName: "   " }) },
    { name: "an untrimmed displayName (clients write the schema's trimmed output)", persona: "alice", attempt: patchProfile({ displayName: " Alice" }) },
    { name: "an empty displayName", persona: "alice", attempt: patchProfile({ displayName: "" }) },
    { name: "a 101-character displayName", persona: "alice", attempt: patchProfile({ displayName: "x".repeat(101) }) },
    { name: "a 100 kB displayName", persona: "alice", attempt: patchProfile({ displayName: "x".repeat(100_000) }) },
    { name: "removing displayName", persona: "alice", attempt: patchProfile({ displayName: deleteField() }) },
    { name: "a phone with letters", persona: "alice", attempt: patchProfile({ phone: "call me" }) },
    { name: "a phone as a number", persona: "alice", attempt: patchProfile({ phone: 5550100 }) },
    { name: "a 26-digit phone", persona: "alice", attempt: patchProfile({ phone: "1".repeat(26) }) },
    { name: "addresses as a map", persona: "alice", attempt: patchProfile({ addresses: { home: validAddress } }) },
    { name: "eleven addresses", persona: "alice", attempt: patchProfile({ addresses: Array.from({ length: 11 }, (_, i) => address({ id: `a${i}` })) }) },
    { name: "an address with an extra key", persona: "alice", attempt: patchProfile({ addresses: [address({ isDefault: true })] }) },
    {
      name: "an address without line1",
      persona: "alice",
      attempt: patchProfile({ addresses: [{ id: "x", name: "A", city: "B", postalCode: "1", country: "US" }] }),
    },
    {
      name: "an address without an id",
      persona: "alice",
      attempt: patchProfile({ addresses: [{ name: "A", line1: "1 Elm St", city: "B", postalCode: "1", country: "US" }] }),
    },
    { name: "an address with a 101-character name", persona: "alice", attempt: patchProfile({ addresses: [address({ name: "x".repeat(101) })] }) },
    { name: "an address with a 201-character line2", persona: "alice", attempt: patchProfile({ addresses: [address({ line2: "x".repeat(201) })] }) },
    { name: "an address with a bad phone", persona: "alice", attempt: patchProfile({ addresses: [address({ phone: "call me" })] }) },
    { name: "an address with a lower-case country", persona: "alice", attempt: patchProfile({ addresses: [address({ country: "us" })] }) },
    { name: "an address with a three-letter country", persona: "alice", attempt: patchProfile({ addresses: [address({ country: "USA" })] }) },
    { name: "an address with a 201-character line1", persona: "alice", attempt: patchProfile({ addresses: [address({ line1: "x".repeat(201) })] }) },
    { name: "an address with a blank city", persona: "alice", attempt: patchProfile({ addresses: [address({ city: " " })] }) },
    { name: "an address with a bad id", persona: "alice", attempt: patchProfile({ addresses: [address({ id: "../../etc" })] }) },
    { name: "an address with a 41-character label", persona: "alice", attempt: patchProfile({ addresses: [address({ label: "x".repeat(41) })] }) },
    { name: "an address with a numeric postal code", persona: "alice", attempt: patchProfile({ addresses: [address({ postalCode: 12345 })] }) },
    {
      name: "a bad address in the tenth slot",
      persona: "alice",
      attempt: patchProfile({ addresses: [...Array.from({ length: 9 }, (_, i) => address({ id: `a${i}` })), address({ country: 1 })] }),
    },
    { name: "an address that is a string", persona: "alice", attempt: patchProfile({ addresses: ["1 Elm St"] }) },
    { name: "marketing without sms", persona: "alice", attempt: patchProfile({ marketing: { email: { granted: true } } }) },
    {
      name: "marketing with an extra channel",
      persona: "alice",
      attempt: patchProfile({ marketing: { email: { granted: true }, sms: { granted: true }, post: { granted: true } } }),
    },
    { name: "consent granted as a string", persona: "alice", attempt: patchProfile({ marketing: { email: { granted: "yes" }, sms: { granted: false } } }) },
    {
      name: "consent with an extra key",
      persona: "alice",
      attempt: patchProfile({ marketing: { email: { granted: true, by: "staff" }, sms: { granted: false } } }),
    },
    { name: "marketing as a boolean", persona: "alice", attempt: patchProfile({ marketing: true }) },
    { name: "an unknown top-level field", persona: "alice", attempt: patchProfile({ loyaltyPoints: 1_000_000 }) },
    { name: "creating with an unknown field", persona: "alice", attempt: createProfile({ ...validProfile(), vip: true }) },
    { name: "creating with server-owned email", persona: "alice", attempt: createProfile({ ...validProfile(), email: "x@y.z" }) },
    { name: "creating with server-owned createdAt", persona: "alice", attempt: createProfile({ ...validProfile(), createdAt: past }) },
    { name: "creating with a bad address", persona: "alice", attempt: createProfile({ ...validProfile(), addresses: [address({ country: "" })] }) },
    { name: "creating without updatedAt", persona: "alice", attempt: createProfile({ displayName: "A" }) },
  ];
  // createProfile writes customers/alice-new as its owner, as the control does.
  refuses(cases.map((c) => (c.name.startsWith("creating") ? { ...c, uid: "alice-new" } : c)));
});

describe("alerts and notifications accept exactly their shape", () => {
  const alert = (id: string, data: DocumentData) => (db: Firestore) => setDoc(doc(db, `customers/alice/alerts/${id}`), data);
  it("control: alice subscribes with exactly {sku, createdAt} and stamps a notification read", async () => {
    await assertSucceeds(alert("LMP-ORB-BRASS", { sku: "LMP-ORB-BRASS", createdAt: now() })(as("alice")));
    await assertSucceeds(updateDoc(doc(as("alice"), "customers/alice/notifications/n1"), { readAt: now() }));
  });
  refuses([
    { name: "an alert whose sku differs from its id", persona: "alice", attempt: alert("LMP-ORB-BRASS", { sku: "SOF-ALBA-3S-VELVET", createdAt: now() }) },
    { name: "an alert with an extra key", persona: "alice", attempt: alert("LMP-ORB-BRASS", { sku: "LMP-ORB-BRASS", createdAt: now(), priceCents: 1 }) },
    { name: "an alert without createdAt", persona: "alice", attempt: alert("LMP-ORB-BRASS", { sku: "LMP-ORB-BRASS" }) },
    { name: "an alert with a client-clock createdAt", persona: "alice", attempt: alert("LMP-ORB-BRASS", { sku: "LMP-ORB-BRASS", createdAt: past }) },
    { name: "an alert for a lower-case sku", persona: "alice", attempt: alert("lmp-orb", { sku: "lmp-orb", createdAt: now() }) },
    { name: "an alert for a 65-character sku", persona: "alice", attempt: alert("A".repeat(65), { sku: "A".repeat(65), createdAt: now() }) },
    { name: "rewriting an alert", persona: "alice", attempt: (db) => updateDoc(doc(db, "customers/alice/alerts/SOF-ALBA-3S-VELVET"), { createdAt: now() }) },
    {
      name: "a notification update that also changes its text",
      persona: "alice",
      attempt: (db) => updateDoc(doc(db, "customers/alice/notifications/n1"), { readAt: now(), kind: "refund-approved" }),
    },
    {
      name: "a notification readAt from the client clock",
      persona: "alice",
      attempt: (db) => updateDoc(doc(db, "customers/alice/notifications/n1"), { readAt: past }),
    },
    {
      name: "creating a notification",
      persona: "alice",
      attempt: (db) => setDoc(doc(db, "customers/alice/notifications/n-mine"), { kind: "promo", createdAt: now() }),
    },
    { name: "deleting a notification", persona: "alice", attempt: (db) => deleteDoc(doc(db, "customers/alice/notifications/n1")) },
    {
      name: "writing a consent event",
      persona: "alice",
      attempt: (db) => setDoc(doc(db, "customers/alice/consentEvents/c-mine"), { channel: "sms", granted: true, at: now() }),
    },
  ]);
});

afterAll(() => {
  // Reported by the suite so the team notes can quote it.
  console.log(`escalation cases: ${escalationCaseCount}`);
});
