/**
 * Firestore Lite for the first paint: a one-shot REST read is a fraction of the
 * live SDK's weight, so the catalog shows products before the live SDK (loaded
 * right after, see `lib/firebase.ts`) takes over availability.
 * `initializeApp` with the same options returns the same app, so this and
 * `lib/firebase.ts` share one Firebase app whichever loads first.
 */
import { getApps, initializeApp } from "firebase/app";
import { connectFirestoreEmulator, getFirestore } from "firebase/firestore/lite";
import { config } from "../config/env";

const app = getApps()[0] ?? initializeApp(config.firebase);
export const liteDb = getFirestore(app);

if (config.emulators) connectFirestoreEmulator(liteDb, config.emulators.host, config.emulators.firestorePort);
