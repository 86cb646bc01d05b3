/**
 * Starts and stops Firestore + Auth + Functions + Pub/Sub through the pinned
 * firebase-tools, with the Firestore and Pub/Sub emulators resolved offline,
 * plus the SMTP server with a web inbox (maildev) that functions send mail to.
 * Used by `npm start`, `npm run with-emulators`, `npm test` and the persistence test.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import { createInterface } from "node:readline";
import path from "node:path";
import { ensureLauncherJar } from "./launcher-jar.js";
import {
  configFileForSlot,
  emulatorEnv,
  EMULATORS,
  mailEnv,
  mailPortsOf,
  PROJECT_ID,
  portsOf,
  readFirebaseJson,
  ROOT,
  shiftPorts,
  traceFileForSlot,
  type SuitePorts,
} from "./config.js";
import { startMailServer } from "./mail-server.js";
import { resolveFirestoreEmulator, type FirestoreEmulatorSource } from "./resolve-firestore.js";
import { resolvePubsubEmulator } from "./resolve-pubsub.js";
import { listProcesses, type ProcessInfo } from "../lib/processes.js";

const FIREBASE_BIN = path.join(ROOT, "node_modules", "firebase-tools", "lib", "bin", "firebase.js");
const CACHE_DIR = path.join(ROOT, ".cache", "emulators");
const READY_LINE = "All emulators ready";
// Generous: a busy 2-core machine has taken over 200 s to load the functions.
const START_TIMEOUT_MS = 300_000;
const STOP_TIMEOUT_MS = 20_000;

export interface RunningSuite {
  ports: SuitePorts;
  /** FIRESTORE_EMULATOR_HOST, FIREBASE_AUTH_EMULATOR_HOST, GCLOUD_PROJECT… for clients. */
  env: Record<string, string>;
  logFile: string;
  /** Writes all emulator data to `dir`, replacing what was there only once the export succeeded. */
  exportTo(dir: string): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  slot?: number;
  importDir?: string;
  log?: (line: string) => void;
  /** Extra environment for the emulators and the functions they run (e.g. `SHOWROOM_TRACING: "off"`). */
  env?: Record<string, string>;
}

function downloadableEmulatorInfo() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", "firebase-tools", "lib", "emulator", "downloadableEmulatorInfo.json"), "utf8")) as {
    firestore: { downloadPathRelativeToCacheDir: string };
    pubsub: { binaryPathRelativeToCacheDir: string };
  };
}

function cloudSdkRoots(): string[] {
  const roots: string[] = [];
  try {
    const root = execFileSync("gcloud", ["info", "--format=value(installation.sdk_root)"], {
      encoding: "utf8",
      timeout: 30_000,
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    if (root) roots.push(root);
  } catch {
    // No gcloud on PATH (or it failed): fall back to the places Debian and the tarball install to.
  }
  return [...new Set([...roots, "/usr/lib/google-cloud-sdk", "/usr/share/google-cloud-sdk", path.join(os.homedir(), "google-cloud-sdk")])];
}

export function findFirestoreEmulator(): FirestoreEmulatorSource {
  return resolveFirestoreEmulator({
    env: process.env,
    homeDir: os.homedir(),
    cachedJarName: downloadableEmulatorInfo().firestore.downloadPathRelativeToCacheDir,
    exists: (file) => fs.existsSync(file),
    cloudSdkRoots,
  });
}

/** The PUBSUB_EMULATOR_BINARY_PATH to hand firebase-tools (undefined: its own cache has one). */
export function findPubsubEmulator(): string | undefined {
  return resolvePubsubEmulator({
    env: process.env,
    homeDir: os.homedir(),
    cachedBinaryName: downloadableEmulatorInfo().pubsub.binaryPathRelativeToCacheDir,
    exists: (file) => fs.existsSync(file),
    cloudSdkRoots,
  });
}

/** Both offline emulators, or a MissingEmulatorError that says what to install. */
export function findEmulators(): { firestore: FirestoreEmulatorSource; pubsubBinary: string | undefined } {
  return { firestore: findFirestoreEmulator(), pubsubBinary: findPubsubEmulator() };
}

/** The path to hand firebase-tools as FIRESTORE_EMULATOR_BINARY_PATH, if any. */
async function firestoreBinaryPath(source: FirestoreEmulatorSource): Promise<string | undefined> {
  switch (source.kind) {
    case "env":
      return source.binaryPath;
    case "cache":
      return undefined; // firebase-tools finds its own cache.
    case "cloud-sdk":
      return ensureLauncherJar(source.componentJar, CACHE_DIR);
  }
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Running Java processes with their command lines (Linux only; elsewhere none are found). */
export function javaProcesses(): ProcessInfo[] {
  return listProcesses().filter((p) => p.args[0]?.endsWith("java"));
}

/** firebase-tools starts Java detached; if it dies uncleanly, Java would outlive it. */
function killStrayJava(ports: SuitePorts): void {
  for (const { pid, args } of javaProcesses()) {
    const isOurFirestore = args.some((a) => a.includes("firestore")) && args[args.indexOf("--port") + 1] === String(ports.firestore);
    const isOurPubsub = args.some((a) => a.includes("pubsub")) && args.includes(`--port=${ports.pubsub}`);
    if (!isOurFirestore && !isOurPubsub) continue;
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // It ended meanwhile.
    }
  }
}

export async function startEmulators(options: StartOptions = {}): Promise<RunningSuite> {
  const slot = options.slot ?? 0;
  const log = options.log ?? (() => {});
  const ports: SuitePorts = { ...portsOf(shiftPorts(readFirebaseJson(), slot)), ...mailPortsOf(slot) };
  for (const [name, port] of Object.entries(ports)) {
    if (await portInUse(port)) {
      throw new Error(
        `Port ${port} (${name} emulator) is already in use. Is \`npm start\` running? ` + `Stop it, or run on other ports with SHOWROOM_EMULATOR_SLOT=1.`,
      );
    }
  }

  const { firestore: source, pubsubBinary } = findEmulators();
  const binaryPath = await firestoreBinaryPath(source);
  log(`Firestore emulator: ${source.kind === "cloud-sdk" ? `Cloud CLI component ${source.componentJar}` : source.binaryPath}`);
  log(`Pub/Sub emulator: ${pubsubBinary ?? "firebase-tools cache"}`);
  const mail = await startMailServer(ports, log);

  const args = [FIREBASE_BIN, "emulators:start", "--only", EMULATORS.join(","), "--project", PROJECT_ID, "--config", configFileForSlot(slot)];
  if (options.importDir) args.push("--import", options.importDir);

  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const logFile = path.join(CACHE_DIR, `suite-slot-${slot}.log`);
  const traceFile = traceFileForSlot(slot);
  fs.writeFileSync(traceFile, "");
  const logStream = fs.createWriteStream(logFile);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    // Own process group: a Ctrl+C in the terminal reaches us, not the emulators, so
    // we can export data before they stop.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      ...options.env,
      ...(binaryPath ? { FIRESTORE_EMULATOR_BINARY_PATH: binaryPath } : {}),
      ...(pubsubBinary ? { PUBSUB_EMULATOR_BINARY_PATH: pubsubBinary } : {}),
      // Functions inherit this environment: they send mail to the local SMTP server and write spans to the trace file.
      ...mailEnv(ports),
      SHOWROOM_TRACE_FILE: traceFile,
      // Loading the functions takes longer than firebase-tools' default 10 s on a busy 2-core machine.
      FUNCTIONS_DISCOVERY_TIMEOUT: process.env.FUNCTIONS_DISCOVERY_TIMEOUT ?? "60",
      // firebase-tools must not think it talks to other emulators already running.
      FIRESTORE_EMULATOR_HOST: undefined,
      FIREBASE_AUTH_EMULATOR_HOST: undefined,
      PUBSUB_EMULATOR_HOST: undefined,
    },
  });
  // Whole lines only: stdout and stderr share the file, and under load a chunk of one would otherwise land
  // inside a line of the other (tests parse the functions' JSON log lines from it).
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on("line", (line) => logStream.write(`${line}\n`));
  }

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGINT");
      if (!(await exited(child, STOP_TIMEOUT_MS)) && child.pid) {
        process.kill(-child.pid, "SIGKILL");
        await exited(child, 5_000);
      }
    }
    killStrayJava(ports);
    await mail.stop();
  };

  await new Promise<void>((resolve, reject) => {
    let seen = "";
    let settled = false;
    const timer = setTimeout(() => fail(`did not become ready in ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`Emulators ${why}. Log: ${logFile}\n${seen.slice(-3000)}`)));
    };
    child.stdout?.on("data", (chunk: Buffer) => {
      if (settled) return;
      seen = (seen + chunk.toString()).slice(-20_000);
      if (seen.includes(READY_LINE)) {
        settled = true;
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => fail(`exited early with code ${code}`));
  });

  const hub = `http://127.0.0.1:${ports.hub}`;
  return {
    ports,
    // The functions' spans and their log lines (firebase-tools prints them), for tests that follow a trace.
    env: { ...emulatorEnv(ports), SHOWROOM_TRACE_FILE: traceFile, SHOWROOM_EMULATOR_LOG: logFile },
    logFile,
    async exportTo(dir: string) {
      const target = path.resolve(dir);
      const fresh = `${target}.export-${Date.now()}`;
      const response = await fetch(`${hub}/_admin/export`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ path: fresh, initiatedBy: "showroom" }),
      });
      if (!response.ok) throw new Error(`Export failed: ${response.status} ${await response.text()}`);
      const old = `${target}.old-${Date.now()}`;
      if (fs.existsSync(target)) fs.renameSync(target, old);
      fs.renameSync(fresh, target);
      fs.rmSync(old, { recursive: true, force: true });
    },
    stop,
  };
}
