/**
 * The functions folder as `firebase deploy` uploads it: built by the
 * predeploy command (`npm run build` in functions/), then `npm install`
 * from its package.json. Checks that install can work offline of this
 * repository (registry packages only) and that the bundle imports nothing
 * else; then that lib/index.js loads and exports its functions.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../emulators/config.js";
import { nonRegistryDependencies, undeclaredImports, type PackageJson } from "./deploy-deps.js";

const FUNCTIONS = path.join(ROOT, "functions");
const BUNDLE = path.join(FUNCTIONS, "lib", "index.js");
const readJson = <T>(file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as T;

function workspaceNames(): string[] {
  const { workspaces = [] } = readJson<{ workspaces?: string[] }>(path.join(ROOT, "package.json"));
  return workspaces.map((dir) => readJson<{ name: string }>(path.join(ROOT, dir, "package.json")).name);
}

/** Every import the bundle still makes, parsed by esbuild (static, dynamic and require), with its exports. */
async function bundleImports(): Promise<{ imports: string[]; exports: string[] }> {
  const result = await build({
    entryPoints: [BUNDLE],
    bundle: true,
    write: false,
    metafile: true,
    packages: "external",
    platform: "node",
    format: "esm",
    outdir: "unused",
    logLevel: "silent",
  });
  const output = Object.values(result.metafile.outputs)[0];
  const input = Object.values(result.metafile.inputs)[0];
  if (!output || !input) throw new Error("esbuild produced no output for the bundle");
  return { imports: input.imports.map((i) => i.original ?? i.path), exports: output.exports };
}

describe("the functions deploy folder", () => {
  beforeAll(() => {
    execFileSync("npm", ["run", "--silent", "build"], { cwd: FUNCTIONS, stdio: "inherit" });
  }, 60_000);

  it("declares only registry packages, no workspace of this repository", () => {
    expect(workspaceNames()).toContain("@showroom/model");
    expect(nonRegistryDependencies(readJson<PackageJson>(path.join(FUNCTIONS, "package.json")), workspaceNames())).toEqual([]);
  });

  it("bundles the workspaces in: every bare import in lib/index.js is a declared dependency or a Node builtin", async () => {
    const { imports } = await bundleImports();
    expect(imports).toContain("firebase-functions/https");
    expect(undeclaredImports(imports, readJson<PackageJson>(path.join(FUNCTIONS, "package.json")))).toEqual([]);
  });

  it("loads lib/index.js and exports a function for each name it declares (the emulator-only baseline is undefined)", async () => {
    const { exports } = await bundleImports();
    // A child process, as the Functions runtime loads it: outside the emulator, with nothing of this test in scope.
    const script = `const m = await import(${JSON.stringify(pathToFileURL(BUNDLE).href)}); console.log(JSON.stringify(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v]))));`;
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("FUNCTIONS_EMULATOR") && !k.endsWith("_EMULATOR_HOST")));
    const loaded = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: FUNCTIONS, env, encoding: "utf8" })) as Record<
      string,
      string
    >;
    expect(Object.keys(loaded).sort()).toEqual([...exports].sort());
    expect(Object.keys(loaded).length).toBeGreaterThan(15);
    expect(Object.entries(loaded).filter(([, type]) => type !== "function")).toEqual([["benchNaivePlaceOrder", "undefined"]]);
    // Loading firebase-admin and the SDKs in a fresh process takes seconds on a busy 2-core machine.
  }, 60_000);
});
