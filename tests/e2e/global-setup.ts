/**
 * e2e: seed the demo store into the running emulators and serve the web app
 * with Vite, pointed at those emulators. Tests read the URL with inject("baseUrl").
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { createServer } from "vite";
import type { TestProject } from "vitest/node";
import { authEmulator, firestoreEmulator, functionsEmulator, PROJECT_ID } from "../support/env.js";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * The browser suites count products and documents: start them from an empty database, then the demo store.
 * After the integration suite the functions are still busy (webhook retries, relay catch-up), and a reset
 * that meets their work in flight can be refused; it is tried again for a while, and a last refusal says why.
 */
async function clearEmulators(): Promise<void> {
  const fs = firestoreEmulator();
  const au = authEmulator();
  for (const url of [
    `http://${fs.host}:${fs.port}/emulator/v1/projects/${PROJECT_ID}/databases/(default)/documents`,
    `http://${au.host}:${au.port}/emulator/v1/projects/${PROJECT_ID}/accounts`,
  ]) {
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(url, { method: "DELETE" }).catch((error: unknown) => error as Error);
      if (!(response instanceof Error) && response.ok) break;
      const why = response instanceof Error ? response.message : `${response.status} ${await response.text()}`;
      if (attempt === 10) throw new Error(`Could not clear ${url} after ${attempt} tries: ${why}`);
      console.warn(`e2e setup: clearing ${url} failed (${why}); trying again`);
      await new Promise((r) => setTimeout(r, 3_000));
    }
  }
}

export default async function setup(project: TestProject) {
  await clearEmulators();
  execFileSync(process.execPath, ["--import", "tsx", path.resolve("scripts/seed/index.ts")], { stdio: "inherit" });
  Object.assign(process.env, {
    VITE_FIRESTORE_PORT: String(firestoreEmulator().port),
    VITE_AUTH_PORT: String(authEmulator().port),
    VITE_FUNCTIONS_PORT: functionsEmulator().port,
  });
  const server = await createServer({ root: path.resolve("web"), server: { port: 0, strictPort: false, hmr: false, watch: null }, logLevel: "warn" });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === "string") throw new Error("Vite did not report a port");
  project.provide("baseUrl", `http://127.0.0.1:${address.port}`);
  return () => server.close();
}
