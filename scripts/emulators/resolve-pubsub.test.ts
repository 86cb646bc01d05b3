import path from "node:path";
import { describe, expect, it } from "vitest";
import { MissingEmulatorError } from "./missing-emulator.js";
import { PUBSUB_COMPONENT_BINARY, resolvePubsubEmulator, type PubsubResolveDeps } from "./resolve-pubsub.js";

const deps = (files: string[], env: Record<string, string> = {}): PubsubResolveDeps => ({
  env,
  homeDir: "/home/dev",
  cachedBinaryName: "pubsub-emulator-0.8.25/pubsub-emulator/bin/cloud-pubsub-emulator",
  exists: (file) => files.includes(file),
  cloudSdkRoots: () => ["/usr/lib/google-cloud-sdk"],
});
const cached = "/home/dev/.cache/firebase/emulators/pubsub-emulator-0.8.25/pubsub-emulator/bin/cloud-pubsub-emulator";
const component = path.join("/usr/lib/google-cloud-sdk", PUBSUB_COMPONENT_BINARY);

describe("resolvePubsubEmulator", () => {
  it("prefers an explicit PUBSUB_EMULATOR_BINARY_PATH", () => {
    expect(resolvePubsubEmulator(deps(["/x/emu", cached, component], { PUBSUB_EMULATOR_BINARY_PATH: "/x/emu" }))).toBe("/x/emu");
  });

  it("refuses an explicit path that does not exist instead of guessing further", () => {
    expect(() => resolvePubsubEmulator(deps([cached], { PUBSUB_EMULATOR_BINARY_PATH: "/nope" }))).toThrow(/PUBSUB_EMULATOR_BINARY_PATH=\/nope/);
  });

  it("leaves firebase-tools to its own cache when it has one", () => {
    expect(resolvePubsubEmulator(deps([cached, component]))).toBeUndefined();
  });

  it("falls back to the Cloud CLI component", () => {
    expect(resolvePubsubEmulator(deps([component]))).toBe(component);
  });

  it("says what to install when there is none", () => {
    let error: unknown;
    try {
      resolvePubsubEmulator(deps([]));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MissingEmulatorError);
    expect(String(error)).toMatch(/google-cloud-cli-pubsub-emulator/);
    expect(String(error)).toContain(component);
  });
});
