/**
 * Emulator ports and project id: read once from firebase.json / .firebaserc.
 * A "slot" shifts every port by 10 × slot so separate test runs (or a test that
 * restarts emulators) can run beside `npm start` without clashing.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const PROJECT_ID = "demo-showroom";
// Cloud Tasks runs webhook delivery attempts (docs/webhooks.md); its emulator is JavaScript inside firebase-tools, nothing to download.
export const EMULATORS = ["firestore", "auth", "functions", "pubsub", "tasks"] as const;
/** The SMTP server with a web inbox (maildev) that runs beside the emulators; not a Firebase emulator, so not in firebase.json. */
export const MAIL_PORTS = { smtp: 1025, mailWeb: 1080 } as const;
const MAX_SLOT = 9;

interface HostPort {
  host: string;
  port: number;
  websocketPort?: number;
}
type EmulatorConfig = Record<string, HostPort | boolean | { enabled: boolean }>;

interface FirebaseJson {
  emulators: EmulatorConfig;
  [key: string]: unknown;
}

export interface EmulatorPorts {
  firestore: number;
  auth: number;
  functions: number;
  pubsub: number;
  hub: number;
}

export type MailPorts = { smtp: number; mailWeb: number };
/** Every port a running suite listens on: the emulators' and the mail server's. */
export type SuitePorts = EmulatorPorts & MailPorts;

export function readFirebaseJson(): FirebaseJson {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "firebase.json"), "utf8")) as FirebaseJson;
}

/** Ports browsers and Node's fetch refuse to connect to (WHATWG "bad ports") near our ranges. */
const FETCH_BLOCKED_PORTS = new Set([4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080]);

export function parseSlot(value: string | undefined): number {
  if (value === undefined || value === "") return 0;
  const slot = Number(value);
  if (!Number.isInteger(slot) || slot < 0 || slot > MAX_SLOT) {
    throw new Error(`SHOWROOM_EMULATOR_SLOT must be a whole number 0–${MAX_SLOT}, got "${value}"`);
  }
  const blocked = allPorts(shiftPorts(readFirebaseJson(), slot)).filter((port) => FETCH_BLOCKED_PORTS.has(port));
  if (blocked.length > 0) {
    throw new Error(`SHOWROOM_EMULATOR_SLOT=${slot} would use port ${blocked.join(", ")}, which browsers and fetch refuse; pick another slot.`);
  }
  return slot;
}

function allPorts(config: FirebaseJson): number[] {
  return Object.values(config.emulators).flatMap((value) =>
    typeof value === "object" && "port" in value ? [value.port, ...(value.websocketPort ? [value.websocketPort] : [])] : [],
  );
}

/** firebase.json with every emulator port moved by 10 × slot. */
export function shiftPorts(config: FirebaseJson, slot: number): FirebaseJson {
  const emulators: EmulatorConfig = {};
  for (const [name, value] of Object.entries(config.emulators)) {
    if (typeof value === "object" && "port" in value) {
      const shifted: HostPort = { ...value, port: value.port + 10 * slot };
      if (value.websocketPort) shifted.websocketPort = value.websocketPort + 10 * slot;
      emulators[name] = shifted;
    } else {
      emulators[name] = value;
    }
  }
  return { ...config, emulators };
}

export function portsOf(config: FirebaseJson): EmulatorPorts {
  const port = (name: string) => (config.emulators[name] as HostPort).port;
  return { firestore: port("firestore"), auth: port("auth"), functions: port("functions"), pubsub: port("pubsub"), hub: port("hub") };
}

export function mailPortsOf(slot: number): MailPorts {
  return { smtp: MAIL_PORTS.smtp + 10 * slot, mailWeb: MAIL_PORTS.mailWeb + 10 * slot };
}

/** The config file firebase-tools should read for a slot: firebase.json itself for slot 0. */
export function configFileForSlot(slot: number): string {
  if (slot === 0) return path.join(ROOT, "firebase.json");
  // It must sit in the project root: firebase-tools resolves rules and functions paths from it.
  const file = path.join(ROOT, `.firebase.slot-${slot}.json`);
  fs.writeFileSync(file, JSON.stringify(shiftPorts(readFirebaseJson(), slot), null, 2));
  return file;
}

/** The variables every emulator client (Admin SDK, tests, seed, bench) reads. */
export function emulatorEnv(ports: SuitePorts): Record<string, string> {
  return {
    FIRESTORE_EMULATOR_HOST: `127.0.0.1:${ports.firestore}`,
    FIREBASE_AUTH_EMULATOR_HOST: `127.0.0.1:${ports.auth}`,
    FUNCTIONS_EMULATOR_ORIGIN: `http://127.0.0.1:${ports.functions}`,
    FIREBASE_EMULATOR_HUB: `127.0.0.1:${ports.hub}`,
    PUBSUB_EMULATOR_HOST: `127.0.0.1:${ports.pubsub}`,
    ...mailEnv(ports),
    GCLOUD_PROJECT: PROJECT_ID,
    // No metadata server exists here; without this, google-auth-library probes for one and warns.
    METADATA_SERVER_DETECTION: "none",
  };
}

/**
 * The functions' spans on the emulators, one JSON line each (docs/operations.md,
 * "Tracing"): one file per slot, emptied when a suite starts. `npm run trace` reads it.
 */
export function traceFileForSlot(slot: number): string {
  return path.join(ROOT, ".cache", "emulators", `traces-slot-${slot}.jsonl`);
}

/** Where functions send mail and where people (and tests) read it, on the emulators. */
export function mailEnv(ports: MailPorts): Record<string, string> {
  return { SHOWROOM_SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`, SHOWROOM_MAIL_INBOX_URL: `http://127.0.0.1:${ports.mailWeb}` };
}
