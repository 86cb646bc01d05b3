/**
 * Admin SDK for scripts and tests, pointed at the emulators by the standard
 * variables (FIRESTORE_EMULATOR_HOST, FIREBASE_AUTH_EMULATOR_HOST) or, without
 * them, at the real project in GCLOUD_PROJECT with application default credentials.
 */
import { getApps, initializeApp, type App } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";

export function adminApp(): App {
  const projectId = process.env.GCLOUD_PROJECT ?? "demo-showroom";
  return getApps()[0] ?? initializeApp({ projectId });
}

export const adminDb = () => getFirestore(adminApp());
export const adminAuth = () => getAuth(adminApp());

export function requireEmulators(): void {
  if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST) {
    throw new Error("FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST must be set (use `npm run with-emulators -- …`).");
  }
}
