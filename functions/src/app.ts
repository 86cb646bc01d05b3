import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth, type Auth } from "firebase-admin/auth";
import { getFirestore, type Firestore } from "firebase-admin/firestore";
import { stockClock } from "./inventory/clock.js";

// One Admin app per instance; modules ask for Firestore/Auth here instead of initialising again.
// On the emulator, Cloud Tasks enqueues would ask the (absent) metadata server for the service
// account and hang until its connect timeout; naming one skips that.
if (getApps().length === 0)
  initializeApp(process.env.CLOUD_TASKS_EMULATOR_HOST ? { serviceAccountId: "emulated-tasks@demo-showroom.iam.gserviceaccount.com" } : undefined);

export const db = () => getFirestore();
export const auth = () => getAuth();

/** Server time in epoch milliseconds (in the Functions emulator, moved by the test clock: inventory/clock.ts). */
export type Clock = () => Promise<number>;

/**
 * What domain modules take instead of reaching for globals: each takes the
 * part it uses (`Pick<Deps, "db" | "now">`), so tests hand in their own.
 * Callables pass `deps()`.
 */
export interface Deps {
  db: Firestore;
  auth: Auth;
  now: Clock;
}

export const deps = (): Deps => ({ db: db(), auth: auth(), now: stockClock(db()) });
