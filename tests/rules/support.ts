/**
 * Shared set-up for the rules suites: one test environment per file on the
 * running Firestore emulator with the real firestore.rules, the named
 * personas, and the emulator's rule-coverage report saved at the end.
 */
import fs from "node:fs";
import path from "node:path";
import { initializeTestEnvironment, type RulesTestEnvironment, type TokenOptions } from "@firebase/rules-unit-testing";
import { setLogLevel, type Firestore } from "firebase/firestore";
import { firestoreEmulator, PROJECT_ID } from "../support/env.js";
import { PersonaUids, type Persona } from "./access-matrix.js";

export async function startRulesEnv(): Promise<RulesTestEnvironment> {
  // Denials are the point of these suites; the SDK would log each one as a stream error.
  setLogLevel("silent");
  const { host, port } = firestoreEmulator();
  return initializeTestEnvironment({
    projectId: PROJECT_ID,
    firestore: { host, port, rules: fs.readFileSync(path.resolve("firestore.rules"), "utf8") },
  });
}

/**
 * Saves the emulator's rule-coverage report (HTML and JSON) under test-results/, then clears the database:
 * the suites after this one share the emulator, and a row's seed (an enabled webhook endpoint among them)
 * would otherwise feed the functions they run.
 */
export async function stopRulesEnv(env: RulesTestEnvironment, name: string): Promise<void> {
  const { host, port } = firestoreEmulator();
  const base = `http://${host}:${port}/emulator/v1/projects/${PROJECT_ID}:ruleCoverage`;
  fs.mkdirSync("test-results", { recursive: true });
  for (const ext of ["html", "json"] as const) {
    const report = await fetch(`${base}${ext === "html" ? ".html" : ""}`);
    fs.writeFileSync(`test-results/rules-coverage-${name}.${ext}`, await report.text());
  }
  await env.clearFirestore();
  await env.cleanup();
}

/** A web-SDK Firestore signed in as the persona (claims as the rules see them). */
export function firestoreAs(env: RulesTestEnvironment, persona: Persona): Firestore {
  const uid = PersonaUids[persona];
  if (uid === null) return env.unauthenticatedContext().firestore() as unknown as Firestore;
  const provider = { firebase: { sign_in_provider: persona === "guest" ? ("anonymous" as const) : ("password" as const) } };
  const role = persona === "staff" || persona === "admin" ? { role: persona } : {};
  const email = persona === "guest" ? {} : { email: `${uid}@showroom.test` };
  const token: TokenOptions = { ...provider, ...role, ...email };
  return env.authenticatedContext(uid, token).firestore() as unknown as Firestore;
}
