/**
 * `npm start`: the emulators with data kept between runs (seeded on first run)
 * plus the Vite dev server. Ctrl+C exports the data explicitly (firebase-tools'
 * --export-on-exit is unreliable), then stops every child.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createServer, type ViteDevServer } from "vite";
import { buildFunctions } from "./emulators/build-functions.js";
import { parseSlot, ROOT } from "./emulators/config.js";
import { MissingEmulatorError } from "./emulators/missing-emulator.js";
import { startEmulators, type RunningSuite } from "./emulators/suite.js";
import { DEMO_PASSWORD, demoAccounts } from "./seed/demo-accounts.js";

const slot = parseSlot(process.env.SHOWROOM_EMULATOR_SLOT);
const dataDir = path.resolve(process.env.SHOWROOM_DATA_DIR ?? path.join(ROOT, ".emulator-data"));
const hasData = fs.existsSync(path.join(dataDir, "firebase-export-metadata.json"));
const log = (line: string) => console.log(`[showroom] ${line}`);

function seed(env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "seed", "index.ts")], {
      stdio: "inherit",
      env: { ...process.env, ...env },
    });
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`seed exited with ${code}`))));
  });
}

let suite: RunningSuite | undefined;
let web: ViteDevServer | undefined;
let stopping = false;

async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(`${signal}: saving data to ${path.relative(ROOT, dataDir) || dataDir}…`);
  try {
    if (suite) await suite.exportTo(dataDir);
    log("data saved.");
  } catch (error) {
    console.error(`[showroom] could not save data: ${error instanceof Error ? error.message : String(error)}`);
  }
  await web?.close();
  await suite?.stop();
  log("stopped.");
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

try {
  const started = Date.now();
  buildFunctions();
  log(hasData ? `starting emulators with saved data from ${path.relative(ROOT, dataDir) || dataDir}` : "starting emulators (first run: will seed)");
  suite = await startEmulators({ slot, log, ...(hasData ? { importDir: dataDir } : {}) });
  log(`emulators ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!hasData) {
    await seed(suite.env);
    await suite.exportTo(dataDir);
  }
  const { firestore, auth, functions, pubsub, smtp, mailWeb } = suite.ports;
  Object.assign(process.env, {
    VITE_FIRESTORE_PORT: String(firestore),
    VITE_AUTH_PORT: String(auth),
    VITE_FUNCTIONS_PORT: String(functions),
  });
  const webPort = 5173 + 10 * slot;
  web = await createServer({ root: path.join(ROOT, "web"), server: { port: webPort, strictPort: true }, logLevel: "warn" });
  await web.listen();
  const url = `http://127.0.0.1:${webPort}`;
  console.log(`
  Showroom is running (${((Date.now() - started) / 1000).toFixed(1)} s)

  Storefront   ${url}/
  Staff admin  ${url}/admin
  Mail inbox   http://127.0.0.1:${mailWeb}/   (every email the store sends)

  Demo logins (password: ${DEMO_PASSWORD})
${demoAccounts.map((a) => `    ${a.email.padEnd(24)} ${a.role ?? "shopper"}`).join("\n")}

  Emulators: Firestore ${firestore}, Auth ${auth}, Functions ${functions}, Pub/Sub ${pubsub}; SMTP ${smtp}
  Data is saved to ${path.relative(ROOT, dataDir) || dataDir} when you press Ctrl+C.
`);
} catch (error) {
  if (error instanceof MissingEmulatorError) console.error(error.message);
  else console.error(`[showroom] ${error instanceof Error ? error.message : String(error)}`);
  await web?.close();
  await suite?.stop();
  process.exit(1);
}
