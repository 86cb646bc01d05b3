/**
 * The local mail server: maildev, a real SMTP server with a web inbox (and a
 * JSON API under /api that the tests read), started beside the emulators on the slot's ports.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT, type MailPorts } from "./config.js";

const MAILDEV_BIN = path.join(ROOT, "node_modules", "maildev", "dist", "bin", "maildev.js");
const READY_TIMEOUT_MS = 30_000;

export interface RunningMailServer {
  inboxUrl: string;
  stop(): Promise<void>;
}

export async function startMailServer(ports: MailPorts, log: (line: string) => void): Promise<RunningMailServer> {
  const child = spawn(
    process.execPath,
    [MAILDEV_BIN, "--smtp", String(ports.smtp), "--web", String(ports.mailWeb), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--silent"],
    { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const inboxUrl = `http://127.0.0.1:${ports.mailWeb}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`maildev exited with code ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${inboxUrl}/api/healthz`)).ok) {
        log(`mail: SMTP 127.0.0.1:${ports.smtp}, inbox ${inboxUrl}`);
        return { inboxUrl, stop };
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`maildev did not answer on ${inboxUrl} within ${READY_TIMEOUT_MS / 1000} s: ${stderr}`);
}
