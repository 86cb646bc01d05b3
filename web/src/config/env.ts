/**
 * The one place the web app reads its build-time configuration.
 * A project id starting with `demo-` only exists on the emulators, so the app
 * connects to them exactly then.
 */
import type { FirebaseOptions } from "firebase/app";
import { EMULATOR_APP_ID } from "@showroom/model/app-check";
import { CATALOG_PAGE_SIZE } from "@showroom/model/labels";

const env = import.meta.env;

function firebaseOptions(): FirebaseOptions {
  if (env.VITE_FIREBASE_CONFIG) return JSON.parse(env.VITE_FIREBASE_CONFIG) as FirebaseOptions;
  return { projectId: "demo-showroom", apiKey: "demo-api-key", authDomain: "demo-showroom.firebaseapp.com", appId: EMULATOR_APP_ID };
}

const options = firebaseOptions();

export const config = {
  firebase: options,
  emulators: options.projectId?.startsWith("demo-")
    ? {
        host: env.VITE_EMULATOR_HOST ?? "127.0.0.1",
        firestorePort: Number(env.VITE_FIRESTORE_PORT ?? 8080),
        authPort: Number(env.VITE_AUTH_PORT ?? 9099),
        functionsPort: Number(env.VITE_FUNCTIONS_PORT ?? 5001),
      }
    : null,
  /** reCAPTCHA Enterprise site key for App Check in production (web/src/lib/app-check.ts). */
  appCheckSiteKey: env.VITE_APP_CHECK_SITE_KEY,
  region: "us-central1",
  catalogPageSize: CATALOG_PAGE_SIZE,
} as const;
