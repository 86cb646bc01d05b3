/**
 * Finds this run's own emulator processes, so a crash run signals only them:
 * other runs on the machine (other worktrees, other slots) have processes of
 * the same names. Linux only (/proc); elsewhere nothing is found and the crash
 * run says so instead of pretending it crashed something.
 */
import path from "node:path";
import { configFileForSlot, ROOT } from "../emulators/config.js";
import { listProcesses, type ProcessInfo } from "../lib/processes.js";

/** The `firebase emulators:start` process of this worktree and slot (its --config names both). */
function emulatorsCli(all: ProcessInfo[], slot: number): ProcessInfo | undefined {
  // configFileForSlot rewrites the slot's config with the content the running suite already has.
  const config = configFileForSlot(slot);
  return all.find((p) => p.args.includes("emulators:start") && p.args[p.args.indexOf("--config") + 1] === config);
}

function descendsFrom(all: ProcessInfo[], child: ProcessInfo, ancestor: number): boolean {
  const byPid = new Map(all.map((p) => [p.pid, p]));
  for (let p: ProcessInfo | undefined = child; p && p.pid > 1; p = byPid.get(p.ppid)) if (p.ppid === ancestor) return true;
  return false;
}

/** Pids of the Functions emulator's workers (`functionsEmulatorRuntime`) of this worktree's run on `slot`. */
export function functionsWorkerPids(slot: number): number[] {
  const all = listProcesses();
  const cli = emulatorsCli(all, slot);
  if (!cli) return [];
  const runtime = path.join(ROOT, "node_modules", "firebase-tools", "lib", "emulator", "functionsEmulatorRuntime");
  return all.filter((p) => p.ppid === cli.pid && p.args.includes(runtime)).map((p) => p.pid);
}

/** Pid of the Firestore emulator's Java process on `port` (our slot's port), started from this worktree. */
export function firestoreEmulatorPid(slot: number, port: number): number | undefined {
  const all = listProcesses();
  const cli = emulatorsCli(all, slot);
  if (!cli) return undefined;
  return all.find(
    (p) =>
      p.args[0]?.endsWith("java") &&
      p.args.some((a) => a.includes("firestore")) &&
      p.args[p.args.indexOf("--port") + 1] === String(port) &&
      // Its launcher jar sits in this worktree's cache; ancestry also counts (a jar from elsewhere).
      (p.args.some((a) => a.startsWith(ROOT + path.sep)) || descendsFrom(all, p, cli.pid)),
  )?.pid;
}

export function signal(pids: number[], name: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // It ended meanwhile.
    }
  }
}
