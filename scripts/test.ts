/**
 * `npm test`: every suite, in order — typecheck, lint, format, unit, then the suites
 * that need the emulators (the `npm start` persistence check, rules,
 * integration, browser e2e). Without a Firestore emulator those are skipped,
 * loudly, and counted as skipped, never as passed.
 */
import { spawnSync } from "node:child_process";
import { buildFunctions } from "./emulators/build-functions.js";
import { parseSlot } from "./emulators/config.js";
import { MissingFirestoreEmulatorError } from "./emulators/resolve-firestore.js";
import { findFirestoreEmulator, startEmulators } from "./emulators/suite.js";

type Outcome = "passed" | "failed" | "skipped";
const results: { name: string; outcome: Outcome; seconds: number; why?: string }[] = [];

function run(name: string, command: string[], env: Record<string, string> = {}): void {
  console.log(`\n━━ ${name}: ${command.join(" ")}`);
  const started = Date.now();
  const [program, ...args] = command as [string, ...string[]];
  const status = spawnSync(program, args, { stdio: "inherit", env: { ...process.env, ...env } }).status;
  results.push({ name, outcome: status === 0 ? "passed" : "failed", seconds: (Date.now() - started) / 1000 });
}

const vitest = (project: string) => ["vitest", "run", "--project", project];
const EMULATOR_SUITES = ["launcher", "rules", "integration", "e2e"];

run("typecheck", ["tsc", "-p", "tsconfig.json"]);
run("typecheck web", ["tsc", "-p", "web/tsconfig.json"]);
run("lint", ["eslint", "--max-warnings", "0", "."]);
run("format", ["prettier", "--check", "."]);
run("unit", vitest("unit"));

let missing: string | undefined;
try {
  findFirestoreEmulator();
} catch (error) {
  if (!(error instanceof MissingFirestoreEmulatorError)) throw error;
  missing = error.message;
}

if (missing) {
  for (const name of EMULATOR_SUITES) results.push({ name, outcome: "skipped", seconds: 0, why: "no Firestore emulator" });
  console.error(`\n${"!".repeat(78)}\nSKIPPED ${EMULATOR_SUITES.map((s) => s.toUpperCase()).join(", ")}: NO FIRESTORE EMULATOR ON THIS MACHINE.\n${missing}\n${"!".repeat(78)}`);
} else {
  // `npm start` itself, on its own ports (slot 2), so it can sit beside the suite below.
  run("launcher", vitest("launcher"));
  const slot = parseSlot(process.env.SHOWROOM_EMULATOR_SLOT);
  console.log(`\n━━ starting emulators (slot ${slot})`);
  const started = Date.now();
  buildFunctions();
  const suite = await startEmulators({ slot, log: (line) => console.log(`[emulators] ${line}`) });
  console.log(`[emulators] ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  try {
    for (const project of ["rules", "integration", "e2e"]) run(project, vitest(project), suite.env);
  } finally {
    await suite.stop();
  }
}

const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
console.log("\n━━ summary");
for (const r of results) console.log(`  ${r.outcome.toUpperCase().padEnd(8)} ${r.name.padEnd(16)} ${r.seconds.toFixed(1)} s${r.why ? `  (${r.why})` : ""}`);
if (count("skipped") > 0) console.log(`  WARNING: ${count("skipped")} SUITES WERE SKIPPED AND DID NOT RUN.`);
console.log(`suites: ${count("passed")} passed, ${count("failed")} failed, ${count("skipped")} skipped`);
process.exit(count("failed") > 0 ? 1 : 0);
