/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_FIREBASE_CONFIG?: string;
  readonly VITE_EMULATOR_HOST?: string;
  readonly VITE_FIRESTORE_PORT?: string;
  readonly VITE_AUTH_PORT?: string;
  readonly VITE_FUNCTIONS_PORT?: string;
  readonly VITE_APP_CHECK_SITE_KEY?: string;
}
