/**
 * Telemetry overhead (issue 13): the flash sale's one-SKU wall time and live
 * stock's p50/p99 with tracing and live-health minute stats on, against the
 * same with both off (`SHOWROOM_TRACING=off`, `SHOWROOM_OPS_MINUTES=off`), in
 * the same run. Functions read those settings when they start, so each setting
 * gets fresh emulator suites: on, off, off, on, …, one suite up at a time,
 * so a drift in machine load falls on both alike. Each suite serves one
 * unmeasured round, then its measured rounds; each half of a round starts on
 * a quiet machine. The verdict compares each setting's median round (every
 * round is printed too).
 * Target: on is at most 5 % slower than off.
 *
 * One suite at a time, because with the on and off suites both up (two
 * Firestore JVMs and Functions emulators on a 2-core machine, one finishing
 * the last round's events while the other measured), half the rounds of both
 * settings had 11–21 s live-stock stalls, and one stall is a round's p99.
 */
import { spawn } from "node:child_process";
import { parseSlot } from "../emulators/config.js";
import { startEmulators, type RunningSuite } from "../emulators/suite.js";
import { waitForQuietMachine } from "./quiet-machine.js";
import { round, type BenchModule, type Row } from "./types.js";

/** Suites per setting, started in the order on, off, off, on, …; each serves ROUNDS measured rounds. */
const SUITES = Number(process.env.BENCH_OVERHEAD_SUITES ?? 3);
const ROUNDS = Number(process.env.BENCH_OVERHEAD_ROUNDS ?? 2);
/** A slot beside the bench's own emulators (SHOWROOM_EMULATOR_SLOT, 0 by default). */
const SLOT = parseSlot(process.env.BENCH_OVERHEAD_SLOT ?? "4");
const TELEMETRY_OFF = { SHOWROOM_TRACING: "off", SHOWROOM_OPS_MINUTES: "off" };
type Setting = "on" | "off";
/** The two benches a round runs, each in its own child process (telemetry-round.ts). */
type Half = "flash sale" | "live stock";

interface Figures {
  flashWallMs: number;
  liveP50Ms: number;
  liveP99Ms: number;
}

/** Runs telemetry-round.ts for `bench` against `suite` and answers the rows it prints. */
async function runHalf(suite: RunningSuite, bench: Half): Promise<Row[]> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench/telemetry-round.ts", bench], {
    env: { ...process.env, ...suite.env, BENCH_NAIVE_SHOPPERS: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`telemetry round (${bench}) exited with ${code}`);
  return JSON.parse(out.trim().split("\n").at(-1) ?? "[]") as Row[];
}

/**
 * One round: the flash sale, then live stock, each started on a quiet machine
 * (quiet-machine.ts), so neither measures the other's leftover triggers.
 */
async function runRound(suite: RunningSuite, log: (line: string) => void): Promise<Figures> {
  const quietly = async (bench: Half) => {
    const waited = await waitForQuietMachine({ log });
    log(`  ${bench} after ${(waited / 1000).toFixed(0)} s waiting for a quiet machine`);
    return runHalf(suite, bench);
  };
  const hot = (await quietly("flash sale")).find((r) => r.variant.startsWith("one SKU"));
  const live = (await quietly("live stock")).find((r) => r.variant.startsWith("adjustStock"));
  if (!hot || !live) throw new Error("telemetry round printed no flash sale or live stock row");
  if (hot.drift !== 0 || hot.otherErrors !== 0) throw new Error(`flash sale round broke: drift ${hot.drift}, errors ${hot.otherErrors} (${hot.note})`);
  return { flashWallMs: Number(hot.wallMs), liveP50Ms: Number(live.p50Ms), liveP99Ms: Number(live.p99Ms) };
}

/** The middle round's figure (the mean of the middle two for an even count): one slow round must not decide the verdict. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** on, off, off, on, on, off, …: each setting gets `SUITES` suites, and neither always goes first. */
const suiteOrder = (): Setting[] => Array.from({ length: SUITES }, (_, i) => (i % 2 === 0 ? (["on", "off"] as const) : (["off", "on"] as const))).flat();

export const telemetryOverhead: BenchModule = {
  name: "telemetry overhead",
  async run() {
    const log = (line: string) => console.error(`[overhead] ${line}`);
    const figures = { on: [] as Figures[], off: [] as Figures[] };
    for (const [n, setting] of suiteOrder().entries()) {
      const suite = await startEmulators({ slot: SLOT, log, env: setting === "on" ? {} : TELEMETRY_OFF });
      try {
        // One unmeasured round first: a fresh Firestore emulator (a JVM) is slow until it has served some traffic,
        // and in the first measured runs both settings showed 16–18 s live-stock p99 outliers and the slowest flash sales.
        log(`suite ${n + 1}, telemetry ${setting}: warm-up round…`);
        await runRound(suite, log);
        for (let i = 0; i < ROUNDS; i += 1) {
          log(`suite ${n + 1}, telemetry ${setting}: round ${i + 1}…`);
          figures[setting].push(await runRound(suite, log));
        }
      } finally {
        await suite.stop();
      }
    }
    const summary = (setting: Setting) => ({
      flashWallMs: median(figures[setting].map((f) => f.flashWallMs)),
      liveP50Ms: median(figures[setting].map((f) => f.liveP50Ms)),
      liveP99Ms: median(figures[setting].map((f) => f.liveP99Ms)),
    });
    const [withTelemetry, without] = [summary("on"), summary("off")];
    const ratio = (key: keyof Figures) => round(withTelemetry[key] / without[key], 3);
    const row = (variant: string, s: Figures, ratios: boolean, rounds = SUITES * ROUNDS): Row => ({
      bench: "telemetry overhead",
      variant,
      rounds,
      flashWallMs: round(s.flashWallMs),
      liveP50Ms: round(s.liveP50Ms),
      liveP99Ms: round(s.liveP99Ms),
      ratio: ratios ? `${ratio("flashWallMs")} / ${ratio("liveP50Ms")} / ${ratio("liveP99Ms")}` : "1",
      note: ratios ? "medians over rounds; ratio = flash wall / live p50 / live p99 vs off; target ≤ 1.05" : "",
    });
    // Each round's own figures too, so a slow round shows for what it is.
    const perRound = (["on", "off"] as const).flatMap((setting) => figures[setting].map((f, i) => row(`  round ${i + 1}, telemetry ${setting}`, f, false, 1)));
    return [row("tracing + minute stats on", withTelemetry, true), row("baseline: both off", without, false), ...perRound];
  },
};
