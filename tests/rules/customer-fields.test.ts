/**
 * `CustomerEditableFields` (model/src/customer.ts) claims to be exactly what
 * firestore.rules lets an owner write on `customers/{uid}`. This suite drives
 * the rules from that list: every listed field can be written by its owner,
 * and every other profile field (the server-owned ones) and an unknown key
 * cannot — so the list and the rules' `hasOnly` cannot drift apart unnoticed.
 */
import { assertFails, assertSucceeds, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { doc, serverTimestamp, setDoc, updateDoc, type Firestore } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { CustomerEditableFields, CustomerProfileSchema, CustomerEditableSchema, type CustomerEditable } from "@showroom/model";
import { firestoreAs, startRulesEnv, stopRulesEnv } from "./support.js";

let env: RulesTestEnvironment;
beforeAll(async () => {
  env = await startRulesEnv();
});
afterAll(() => stopRulesEnv(env, "customer-fields"));

/** A valid value for each editable field, checked by the model's own schema. */
const editable: Required<CustomerEditable> = CustomerEditableSchema.required().parse({
  displayName: "Alice Archer",
  phone: "+44 113 496 0000",
  addresses: [{ id: "home", name: "Alice Archer", line1: "1 Elm St", city: "Springfield", postalCode: "12345", country: "US" }],
  marketing: { email: { granted: true }, sms: { granted: false } },
});
const valueOf = (field: (typeof CustomerEditableFields)[number]) => (field === "updatedAt" ? serverTimestamp() : editable[field]);

/** Profile fields the list leaves out: the server's (uid, email, createdAt), and a key no schema knows. */
const serverOwned = [
  ...Object.keys(CustomerProfileSchema.shape).filter((key) => !(CustomerEditableFields as readonly string[]).includes(key)),
  "createdAt",
  "role",
];

beforeEach(async () => {
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore() as unknown as Firestore;
    await setDoc(doc(db, "customers/alice"), {
      uid: "alice",
      email: "alice@showroom.test",
      displayName: "Alice",
      addresses: [],
      marketing: { email: { granted: false }, sms: { granted: false } },
    });
  });
});

const alice = () => firestoreAs(env, "alice");

describe("customers/{uid}: the owner writes exactly CustomerEditableFields", () => {
  it.each(CustomerEditableFields.filter((f) => f !== "updatedAt"))("lets the owner update %s", async (field) => {
    await assertSucceeds(updateDoc(doc(alice(), "customers/alice"), { [field]: valueOf(field), updatedAt: serverTimestamp() }));
  });

  it("lets a new owner create a profile with every listed field", async () => {
    const data = Object.fromEntries(CustomerEditableFields.map((field) => [field, valueOf(field)]));
    const owner = env.authenticatedContext("alice-2", { email: "alice-2@showroom.test" }).firestore() as unknown as Firestore;
    await assertSucceeds(setDoc(doc(owner, "customers/alice-2"), data));
  });

  it.each(serverOwned)("refuses the owner writing %s", async (field) => {
    await assertFails(updateDoc(doc(alice(), "customers/alice"), { [field]: "forged", updatedAt: serverTimestamp() }));
  });
});
