/** Shared by the customer-data suites (customers, alerts, export, erasure). */
import { randomUUID } from "node:crypto";
import { Timestamp, type CollectionReference, type DocumentData } from "firebase-admin/firestore";
import { doc, serverTimestamp, setDoc, updateDoc } from "firebase/firestore";
import { Collections, CustomerSubcollections } from "@showroom/model";
import { adminDb } from "../../scripts/lib/admin.js";
import { signIn, type Persona, type TestClient } from "../support/clients.js";
import { notifyBackInStock } from "../../functions/src/customers/back-in-stock.js";
import { createProduct, shipping, uniqueKey } from "./inventory-fixtures.js";

export const clients: TestClient[] = [];
export async function client(persona?: Persona): Promise<TestClient> {
  const c = await signIn(persona);
  clients.push(c);
  return c;
}

/** Polls until `read` returns something other than undefined (triggers run asynchronously). */
export async function eventually<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * A fixed wait, for the few negative checks of the event consumers (a redelivered
 * or a guest's event writes nothing) that have no completion signal to wait on yet.
 * Issue #16 removed it from the customer suites; the mail and webhook suites still
 * use it (noted as left in the session note) until the consumers record per-event receipts.
 */
export async function settle(ms = 2_500): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

export const profileRef = (uid: string) => adminDb().collection(Collections.customers).doc(uid);

export async function profileOf(uid: string): Promise<DocumentData> {
  return eventually(async () => (await profileRef(uid).get()).data(), `the profile of ${uid}`);
}

/** A signed-in shopper whose profile the Auth trigger has created. */
export async function shopper(persona: Persona = { kind: "user" }): Promise<TestClient & { uid: string }> {
  const c = await client(persona);
  await profileOf(c.uid!);
  return c as TestClient & { uid: string };
}

/** The owner edits their own profile through the rules, as the account page does. */
export async function editProfile(c: TestClient, patch: Record<string, unknown>): Promise<void> {
  await updateDoc(doc(c.db, Collections.customers, c.uid!), { ...patch, updatedAt: serverTimestamp() });
}

export async function subscribe(c: TestClient, sku: string): Promise<void> {
  await setDoc(doc(c.db, Collections.customers, c.uid!, CustomerSubcollections.alerts, sku), { sku, createdAt: serverTimestamp() });
}

export const uniqueSku = (prefix = "ALR") => `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;

/** A SKU's public stock document in a given state, written as the inventory engine would. */
export async function setStock(sku: string, status: string, available: number): Promise<void> {
  await adminDb()
    .collection(Collections.stock)
    .doc(sku)
    .set({ sku, productId: `p-${sku}`, status, available, updatedAt: Timestamp.now() });
}

export async function auditFor(uid: string): Promise<DocumentData[]> {
  const snap = await adminDb().collection(Collections.auditLog).where("target.id", "==", uid).get();
  return snap.docs.map((d) => d.data());
}

// ---- A customer who has done everything (export and erasure suites) --------

export interface Journey {
  shopper: TestClient & { uid: string };
  email: string;
  phone: string;
  addressPhone: string;
  skus: { held: string; bought: string; cancelled: string; watched: string };
  orderIds: string[];
  /** The admin and staff member who acted on the customer. */
  staffUids: string[];
}

/**
 * Profile, address book, consent changes, an alert and its notification, an
 * active hold, an order, a cancelled order, a role change and a staff lookup:
 * every kind of document the system keeps about a customer.
 */
export async function customerJourney(tag: string): Promise<Journey> {
  const email = `${tag}-${randomUUID().slice(0, 8)}@test.showroom`;
  const phone = `+44 20 7946 ${String(Math.floor(Math.random() * 9000) + 1000)}`;
  const addressPhone = `+1 212 555 ${String(Math.floor(Math.random() * 9000) + 1000)}`;
  const c = await shopper({ kind: "user", email });
  const { skus } = await createProduct([{ main: 5 }, { main: 5 }, { main: 5 }, { main: 0 }]);
  const [held, bought, cancelled, watched] = skus as [string, string, string, string];

  const address = { id: "home", name: `${tag} Lovelace`, line1: "1 Loom St", city: "Leeds", postalCode: "LS1 1AA", country: "GB", phone: addressPhone };
  await editProfile(c, { displayName: `${tag} L.`, phone, addresses: [address], marketing: { email: { granted: true }, sms: { granted: true } } });
  await editProfile(c, { marketing: { email: { granted: true }, sms: { granted: false } } });
  await subscribe(c, watched);
  await notifyBackInStock(adminDb(), {
    eventId: `journey-${randomUUID()}`,
    sku: watched,
    before: { status: "out_of_stock" },
    after: { productId: "p", status: "in_stock", available: 3 },
  });

  await c.call("holdCart", { lines: [{ sku: held, quantity: 1 }] });
  const orderShipping = { ...shipping, name: `${tag} Lovelace`, phone };
  const first = await c.call<{ orderId: string }>("placeOrder", {
    idempotencyKey: uniqueKey(),
    lines: [{ sku: bought, quantity: 1 }],
    shipping: orderShipping,
  });
  const second = await c.call<{ orderId: string }>("placeOrder", {
    idempotencyKey: uniqueKey(),
    lines: [{ sku: cancelled, quantity: 2 }],
    shipping: orderShipping,
  });
  await c.call("cancelOrder", { orderId: second.orderId, reason: "changed my mind" });

  const admin = await client({ kind: "user", role: "admin" });
  // Also stamps roleChanges/{uid}, the token-refresh signal.
  await admin.call("setUserRole", { uid: c.uid, role: null });
  const staff = await client({ kind: "user", role: "staff" });
  await staff.call("lookupCustomer", { email });

  // Triggers (profile audit, consent history) finish before the suites look: the profile was
  // written three times (created, then two edits), each with one audit entry; three consent
  // changes. Nothing else here runs a trigger that writes about the customer.
  await eventually(async () => {
    const consent = await profileRef(c.uid).collection(CustomerSubcollections.consentEvents).get();
    const audits = (await auditFor(c.uid)).filter((a) => String(a.action).startsWith("customer.profile"));
    return consent.size === 3 && audits.length === 3 ? true : undefined;
  }, "the profile triggers");
  return {
    shopper: c,
    email,
    phone,
    addressPhone,
    skus: { held, bought, cancelled, watched },
    orderIds: [first.orderId, second.orderId],
    staffUids: [admin.uid!, staff.uid!],
  };
}

export interface StoredDocument {
  path: string;
  data: DocumentData | undefined;
}

/** Every document in the database, at any depth (including subcollections of missing parents). */
export async function everyDocument(): Promise<StoredDocument[]> {
  const out: StoredDocument[] = [];
  const walk = async (collections: CollectionReference[]) => {
    for (const collection of collections) {
      for (const ref of await collection.listDocuments()) {
        const snap = await ref.get();
        out.push({ path: ref.path, data: snap.data() });
        await walk(await ref.listCollections());
      }
    }
  };
  await walk(await adminDb().listCollections());
  return out;
}

/** True when the document's path or any value in it contains `needle`. */
export function mentions(document: StoredDocument, needle: string): boolean {
  return document.path.includes(needle) || JSON.stringify(document.data ?? {}).includes(needle);
}
