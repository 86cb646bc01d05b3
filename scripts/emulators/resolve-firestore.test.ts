import { describe, expect, it } from "vitest";
import { COMPONENT_JAR, MissingFirestoreEmulatorError, resolveFirestoreEmulator, type ResolveDeps } from "./resolve-firestore.js";

const JAR = "cloud-firestore-emulator-v1.19.8.jar";
const CACHED = `/home/dev/.cache/firebase/emulators/${JAR}`;
const COMPONENT = `/usr/lib/google-cloud-sdk/${COMPONENT_JAR}`;

function deps(files: string[], env: Record<string, string> = {}, roots = ["/usr/lib/google-cloud-sdk"]): ResolveDeps {
  return { env, homeDir: "/home/dev", cachedJarName: JAR, exists: (f) => files.includes(f), cloudSdkRoots: () => roots };
}

describe("resolveFirestoreEmulator", () => {
  it("prefers an explicit FIRESTORE_EMULATOR_BINARY_PATH over everything else", () => {
    const source = resolveFirestoreEmulator(deps(["/opt/fs.jar", CACHED, COMPONENT], { FIRESTORE_EMULATOR_BINARY_PATH: "/opt/fs.jar" }));
    expect(source).toEqual({ kind: "env", binaryPath: "/opt/fs.jar" });
  });

  it("fails on an explicit path that does not exist instead of guessing", () => {
    expect(() => resolveFirestoreEmulator(deps([CACHED], { FIRESTORE_EMULATOR_BINARY_PATH: "/nope.jar" }))).toThrow(/\/nope\.jar does not exist/);
  });

  it("uses the jar firebase-tools cached before the Cloud CLI component", () => {
    expect(resolveFirestoreEmulator(deps([CACHED, COMPONENT]))).toEqual({ kind: "cache", binaryPath: CACHED });
  });

  it("honours FIREBASE_EMULATORS_PATH for the cache", () => {
    const custom = `/ci/cache/${JAR}`;
    expect(resolveFirestoreEmulator(deps([custom], { FIREBASE_EMULATORS_PATH: "/ci/cache" }))).toEqual({ kind: "cache", binaryPath: custom });
  });

  it("falls back to the first Cloud CLI root that has the component", () => {
    const second = `/opt/sdk/${COMPONENT_JAR}`;
    expect(resolveFirestoreEmulator(deps([second], {}, ["/missing/sdk", "/opt/sdk"]))).toEqual({ kind: "cloud-sdk", componentJar: second });
  });

  it("names what to install and where it looked when nothing exists", () => {
    let error: unknown;
    try {
      resolveFirestoreEmulator(deps([]));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MissingFirestoreEmulatorError);
    expect((error as Error).message).toMatch(/google-cloud-cli-firestore-emulator/);
    expect((error as Error).message).toContain(CACHED);
    expect((error as Error).message).toContain(COMPONENT);
  });
});
