/**
 * Finds a Pub/Sub emulator that works offline: an explicit
 * PUBSUB_EMULATOR_BINARY_PATH, the copy firebase-tools already cached, then the
 * Google Cloud CLI's `pubsub-emulator` component, whose start script
 * firebase-tools runs as it is (no launcher needed, unlike Firestore). Pure:
 * every look at the machine goes through `deps`, so the order is unit-tested.
 */
import path from "node:path";
import { MissingEmulatorError } from "./missing-emulator.js";

export interface PubsubResolveDeps {
  env: Record<string, string | undefined>;
  homeDir: string;
  /** The start script below firebase-tools' cache, e.g. `pubsub-emulator-0.8.25/pubsub-emulator/bin/cloud-pubsub-emulator`. */
  cachedBinaryName: string;
  exists(file: string): boolean;
  cloudSdkRoots(): string[];
}

export const PUBSUB_COMPONENT_BINARY = path.join("platform", "pubsub-emulator", "bin", "cloud-pubsub-emulator");

export const PUBSUB_INSTALL_HINT =
  "No Pub/Sub emulator found (the event relay and webhooks need it). Install one of:\n" +
  "  - the Google Cloud CLI component: apt-get install google-cloud-cli-pubsub-emulator\n" +
  "    (or `gcloud components install pubsub-emulator`)\n" +
  "  - or point PUBSUB_EMULATOR_BINARY_PATH at a cloud-pubsub-emulator start script\n" +
  "  - or, with internet access, run `npx firebase setup:emulators:pubsub` once to cache it.";

export class MissingPubsubEmulatorError extends MissingEmulatorError {
  constructor(detail: string) {
    super(`${PUBSUB_INSTALL_HINT}\n${detail}`);
    this.name = "MissingPubsubEmulatorError";
  }
}

/** The path to hand firebase-tools as PUBSUB_EMULATOR_BINARY_PATH, or `undefined` when its own cache has one. */
export function resolvePubsubEmulator(deps: PubsubResolveDeps): string | undefined {
  const explicit = deps.env.PUBSUB_EMULATOR_BINARY_PATH;
  if (explicit) {
    if (!deps.exists(explicit)) throw new MissingPubsubEmulatorError(`PUBSUB_EMULATOR_BINARY_PATH=${explicit} does not exist.`);
    return explicit;
  }
  const cacheDir = deps.env.FIREBASE_EMULATORS_PATH ?? path.join(deps.homeDir, ".cache", "firebase", "emulators");
  const cached = path.join(cacheDir, deps.cachedBinaryName);
  if (deps.exists(cached)) return undefined;
  const tried = [cached];
  for (const root of deps.cloudSdkRoots()) {
    const binary = path.join(root, PUBSUB_COMPONENT_BINARY);
    if (deps.exists(binary)) return binary;
    tried.push(binary);
  }
  throw new MissingPubsubEmulatorError(`Looked in:\n${tried.map((t) => `  ${t}`).join("\n")}`);
}
