/**
 * Real clients for emulator tests: users created with the Admin SDK (roles as
 * custom claims) and signed in with the web SDK, calling the real callables.
 */
import { randomUUID } from "node:crypto";
import { deleteApp, initializeApp, type FirebaseApp } from "firebase/app";
import { CustomProvider, initializeAppCheck } from "firebase/app-check";
import { connectAuthEmulator, getAuth, signInAnonymously, signInWithEmailAndPassword, type Auth } from "firebase/auth";
import { connectFirestoreEmulator, getFirestore, type Firestore } from "firebase/firestore";
import { connectFunctionsEmulator, FunctionsError, getFunctions, httpsCallable, type Functions } from "firebase/functions";
import { EMULATOR_APP_ID, emulatorAppCheckToken, type CallableName, type Role } from "@showroom/model";
import { expect } from "vitest";
import { adminAuth } from "../../scripts/lib/admin.js";
import { authEmulator, firestoreEmulator, functionsEmulator, PROJECT_ID } from "./env.js";

export interface TestClient {
  uid: string | null;
  app: FirebaseApp;
  auth: Auth;
  db: Firestore;
  functions: Functions;
  call<T = unknown>(name: CallableName, data?: unknown): Promise<T>;
  close(): Promise<void>;
}

export type Persona = { kind: "signed-out" } | { kind: "anonymous" } | { kind: "user"; role?: Role | null; email?: string };

function connectedApp(): { app: FirebaseApp; auth: Auth; db: Firestore; functions: Functions } {
  const app = initializeApp({ projectId: PROJECT_ID, apiKey: "demo-api-key", appId: EMULATOR_APP_ID }, `test-${randomUUID()}`);
  // As the web app on the emulators: callables enforce App Check there.
  initializeAppCheck(app, { provider: new CustomProvider({ getToken: async () => emulatorAppCheckToken() }), isTokenAutoRefreshEnabled: false });
  const auth = getAuth(app);
  const db = getFirestore(app);
  const functions = getFunctions(app, "us-central1");
  const fs = firestoreEmulator();
  const au = authEmulator();
  const fn = functionsEmulator();
  connectAuthEmulator(auth, `http://${au.host}:${au.port}`, { disableWarnings: true });
  connectFirestoreEmulator(db, fs.host, fs.port);
  connectFunctionsEmulator(functions, fn.hostname, Number(fn.port));
  return { app, auth, db, functions };
}

/** Creates (with the Admin SDK) and signs in a user with the given role. */
export async function signIn(persona: Persona = { kind: "user" }): Promise<TestClient> {
  const { app, auth, db, functions } = connectedApp();
  let uid: string | null = null;
  if (persona.kind === "anonymous") {
    uid = (await signInAnonymously(auth)).user.uid;
  } else if (persona.kind === "user") {
    const email = persona.email ?? `user-${randomUUID().slice(0, 8)}@test.showroom`;
    const password = "test-password";
    const user = await adminAuth().createUser({ email, password });
    if (persona.role) await adminAuth().setCustomUserClaims(user.uid, { role: persona.role });
    uid = (await signInWithEmailAndPassword(auth, email, password)).user.uid;
  }
  return {
    uid,
    app,
    auth,
    db,
    functions,
    async call<T>(name: CallableName, data: unknown = {}) {
      return (await httpsCallable<unknown, T>(functions, name)(data)).data;
    },
    close: () => deleteApp(app),
  };
}

/** Asserts a callable rejected with this code (and, optionally, these details). */
export async function expectCallableError(promise: Promise<unknown>, code: string, details?: Record<string, unknown>): Promise<FunctionsError> {
  const error = await promise.then(
    () => expect.fail(`expected functions/${code}, but the call succeeded`),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FunctionsError);
  const fe = error as FunctionsError;
  expect(fe.code).toBe(`functions/${code}`);
  if (details) expect(fe.details).toMatchObject(details);
  return fe;
}
