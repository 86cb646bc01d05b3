import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ensureLauncherJar, FIRESTORE_MAIN_CLASS, launcherManifest, manifestLine } from "./launcher-jar.js";

const hasUnzip = (() => {
  try {
    execFileSync("unzip", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe("manifestLine", () => {
  it("keeps short headers on one line", () => {
    expect(manifestLine("Main-Class", "a.B")).toBe("Main-Class: a.B\r\n");
  });

  it("wraps long headers at 72 bytes with single-space continuation lines that rejoin exactly", () => {
    const value = `file:///${"very-long-directory-name/".repeat(8)}cloud-firestore-emulator.jar`;
    const text = manifestLine("Class-Path", value);
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(72);
    expect(lines.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe(`Class-Path: ${value}`);
  });
});

describe("ensureLauncherJar", () => {
  it("writes a jar whose manifest names the emulator's entry point and the component jar", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "launcher-"));
    const component = "/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar";
    const jar = await ensureLauncherJar(component, dir);
    expect(fs.readFileSync(jar).subarray(0, 2).toString()).toBe("PK");
    const manifest = launcherManifest(component);
    expect(manifest).toContain(`Main-Class: ${FIRESTORE_MAIN_CLASS}`);
    if (hasUnzip) {
      expect(execFileSync("unzip", ["-p", jar, "META-INF/MANIFEST.MF"], { encoding: "utf8" })).toBe(manifest);
    }
  });

  it("rewrites the jar when the component moves", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "launcher-"));
    const jar = await ensureLauncherJar("/a/x.jar", dir);
    const first = fs.readFileSync(jar);
    await ensureLauncherJar("/b/x.jar", dir);
    expect(fs.readFileSync(jar).equals(first)).toBe(false);
  });
});
