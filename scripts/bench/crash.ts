/**
 * Crash (issue 15): the kill-and-retry run of `npm run crash` as bench rows —
 * orders created = successful answers + recovered retries, 0 duplicates, 0 drift.
 * A broken invariant fails the bench.
 */
import { runCrashScenarios } from "../crash/run.js";
import { table } from "./table.js";
import type { BenchModule } from "./types.js";

export const crash: BenchModule = {
  name: "crash",
  async run() {
    const { rows, problems } = await runCrashScenarios((line) => console.error(line));
    if (problems.length > 0) {
      // The bench reports a failed module as one row; keep the figures in the log.
      console.error(table(rows));
      throw new Error(problems.join("; "));
    }
    return rows;
  },
};
