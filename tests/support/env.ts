/** Where the running emulators are, from the variables `with-emulators` sets. */
export const PROJECT_ID = process.env.GCLOUD_PROJECT ?? "demo-showroom";

function hostPort(variable: string): { host: string; port: number } {
  const value = process.env[variable];
  if (!value) throw new Error(`${variable} is not set: run this suite through \`npm run with-emulators -- …\``);
  const [host, port] = value.split(":");
  return { host: host ?? "127.0.0.1", port: Number(port) };
}

export const firestoreEmulator = () => hostPort("FIRESTORE_EMULATOR_HOST");
export const authEmulator = () => hostPort("FIREBASE_AUTH_EMULATOR_HOST");
export const functionsEmulator = () => new URL(process.env.FUNCTIONS_EMULATOR_ORIGIN ?? "http://127.0.0.1:5001");
