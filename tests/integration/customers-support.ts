/** Shared by the customer-data suites (customers, alerts, export, erasure). */
import { randomUUID } from "node:crypto";
import { Timestamp, type DocumentData } from "firebase-admin/firestore";
import { doc, serverTimestamp, setDoc, updateDoc } from "firebase/firestore";
import { Collections, CustomerSubcollections } from "@showroom/model";
import { adminDb } from "../../scripts/lib/admin.js";
import { signIn, type Persona, type TestClient } from "../support/clients.js";

export const clients: TestClient[] = [];
export async function client(persona?: Persona): Promise<TestClient> {
  const c = await signIn(persona);
  clients.push(c);
  return c;
}

/** Polls until `read` returns something other than undefined (triggers run asynchronously). */
export async function eventually<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Waits a while and asserts nothing appeared: for "the trigger must not write" checks. */
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
  await adminDb().collection(Collections.stock).doc(sku).set({ sku, productId: `p-${sku}`, status, available, updatedAt: Timestamp.now() });
}

export async function auditFor(uid: string): Promise<DocumentData[]> {
  const snap = await adminDb().collection(Collections.auditLog).where("target.id", "==", uid).get();
  return snap.docs.map((d) => d.data());
}
