/**
 * The four crash scenarios in one run, shared by `npm run crash` and the
 * bench's "crash" row. Sizes come from CRASH_* variables (defaults below).
 */
import type { Row } from "../bench/types.js";
import { firestorePause } from "./firestore-pause.js";
import { flashSaleCrash, type ScenarioResult } from "./flash-sale.js";
import { receivingCrash } from "./receiving.js";
import { crashTarget } from "./target.js";
import { webhooksCrash } from "./webhooks.js";

const size = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

export async function runCrashScenarios(log: (line: string) => void = () => {}): Promise<{ rows: Row[]; problems: string[] }> {
  const target = crashTarget();
  const run = Date.now().toString(36).toUpperCase();
  const results: ScenarioResult[] = [];
  // A scenario that cannot run (e.g. its process was not found) is a broken run, but the others still report.
  // CRASH_ONLY=webhooks,receiving runs some of them (keys: flash-sale, receiving, webhooks, firestore-pause).
  const only = process.env.CRASH_ONLY?.split(",").map((s) => s.trim());
  const attempt = async (key: string, name: string, scenario: () => Promise<ScenarioResult>) => {
    if (only && !only.includes(key)) return;
    log(`crash: ${name}…`);
    try {
      results.push(await scenario());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.push({ row: { bench: "crash", variant: name, ok: "NO", note: message }, problems: [message] });
    }
  };
  await attempt("flash-sale", "flash sale with SIGKILLed workers", () =>
    flashSaleCrash(target, { run, shoppers: size("CRASH_SHOPPERS", 200), units: size("CRASH_UNITS", 60), holders: size("CRASH_HOLDERS", 40) }),
  );
  await attempt("receiving", "receiving import with SIGKILLed workers", () =>
    receivingCrash(target, {
      run,
      receipts: size("CRASH_RECEIPTS", 4),
      rows: size("CRASH_RECEIPT_ROWS", 100),
      killAfterMs: size("CRASH_RECEIPT_KILL_MS", 250),
    }),
  );
  await attempt("webhooks", "events and webhooks with SIGKILLed workers", () =>
    webhooksCrash(target, {
      run,
      skus: size("CRASH_WEBHOOK_SKUS", 20),
      changes: size("CRASH_WEBHOOK_CHANGES", 10),
      killAfterMs: [size("CRASH_WEBHOOK_KILL_MS", 1_500), size("CRASH_WEBHOOK_KILL_MS", 1_500) * 3],
    }),
  );
  await attempt("firestore-pause", "Firestore paused", () =>
    firestorePause(target, { run, shoppers: size("CRASH_PAUSE_SHOPPERS", 60), pauseMs: size("CRASH_PAUSE_MS", 5_000) }),
  );
  return { rows: results.map((r) => r.row), problems: results.flatMap((r) => r.problems.map((p) => `${r.row.variant}: ${p}`)) };
}
