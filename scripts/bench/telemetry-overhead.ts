/**
 * Telemetry overhead (issue 13): the flash sale's one-SKU wall time and live
 * stock's p50/p99 with tracing and live-health minute stats on, against the
 * same with both off (`SHOWROOM_TRACING=off`, `SHOWROOM_OPS_MINUTES=off`), in
 * the same run. Functions read those settings when they start, so each setting
 * gets its own fresh emulator suite; rounds run one at a time in the order
 * on, off, off, on, …, so a drift in machine load falls on both alike. The
 * verdict compares each setting's median round (every round is printed too).
 * Target: on is at most 5 % slower than off.
 */
import { spawn } from "node:child_process";
import { parseSlot } from "../emulators/config.js";
import { startEmulators, type RunningSuite } from "../emulators/suite.js";
import { round, type BenchModule, type Row } from "./types.js";

const ROUNDS = Number(process.env.BENCH_OVERHEAD_ROUNDS ?? 4);
/** Two slots beside the bench's own emulators (SHOWROOM_EMULATOR_SLOT, 0 by default). */
const SLOTS = (process.env.BENCH_OVERHEAD_SLOTS ?? "3,4").split(",").map((s) => parseSlot(s.trim()));
const TELEMETRY_OFF = { SHOWROOM_TRACING: "off", SHOWROOM_OPS_MINUTES: "off" };

interface Figures {
  flashWallMs: number;
  liveP50Ms: number;
  liveP99Ms: number;
}

/** Runs telemetry-round.ts against `suite` and picks its figures from the rows it prints. */
async function runRound(suite: RunningSuite): Promise<Figures> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench/telemetry-round.ts"], {
    env: { ...process.env, ...suite.env, BENCH_NAIVE_SHOPPERS: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`telemetry round exited with ${code}`);
  const rows = JSON.parse(out.trim().split("\n").at(-1) ?? "[]") as Row[];
  const hot = rows.find((r) => r.bench === "flash sale" && r.variant.startsWith("one SKU"));
  const live = rows.find((r) => r.bench === "live stock" && r.variant.startsWith("adjustStock"));
  if (!hot || !live) throw new Error(`telemetry round printed no flash sale or live stock row: ${out.slice(-300)}`);
  if (hot.drift !== 0 || hot.otherErrors !== 0) throw new Error(`flash sale round broke: drift ${hot.drift}, errors ${hot.otherErrors} (${hot.note})`);
  return { flashWallMs: Number(hot.wallMs), liveP50Ms: Number(live.p50Ms), liveP99Ms: Number(live.p99Ms) };
}

/** The middle round's figure (the mean of the middle two for an even count): one slow round must not decide the verdict. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const telemetryOverhead: BenchModule = {
  name: "telemetry overhead",
  async run() {
    const log = (line: string) => console.error(`[overhead] ${line}`);
    const suites: RunningSuite[] = [];
    try {
      const on = await startEmulators({ slot: SLOTS[0], log });
      suites.push(on);
      const off = await startEmulators({ slot: SLOTS[1], log, env: TELEMETRY_OFF });
      suites.push(off);
      // One unmeasured round each first: a fresh Firestore emulator (a JVM) is slow until it has served some traffic,
      // and in the first measured runs both settings showed 16–18 s live-stock p99 outliers and the slowest flash sales.
      for (const [setting, suite] of [["on", on] as const, ["off", off] as const]) {
        log(`warm-up round, telemetry ${setting}…`);
        await runRound(suite);
      }
      const figures = { on: [] as Figures[], off: [] as Figures[] };
      for (let i = 0; i < ROUNDS; i += 1) {
        const order = i % 2 === 0 ? (["on", "off"] as const) : (["off", "on"] as const);
        for (const setting of order) {
          log(`round ${i + 1}, telemetry ${setting}…`);
          figures[setting].push(await runRound(setting === "on" ? on : off));
        }
      }
      const summary = (setting: "on" | "off") => ({
        flashWallMs: median(figures[setting].map((f) => f.flashWallMs)),
        liveP50Ms: median(figures[setting].map((f) => f.liveP50Ms)),
        liveP99Ms: median(figures[setting].map((f) => f.liveP99Ms)),
      });
      const [withTelemetry, without] = [summary("on"), summary("off")];
      const ratio = (key: keyof Figures) => round(withTelemetry[key] / without[key], 3);
      const row = (variant: string, s: Figures, ratios: boolean, rounds = ROUNDS): Row => ({
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
      const perRound = (["on", "off"] as const).flatMap((setting) =>
        figures[setting].map((f, i) => row(`  round ${i + 1}, telemetry ${setting}`, f, false, 1)),
      );
      return [row("tracing + minute stats on", withTelemetry, true), row("baseline: both off", without, false), ...perRound];
    } finally {
      for (const suite of suites) await suite.stop();
    }
  },
};
