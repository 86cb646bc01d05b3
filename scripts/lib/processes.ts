/** The machine's processes with their parents and command lines (Linux only, from /proc; elsewhere none are found). */
import fs from "node:fs";

export interface ProcessInfo {
  pid: number;
  ppid: number;
  args: string[];
}

export function listProcesses(): ProcessInfo[] {
  if (process.platform !== "linux") return [];
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const args = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
        // The fields after the command name in parentheses (which may hold spaces): state, ppid, ...
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        return [{ pid: Number(pid), ppid, args }];
      } catch {
        return []; // The process ended while we looked.
      }
    });
}

/** A process's resident memory in KiB (`VmRSS` in /proc/PID/status), or undefined if it is gone or not on Linux. */
export function residentKb(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
