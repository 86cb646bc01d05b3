/**
 * Finds a Firestore emulator that works offline, in the order DESIGN.md gives:
 * an explicit FIRESTORE_EMULATOR_BINARY_PATH, the jar firebase-tools already
 * cached, then the Google Cloud CLI's `cloud-firestore-emulator` component
 * (which needs a launcher jar, see launcher-jar.ts). Pure: every look at the
 * machine goes through `deps`, so the order is unit-tested.
 */
import path from "node:path";
import { MissingEmulatorError } from "./missing-emulator.js";

export type FirestoreEmulatorSource = { kind: "env"; binaryPath: string } | { kind: "cache"; binaryPath: string } | { kind: "cloud-sdk"; componentJar: string };

export interface ResolveDeps {
  env: Record<string, string | undefined>;
  homeDir: string;
  /** The jar name firebase-tools downloads, e.g. `cloud-firestore-emulator-v1.19.8.jar`. */
  cachedJarName: string;
  exists(file: string): boolean;
  /** Cloud CLI roots to try, best first (from `gcloud info`, then well-known places). */
  cloudSdkRoots(): string[];
}

export const COMPONENT_JAR = path.join("platform", "cloud-firestore-emulator", "cloud-firestore-emulator.jar");

export const INSTALL_HINT =
  "No Firestore emulator found. Install one of:\n" +
  "  - the Google Cloud CLI component: apt-get install google-cloud-cli-firestore-emulator\n" +
  "    (or `gcloud components install cloud-firestore-emulator`)\n" +
  "  - or point FIRESTORE_EMULATOR_BINARY_PATH at a Firestore emulator jar\n" +
  "  - or, with internet access, run `npx firebase setup:emulators:firestore` once to cache it.";

export class MissingFirestoreEmulatorError extends MissingEmulatorError {
  constructor(detail: string) {
    super(`${INSTALL_HINT}\n${detail}`);
    this.name = "MissingFirestoreEmulatorError";
  }
}

export function resolveFirestoreEmulator(deps: ResolveDeps): FirestoreEmulatorSource {
  const explicit = deps.env.FIRESTORE_EMULATOR_BINARY_PATH;
  if (explicit) {
    // An explicit choice that is wrong is an error, not a reason to guess further.
    if (!deps.exists(explicit)) {
      throw new MissingFirestoreEmulatorError(`FIRESTORE_EMULATOR_BINARY_PATH=${explicit} does not exist.`);
    }
    return { kind: "env", binaryPath: explicit };
  }
  const cacheDir = deps.env.FIREBASE_EMULATORS_PATH ?? path.join(deps.homeDir, ".cache", "firebase", "emulators");
  const cached = path.join(cacheDir, deps.cachedJarName);
  if (deps.exists(cached)) return { kind: "cache", binaryPath: cached };

  const tried = [cached];
  for (const root of deps.cloudSdkRoots()) {
    const componentJar = path.join(root, COMPONENT_JAR);
    if (deps.exists(componentJar)) return { kind: "cloud-sdk", componentJar };
    tried.push(componentJar);
  }
  throw new MissingFirestoreEmulatorError(`Looked in:\n${tried.map((t) => `  ${t}`).join("\n")}`);
}
