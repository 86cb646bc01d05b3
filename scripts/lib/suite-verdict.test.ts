import { describe, expect, it } from "vitest";
import { isCi, verdict, type SuiteResult } from "./suite-verdict.js";

const passed = (name: string): SuiteResult => ({ name, outcome: "passed", seconds: 1 });
const failed = (name: string): SuiteResult => ({ name, outcome: "failed", seconds: 1 });
const skipped = (name: string): SuiteResult => ({ name, outcome: "skipped", seconds: 0, why: "no Firestore emulator" });

describe("verdict", () => {
  it("passes when every suite passed, on CI and off", () => {
    for (const ci of [true, false]) {
      const v = verdict([passed("unit"), passed("rules")], ci);
      expect(v.exitCode).toBe(0);
      expect(v.lines.at(-1)).toBe("suites: 2 passed, 0 failed, 0 skipped");
    }
  });

  it("fails on CI when a suite was skipped, saying so in capitals", () => {
    const v = verdict([passed("unit"), skipped("rules"), skipped("e2e")], true);
    expect(v.exitCode).toBe(1);
    expect(v.lines.join("\n")).toMatch(/FAILED: 2 SUITES WERE SKIPPED ON CI/);
    expect(v.lines.at(-1)).toBe("suites: 1 passed, 0 failed, 2 skipped");
  });

  it("passes locally with skipped suites but warns in capitals and says why", () => {
    const v = verdict([passed("unit"), skipped("rules")], false);
    expect(v.exitCode).toBe(0);
    expect(v.lines).toContain("  WARNING: 1 SUITES WERE SKIPPED AND DID NOT RUN.");
    expect(v.lines.find((l) => l.includes("rules"))).toMatch(/SKIPPED .*\(no Firestore emulator\)/);
  });

  it("fails on a failed suite, on CI and off", () => {
    for (const ci of [true, false]) expect(verdict([passed("unit"), failed("lint")], ci).exitCode).toBe(1);
  });
});

describe("isCi", () => {
  it("reads CI=true and other truthy values as CI", () => {
    expect(isCi({ CI: "true" })).toBe(true);
    expect(isCi({ CI: "1" })).toBe(true);
    expect(isCi({ CI: "TRUE" })).toBe(true);
  });

  it("reads an absent, empty, 0 or false CI as a developer's machine", () => {
    for (const CI of [undefined, "", "0", "false", "False"]) expect(isCi({ CI })).toBe(false);
  });
});
