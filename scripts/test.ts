/**
 * `npm test`: every suite, in order — typecheck, lint, format, unit, then the suites
 * that need the emulators (the `npm start` persistence check, rules,
 * integration, browser e2e). Without a Firestore or Pub/Sub emulator (or, for e2e, a
 * Chromium) those are skipped, loudly, and counted as skipped, never as
 * passed; under CI=true a skipped suite fails the run (see suite-verdict.ts).
 */
import { spawn } from "node:child_process";
import { buildFunctions } from "./emulators/build-functions.js";
import { parseSlot } from "./emulators/config.js";
import { MissingEmulatorError } from "./emulators/missing-emulator.js";
import { findEmulators, startEmulators } from "./emulators/suite.js";
import { findChromium, MissingChromiumError } from "./lib/find-chromium.js";
import { isCi, verdict, type SuiteResult } from "./lib/suite-verdict.js";

const results: SuiteResult[] = [];

/**
 * Runs one suite and records its outcome. Asynchronously, never with spawnSync: while a suite runs, this
 * process must keep draining the emulators' output into their log, where tests read the functions' log lines.
 */
async function run(name: string, command: string[], env: Record<string, string> = {}): Promise<void> {
  console.log(`\n━━ ${name}: ${command.join(" ")}`);
  const started = Date.now();
  const [program, ...args] = command as [string, ...string[]];
  const child = spawn(program, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const status = await new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.once("error", () => resolve(null));
  });
  results.push({ name, outcome: status === 0 ? "passed" : "failed", seconds: (Date.now() - started) / 1000 });
}

function skip(names: string[], why: string, detail: string): void {
  for (const name of names) results.push({ name, outcome: "skipped", seconds: 0, why });
  console.error(
    `\n${"!".repeat(78)}\nSKIPPED ${names.map((s) => s.toUpperCase()).join(", ")}: ${why.toUpperCase()} ON THIS MACHINE.\n${detail}\n${"!".repeat(78)}`,
  );
}

/** The install hint when `find` throws the "missing" error `kind`, else undefined. */
function missing(find: () => unknown, kind: new (...args: never[]) => Error): string | undefined {
  try {
    find();
    return undefined;
  } catch (error) {
    if (!(error instanceof kind)) throw error;
    return error.message;
  }
}

const vitest = (project: string) => ["vitest", "run", "--project", project];
const EMULATOR_SUITES = ["launcher", "rules", "fuzz", "integration", "e2e"];

await run("typecheck", ["tsc", "-p", "tsconfig.json"]);
await run("typecheck web", ["tsc", "-p", "web/tsconfig.json"]);
await run("lint", ["eslint", "--max-warnings", "0", "."]);
await run("format", ["prettier", "--check", "."]);
await run("unit", vitest("unit"));

const noEmulator = missing(findEmulators, MissingEmulatorError);
if (noEmulator) {
  skip(EMULATOR_SUITES, "no Firestore or Pub/Sub emulator", noEmulator);
} else {
  // `npm start` itself, on its own ports (slot 2), so it can sit beside the suite below.
  await run("launcher", vitest("launcher"));
  const slot = parseSlot(process.env.SHOWROOM_EMULATOR_SLOT);
  buildFunctions();
  await withSuite(slot, "rules, fuzz, integration", async (env) => {
    for (const project of ["rules", "fuzz", "integration"]) await run(project, vitest(project), env);
  });
  // The browser suite gets emulators of its own: after the integration suite the functions are still
  // working off its backlog (webhook retries, relay catch-up) in dozens of worker processes, which is
  // neither the demo store the browser tests expect nor memory a small machine can spare.
  const noBrowser = missing(findChromium, MissingChromiumError);
  if (noBrowser) skip(["e2e"], "no Chromium", noBrowser);
  else await withSuite(slot, "e2e", (env) => run("e2e", vitest("e2e"), env));
}

async function withSuite(slot: number, purpose: string, work: (env: Record<string, string>) => Promise<void>): Promise<void> {
  console.log(`\n━━ starting emulators (slot ${slot}) for ${purpose}`);
  const started = Date.now();
  const suite = await startEmulators({ slot, log: (line) => console.log(`[emulators] ${line}`) });
  console.log(`[emulators] ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  try {
    await work(suite.env);
  } finally {
    await suite.stop();
  }
}

const { exitCode, lines } = verdict(results, isCi(process.env));
console.log("\n━━ summary");
for (const line of lines) console.log(line);
process.exit(exitCode);
