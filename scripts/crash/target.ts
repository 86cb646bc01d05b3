/**
 * What a crash run signals: the Functions workers and the Firestore emulator
 * of the suite it runs under (`npm run with-emulators`, same slot).
 */
import { parseSlot } from "../emulators/config.js";
import { firestoreEmulatorPid, functionsWorkerPids, signal } from "./processes.js";
import { sleep } from "./client.js";

export interface CrashTarget {
  slot: number;
  firestorePort: number;
}

export function crashTarget(): CrashTarget {
  const port = Number(process.env.FIRESTORE_EMULATOR_HOST?.split(":")[1]);
  if (!Number.isInteger(port)) throw new Error("FIRESTORE_EMULATOR_HOST is not set: run under `npm run with-emulators --`.");
  return { slot: parseSlot(process.env.SHOWROOM_EMULATOR_SLOT), firestorePort: port };
}

/** SIGKILLs every Functions worker of the run (an instance crash mid-request); returns how many died. */
export function killFunctionsWorkers(target: CrashTarget): number {
  const pids = functionsWorkerPids(target.slot);
  if (pids.length === 0) throw new Error(`No Functions emulator worker of this worktree on slot ${target.slot} was found: nothing to crash.`);
  signal(pids, "SIGKILL");
  return pids.length;
}

/** Freezes the Firestore emulator (SIGSTOP) for `ms`, then lets it go on (SIGCONT), whatever happens meanwhile. */
export async function pauseFirestore(target: CrashTarget, ms: number): Promise<void> {
  const pid = firestoreEmulatorPid(target.slot, target.firestorePort);
  if (pid === undefined) throw new Error(`The Firestore emulator on port ${target.firestorePort} of this worktree was not found: nothing to pause.`);
  signal([pid], "SIGSTOP");
  try {
    await sleep(ms);
  } finally {
    signal([pid], "SIGCONT");
  }
}
