import { defineConfig } from "vitest/config";

// Emulator suites run one file at a time: they share one emulator suite and clear data.
const serial = { fileParallelism: false, testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["model/src/**/*.test.ts", "functions/src/**/*.test.ts", "scripts/**/*.test.ts", "web/src/**/*.test.ts"],
        },
      },
      { test: { name: "launcher", include: ["tests/launcher/**/*.test.ts"], ...serial, testTimeout: 300_000 } },
      { test: { name: "rules", include: ["tests/rules/**/*.test.ts"], ...serial } },
      // The callable fuzz suite proves each bad call wrote nothing by digesting the whole database, so it runs
      // first, on a small database with no other suite's holds left to expire (and sweep) under it.
      { test: { name: "fuzz", include: ["tests/integration/fuzz.test.ts"], ...serial, globalSetup: ["tests/integration/global-setup.ts"] } },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          exclude: ["tests/integration/fuzz.test.ts"],
          ...serial,
          globalSetup: ["tests/integration/global-setup.ts"],
        },
      },
      { test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"], ...serial, globalSetup: ["tests/e2e/global-setup.ts"] } },
    ],
  },
});
