/**
 * The one place the web app reads its build-time configuration.
 * A project id starting with `demo-` only exists on the emulators, so the app
 * connects to them exactly then.
 */
import type { FirebaseOptions } from "firebase/app";
import { CATALOG_PAGE_SIZE } from "@showroom/model/labels";

const env = import.meta.env;

function firebaseOptions(): FirebaseOptions {
  if (env.VITE_FIREBASE_CONFIG) return JSON.parse(env.VITE_FIREBASE_CONFIG) as FirebaseOptions;
  return { projectId: "demo-showroom", apiKey: "demo-api-key", authDomain: "demo-showroom.firebaseapp.com" };
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
  region: "us-central1",
  catalogPageSize: CATALOG_PAGE_SIZE,
} as const;
