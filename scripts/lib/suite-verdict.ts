/**
 * How `npm test` ends, from what each suite did. Pure, so the rule that keeps
 * CI honest is unit-tested: on CI (the project's machines have the emulator
 * components and a browser) a skipped suite is a failure, never a quiet
 * green on unit tests alone; on a developer's machine it is a loud warning.
 */

export type Outcome = "passed" | "failed" | "skipped";

export interface SuiteResult {
  name: string;
  outcome: Outcome;
  seconds: number;
  /** Why it was skipped, and what to install. */
  why?: string;
}

export interface Verdict {
  exitCode: 0 | 1;
  /** The summary to print, last line `suites: N passed, N failed, N skipped`. */
  lines: string[];
}

/** CI=true (or any value but "", "0", "false"), as GitHub, GitLab and `.ci/run` set it. */
export function isCi(env: Record<string, string | undefined>): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && !["", "0", "false"].includes(value);
}

export function verdict(results: readonly SuiteResult[], ci: boolean): Verdict {
  const count = (outcome: Outcome) => results.filter((r) => r.outcome === outcome).length;
  const skipped = count("skipped");
  const lines = results.map((r) => `  ${r.outcome.toUpperCase().padEnd(8)} ${r.name.padEnd(16)} ${r.seconds.toFixed(1)} s${r.why ? `  (${r.why})` : ""}`);
  if (skipped > 0) {
    lines.push(
      ci
        ? `  FAILED: ${skipped} SUITES WERE SKIPPED ON CI, WHERE EVERY SUITE MUST RUN. INSTALL WHAT THEY NEED (SEE ABOVE).`
        : `  WARNING: ${skipped} SUITES WERE SKIPPED AND DID NOT RUN.`,
    );
  }
  lines.push(`suites: ${count("passed")} passed, ${count("failed")} failed, ${skipped} skipped`);
  const failed = count("failed") > 0 || (ci && skipped > 0);
  return { exitCode: failed ? 1 : 0, lines };
}
