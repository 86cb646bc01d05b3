/**
 * `npm run with-emulators -- CMD…`: builds the functions, starts Firestore +
 * Auth + Functions, runs CMD with the emulator variables set, stops the
 * emulators and exits with CMD's status. SHOWROOM_EMULATOR_SLOT=N moves all
 * ports by 10 × N so a second run can sit beside `npm start`.
 */
import { spawn } from "node:child_process";
import { buildFunctions } from "./emulators/build-functions.js";
import { parseSlot } from "./emulators/config.js";
import { MissingEmulatorError } from "./emulators/missing-emulator.js";
import { startEmulators } from "./emulators/suite.js";

/** Exit status when an emulator is not installed: `npm test` tells it apart from a failure. */
export const EXIT_NO_EMULATOR = 78;

const separator = process.argv.indexOf("--");
const command = separator >= 0 ? process.argv.slice(separator + 1) : process.argv.slice(2);
if (command.length === 0) {
  console.error("usage: npm run with-emulators -- CMD [ARGS…]");
  process.exit(2);
}

const log = (line: string) => console.error(`[emulators] ${line}`);
const started = Date.now();
let suite;
try {
  buildFunctions();
  suite = await startEmulators({ slot: parseSlot(process.env.SHOWROOM_EMULATOR_SLOT), log });
} catch (error) {
  if (error instanceof MissingEmulatorError) {
    console.error(error.message);
    process.exit(EXIT_NO_EMULATOR);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
log(
  `ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${Object.entries(suite.ports)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ")})`,
);

const [program, ...args] = command as [string, ...string[]];
const child = spawn(program, args, { stdio: "inherit", env: { ...process.env, ...suite.env }, shell: false });
const forward = (signal: NodeJS.Signals) => child.kill(signal);
process.on("SIGINT", forward);
process.on("SIGTERM", forward);
const status = await new Promise<number>((resolve) => {
  child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  child.once("error", (error) => {
    console.error(`Could not run ${program}: ${error.message}`);
    resolve(127);
  });
});
await suite.stop();
process.exit(status);
