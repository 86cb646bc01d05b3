/**
 * `npm run crash`: on its own emulators (through `with-emulators`), kills the
 * Functions workers in the middle of a flash sale, of a receiving import and
 * of event relay and webhook delivery, and freezes Firestore under orders;
 * clients retry with the same keys. Prints
 * one table and exits 1 if any invariant failed (each is printed).
 */
import { requireEmulators } from "../lib/admin.js";
import { table } from "../bench/table.js";
import { runCrashScenarios } from "./run.js";

requireEmulators();
const { rows, problems } = await runCrashScenarios((line) => console.error(line));
console.log(table(rows));
for (const problem of problems) console.error(`INVARIANT BROKEN: ${problem}`);
console.log(problems.length === 0 ? "\ncrash: every invariant held" : `\ncrash: ${problems.length} invariant(s) broken`);
process.exit(problems.length === 0 ? 0 : 1);
