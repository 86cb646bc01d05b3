import fs from "node:fs";
import path from "node:path";
import { assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { doc, getDoc, setDoc } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { firestoreEmulator, PROJECT_ID } from "../support/env.js";

let env: RulesTestEnvironment;

beforeAll(async () => {
  const { host, port } = firestoreEmulator();
  env = await initializeTestEnvironment({
    projectId: PROJECT_ID,
    firestore: { host, port, rules: fs.readFileSync(path.resolve("firestore.rules"), "utf8") },
  });
});

beforeEach(() => env.clearFirestore());

afterAll(async () => {
  // The emulator's rule-coverage report, kept with the test output.
  const { host, port } = firestoreEmulator();
  const report = await fetch(`http://${host}:${port}/emulator/v1/projects/${PROJECT_ID}:ruleCoverage.html`);
  fs.mkdirSync("test-results", { recursive: true });
  fs.writeFileSync("test-results/rules-coverage.html", await report.text());
  await env.cleanup();
});

describe("default deny", () => {
  it("denies reading and writing a path no rule names, even for a signed-in user", async () => {
    await env.withSecurityRulesDisabled((ctx) => setDoc(doc(ctx.firestore(), "somewhere/else"), { secret: true }));
    const alice = env.authenticatedContext("alice").firestore();
    await assertFails(getDoc(doc(alice, "somewhere/else")));
    await assertFails(setDoc(doc(alice, "somewhere/new"), { x: 1 }));
  });
});

describe("products and stock", () => {
  it("lets anyone read the catalog and public stock but nobody write them", async () => {
    await env.withSecurityRulesDisabled(async (ctx) => {
      await setDoc(doc(ctx.firestore(), "products/p1"), { name: "Sofa" });
      await setDoc(doc(ctx.firestore(), "stock/SKU-1"), { available: 3 });
    });
    const guest = env.unauthenticatedContext().firestore();
    await assertSucceeds(getDoc(doc(guest, "products/p1")));
    await assertSucceeds(getDoc(doc(guest, "stock/SKU-1")));
    const alice = env.authenticatedContext("alice").firestore();
    await assertFails(setDoc(doc(alice, "stock/SKU-1"), { available: 999 }));
    await assertFails(setDoc(doc(alice, "products/p1"), { name: "Cheap sofa" }));
  });
});
