/**
 * Every cell of the access matrix (tests/rules/access-matrix.ts): each persona
 * × each collection × get, list, create, update, delete, asserted allowed or
 * denied against the real firestore.rules.
 */
import { assertFails, assertSucceeds, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc, type Firestore } from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AccessMatrix,
  isAllowed,
  matrixCellCount,
  Operations,
  PersonaLabels,
  Personas,
  PersonaUids,
  type MatrixRow,
  type Operation,
  type Persona,
} from "./access-matrix.js";
import { firestoreAs, startRulesEnv, stopRulesEnv } from "./support.js";

let env: RulesTestEnvironment;
beforeAll(async () => {
  env = await startRulesEnv();
  await env.clearFirestore();
});
afterAll(() => stopRulesEnv(env, "access-matrix"));

/** Puts the row's documents back as seeded (earlier cells may have changed them); a create starts from an absent document. */
async function reseed(row: MatrixRow, op: Operation): Promise<void> {
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore() as unknown as Firestore;
    await Promise.all(Object.entries(row.seed).map(([path, data]) => setDoc(doc(db, path), data)));
    if (op === "create") await deleteDoc(doc(db, row.create.path));
  });
}

function attempt(db: Firestore, row: MatrixRow, persona: Persona, op: Operation): Promise<unknown> {
  switch (op) {
    case "get":
      return getDoc(doc(db, row.subject));
    case "list":
      return getDocs(row.list.query(db));
    case "create":
      return setDoc(doc(db, row.create.path), row.create.data(PersonaUids[persona]));
    case "update":
      return updateDoc(doc(db, row.subject), row.update());
    case "delete":
      return deleteDoc(doc(db, row.subject));
  }
}

it("has a cell for every persona × collection × operation", () => {
  expect(matrixCellCount).toBe(AccessMatrix.length * 6 * 5);
  for (const row of AccessMatrix) {
    expect(row.seed, `${row.path}: the subject must be seeded`).toHaveProperty([row.subject]);
    for (const op of Operations) for (const persona of row.allow[op]) expect(Personas).toContain(persona);
  }
});

for (const row of AccessMatrix) {
  describe(row.path, () => {
    for (const persona of Personas) {
      for (const op of Operations) {
        const allowed = isAllowed(row, persona, op);
        it(`${PersonaLabels[persona]} ${allowed ? "may" : "may not"} ${op}`, async () => {
          await reseed(row, op);
          const result = attempt(firestoreAs(env, persona), row, persona, op);
          await (allowed ? assertSucceeds(result) : assertFails(result));
        });
      }
    }
  });
}
