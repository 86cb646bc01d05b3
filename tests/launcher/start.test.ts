/**
 * `npm start` end to end, on its own ports (slot 2) and data folder: first run
 * seeds; a change made before Ctrl+C is still there after the next start; and
 * Ctrl+C leaves no emulator or Java process behind.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Collections } from "@showroom/model";
import { mailPortsOf, portsOf, readFirebaseJson, shiftPorts } from "../../scripts/emulators/config.js";
import { javaProcesses } from "../../scripts/emulators/suite.js";
import { seedProducts } from "../../scripts/seed/catalog.js";

const SLOT = 2;
const ports = portsOf(shiftPorts(readFirebaseJson(), SLOT));
const mail = mailPortsOf(SLOT);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "showroom-data-"));
let current: ChildProcess | undefined;

function startShowroom(): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, SHOWROOM_EMULATOR_SLOT: String(SLOT), SHOWROOM_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  current = child;
  let text = "";
  child.stdout?.on("data", (d: Buffer) => (text += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (text += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start not ready in time:\n${text}`)), 180_000);
    child.stdout?.on("data", () => {
      if (text.includes("Showroom is running")) {
        clearTimeout(timer);
        resolve({ child, output: () => text });
      }
    });
    child.once("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${text}`)));
  });
}

function pressCtrlC(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGINT");
  });
}

function javaOnPort(port: number): number[] {
  return javaProcesses()
    .filter(({ args }) => args.includes(String(port)) || args.includes(`--port=${port}`))
    .map(({ pid }) => pid);
}

afterAll(() => {
  current?.kill("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start", () => {
  it("seeds on first run, keeps a change across Ctrl+C and restart, and leaves nothing running", async () => {
    const sku = seedProducts()[0]!.variants[0]!.sku;
    const first = await startShowroom();
    expect(first.output()).toContain("Seeding");
    expect(first.output()).toContain("admin@showroom.test");
    expect(first.output()).toContain(`Mail inbox   http://127.0.0.1:${mail.mailWeb}/`);
    expect((await fetch(`http://127.0.0.1:${mail.mailWeb}/api/healthz`)).status).toBe(200);
    const web = await fetch(`http://127.0.0.1:${5173 + 10 * SLOT}/`);
    expect(web.status).toBe(200);

    // Admin SDK against this instance's Firestore (set before the SDK first connects).
    process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${ports.firestore}`;
    process.env.GCLOUD_PROJECT = "demo-showroom";
    const { adminDb } = await import("../../scripts/lib/admin.js");
    await adminDb().collection(Collections.stock).doc(sku).update({ available: 777 });

    expect(await pressCtrlC(first.child)).toBe(0);
    expect(javaOnPort(ports.firestore)).toEqual([]);
    expect(javaOnPort(ports.pubsub)).toEqual([]);
    await expect(fetch(`http://127.0.0.1:${mail.mailWeb}/api/healthz`)).rejects.toThrow();
    expect(fs.existsSync(path.join(dataDir, "firebase-export-metadata.json"))).toBe(true);

    const second = await startShowroom();
    expect(second.output()).toContain("saved data");
    expect(second.output()).not.toContain("Seeding");
    expect((await adminDb().collection(Collections.stock).doc(sku).get()).get("available")).toBe(777);
    await adminDb().terminate();

    expect(await pressCtrlC(second.child)).toBe(0);
    expect(javaOnPort(ports.firestore)).toEqual([]);
    expect(javaOnPort(ports.pubsub)).toEqual([]);
  });
});
