/**
 * The three crash scenarios in one run, shared by `npm run crash` and the
 * bench's "crash" row. Sizes come from CRASH_* variables (defaults below).
 */
import type { Row } from "../bench/types.js";
import { firestorePause } from "./firestore-pause.js";
import { flashSaleCrash, type ScenarioResult } from "./flash-sale.js";
import { receivingCrash } from "./receiving.js";
import { crashTarget } from "./target.js";

const size = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

export async function runCrashScenarios(log: (line: string) => void = () => {}): Promise<{ rows: Row[]; problems: string[] }> {
  const target = crashTarget();
  const run = Date.now().toString(36).toUpperCase();
  const results: ScenarioResult[] = [];
  // A scenario that cannot run (e.g. its process was not found) is a broken run, but the others still report.
  const attempt = async (name: string, scenario: () => Promise<ScenarioResult>) => {
    log(`crash: ${name}…`);
    try {
      results.push(await scenario());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.push({ row: { bench: "crash", variant: name, ok: "NO", note: message }, problems: [message] });
    }
  };
  await attempt("flash sale with SIGKILLed workers", () =>
    flashSaleCrash(target, { run, shoppers: size("CRASH_SHOPPERS", 200), units: size("CRASH_UNITS", 60), holders: size("CRASH_HOLDERS", 40) }),
  );
  await attempt("receiving import with SIGKILLed workers", () =>
    receivingCrash(target, {
      run,
      receipts: size("CRASH_RECEIPTS", 4),
      rows: size("CRASH_RECEIPT_ROWS", 100),
      killAfterMs: size("CRASH_RECEIPT_KILL_MS", 250),
    }),
  );
  await attempt("Firestore paused", () => firestorePause(target, { run, shoppers: size("CRASH_PAUSE_SHOPPERS", 60), pauseMs: size("CRASH_PAUSE_MS", 5_000) }));
  return { rows: results.map((r) => r.row), problems: results.flatMap((r) => r.problems.map((p) => `${r.row.variant}: ${p}`)) };
}
