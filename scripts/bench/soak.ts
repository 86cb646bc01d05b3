/**
 * Black Friday soak (issue 15): BENCH_SOAK_MINUTES (10) of mixed traffic on
 * 20 hot SKUs and BENCH_SOAK_COLD_SKUS (2,000) cold ones — orders with and
 * without holds, cancels, staff adjustments and receipts, REST API writes
 * (soak-traffic.ts) — with BENCH_SOAK_CONCURRENCY (12) visits in flight
 * while BENCH_LISTENERS (100) web-SDK clients watch the hot SKUs' stock.
 * Then, once the drift check settles: 0 drift, 0 `internal`, every listener
 * caught up; reported per callable is p99 latency by minute and its creep,
 * and the Functions workers' memory at start and end.
 */
import { Collections } from "@showroom/model";
import { parseSlot } from "../emulators/config.js";
import { functionsWorkerPids } from "../crash/processes.js";
import { adminDb } from "../lib/admin.js";
import { residentKb } from "../lib/processes.js";
import { withTriggersPaused } from "../lib/triggers.js";
import { waitFor } from "../lib/wait.js";
import type { Drift } from "../reconcile.js";
import { emulatorToken } from "./callables.js";
import { driftByLedgerScan } from "./ledger-scan-check.js";
import { closeListeners, listen, type Listener } from "./live-stock.js";
import { createBenchApiKey } from "./rest-api.js";
import { byCallable, countOutcomes, creep, p99ByMinute, type CallSample } from "./soak-stats.js";
import { SOAK_MIX, SoakTraffic, type SoakActors, type SoakCatalog, type VisitKind } from "./soak-traffic.js";
import { writeStockedProducts } from "./stocked-products.js";
import { table } from "./table.js";
import { round, type BenchModule, type Row } from "./types.js";

const MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 10);
const HOT_SKUS = 20;
const COLD_SKUS = Number(process.env.BENCH_SOAK_COLD_SKUS ?? 2000);
const HOT_UNITS = 300;
const COLD_UNITS = 20;
/** Visits in flight: a 2-core machine running the emulators too stays busy but not collapsed, so the run times the engine. */
const CONCURRENCY = Number(process.env.BENCH_SOAK_CONCURRENCY ?? 12);
/**
 * Distinct anonymous shoppers, one picked at random per visit: at the ~30 calls/s this machine manages, each
 * makes about one call a minute, far below the per-user limits (30 holds and 30 orders a minute), which stay on.
 */
const SHOPPERS = Number(process.env.BENCH_SOAK_SHOPPERS ?? 2000);
const LISTENERS = Number(process.env.BENCH_LISTENERS ?? 100);
/** How long the drift check may take to come out clean: a hold that lapsed at the end is republished by its timer. */
const SETTLE_MS = 60_000;
const VARIANTS_PER_PRODUCT = 10;
/**
 * `BENCH_SOAK_TRIGGERS=paused` runs the traffic with the emulator's background triggers paused (relay, webhook
 * consumer, stock triggers): a diagnosis, to see how much of a latency creep comes from the event pipeline's work.
 */
const TRIGGERS_PAUSED = process.env.BENCH_SOAK_TRIGGERS === "paused";

async function stockCatalog(run: string): Promise<SoakCatalog> {
  const hot = Array.from({ length: HOT_SKUS }, (_, i) => `SOAK-${run}-H${i}`);
  const cold = Array.from({ length: COLD_SKUS }, (_, i) => `SOAK-${run}-C${i}`);
  const products = hot.map((sku) => ({ productId: sku.toLowerCase(), variants: [{ sku, main: HOT_UNITS, lowStockThreshold: 5 }] }));
  for (let i = 0; i < cold.length; i += VARIANTS_PER_PRODUCT) {
    const variants = cold.slice(i, i + VARIANTS_PER_PRODUCT).map((sku) => ({ sku, main: COLD_UNITS, lowStockThreshold: 5 }));
    products.push({ productId: `soak-${run}-c${i}`.toLowerCase(), variants });
  }
  // Triggers paused while stocking (as the seed does): 2,000 new stock documents would queue trigger runs into the first minutes.
  await withTriggersPaused(() => writeStockedProducts(adminDb(), products));
  return { hot, cold };
}

/** The Functions emulator's workers of this run: how many, and their resident memory together. */
function workersMemory(slot: number): { workers: number; rssMb: number } {
  const pids = functionsWorkerPids(slot);
  const kb = pids.reduce((sum, pid) => sum + (residentKb(pid) ?? 0), 0);
  return { workers: pids.length, rssMb: Math.round(kb / 1024) };
}

/** DESIGN: warm every callable with one call, then a small burst, so the run does not time cold workers. Answers are not counted. */
async function warmUp(catalog: SoakCatalog, actors: SoakActors): Promise<Set<string>> {
  const warm = new SoakTraffic(catalog, actors);
  for (const kind of Object.keys(SOAK_MIX) as VisitKind[]) await warm.visit(kind);
  for (let round = 0; round < 2; round++) await Promise.all(Array.from({ length: CONCURRENCY }, () => warm.visit()));
  return warm.touched;
}

/** Reconciles until clean or SETTLE_MS has passed; what is left then is drift. */
async function settledDrift(skus: string[], prefix: string): Promise<{ drift: Drift[]; seconds: number }> {
  const started = performance.now();
  for (;;) {
    const { drift } = await driftByLedgerScan(adminDb(), skus, prefix);
    const seconds = (performance.now() - started) / 1000;
    if (drift.length === 0 || seconds * 1000 > SETTLE_MS) return { drift, seconds };
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
}

/** Every listener sees its SKU's final `available` (within 30 s): the listeners stayed live through the run. */
async function listenersCaughtUp(listeners: Listener[], skuOf: (i: number) => string, hot: string[]): Promise<number> {
  const stock = await adminDb().getAll(...hot.map((sku) => adminDb().collection(Collections.stock).doc(sku)));
  const available = new Map(stock.map((d) => [d.id, d.get("available") as number]));
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 30_000).unref());
  const seen = await Promise.all(listeners.map((l, i) => Promise.race([l.waitFor(available.get(skuOf(i)) ?? -1).then(() => true), timeout])));
  return seen.filter(Boolean).length;
}

const refusals = (refused: Map<string, number>) =>
  [...refused]
    .sort((a, b) => b[1] - a[1])
    .map(([outcome, n]) => `${outcome} ${n}`)
    .join(", ") || "none";

function callableRow(variant: string, samples: CallSample[], durationMs: number): Row {
  const counts = countOutcomes(samples);
  const change = creep(samples, durationMs);
  return {
    bench: "soak",
    variant,
    calls: counts.calls,
    ok: counts.ok,
    refused: refusals(counts.refused),
    internal: counts.internal,
    "p99 by minute ms": p99ByMinute(samples, durationMs)
      .map((ms) => (ms === null ? "–" : Math.round(ms)))
      .join(" / "),
    creep: change ? `${round(change.ratio, 2)} (${Math.round(change.first)} → ${Math.round(change.last)} ms)` : null,
  };
}

export const soak: BenchModule = {
  name: "soak",
  async run() {
    // Emulator ID tokens last an hour; a longer run would see its shoppers signed out.
    if (!(MINUTES > 0 && MINUTES <= 50)) throw new Error(`BENCH_SOAK_MINUTES must be more than 0 and at most 50, got ${MINUTES}`);
    const slot = parseSlot(process.env.SHOWROOM_EMULATOR_SLOT);
    const run = Date.now().toString(36).toUpperCase();
    const catalog = await stockCatalog(run);
    const actors: SoakActors = {
      shoppers: Array.from({ length: SHOPPERS }, () => emulatorToken()),
      staff: emulatorToken({ role: "staff" }),
      apiKey: await createBenchApiKey(),
    };
    const warmed = await warmUp(catalog, actors);
    const skuOf = (i: number) => catalog.hot[i % HOT_SKUS] as string;
    const listeners = Array.from({ length: LISTENERS }, (_, i) => listen(skuOf(i)));
    try {
      await waitFor(() => listeners.every((l) => l.snapshots() > 0), "every listener's first snapshot", 120_000);
      const memoryBefore = workersMemory(slot);
      const traffic = new SoakTraffic(catalog, actors);
      const durationMs = MINUTES * 60_000;
      const started = performance.now();
      const progress = setInterval(() => {
        const minute = Math.round((performance.now() - started) / 60_000);
        console.error(`bench: soak minute ${minute}: ${traffic.samples.length} calls answered`);
      }, 60_000);
      // An answer that breaks the contract (a malformed body) stops every worker, not just its own.
      let failure: unknown;
      try {
        const drive = () =>
          Promise.all(
            Array.from({ length: CONCURRENCY }, async () => {
              while (failure === undefined && performance.now() - started < durationMs) await traffic.visit().catch((error: unknown) => (failure ??= error));
            }),
          );
        await (TRIGGERS_PAUSED ? withTriggersPaused(drive) : drive());
      } finally {
        clearInterval(progress);
      }
      if (failure !== undefined) throw failure;
      const wallSeconds = (performance.now() - started) / 1000;
      const memoryAfter = workersMemory(slot);

      const skus = [...new Set([...warmed, ...traffic.touched, ...catalog.hot])];
      const { drift, seconds: settleSeconds } = await settledDrift(skus, `SOAK-${run}-`);
      const real = drift.filter((d) => !d.settling);
      const caughtUp = await listenersCaughtUp(listeners, skuOf, catalog.hot);
      const snapshots = listeners.reduce((sum, l) => sum + l.snapshots(), 0);

      const rows = [...byCallable(traffic.samples)].map(([callable, samples]) => callableRow(callable, samples, durationMs));
      const total = countOutcomes(traffic.samples);
      rows.push({
        ...callableRow(
          `all: ${MINUTES} min, ${CONCURRENCY} visits in flight, ${SHOPPERS} shoppers${TRIGGERS_PAUSED ? ", triggers paused" : ""}`,
          traffic.samples,
          durationMs,
        ),
        "calls/s": round(total.calls / wallSeconds, 1),
        drift: real.length,
        settling: drift.length - real.length,
        "SKUs checked": skus.length,
        listeners: `${caughtUp}/${LISTENERS} caught up, ${snapshots} snapshots`,
        "worker RSS MB": `${memoryBefore.rssMb} → ${memoryAfter.rssMb} (${memoryBefore.workers} → ${memoryAfter.workers} workers)`,
        note: `settled in ${round(settleSeconds, 1)} s`,
      });

      const problems = [
        ...(real.length > 0 ? [`${real.length} drift, e.g. ${real[0]?.sku}: ${real[0]?.problem}`] : []),
        ...(drift.length > real.length ? [`${drift.length - real.length} views still settling after ${SETTLE_MS / 1000} s`] : []),
        ...(total.internal > 0 ? [`${total.internal} internal answers`] : []),
        ...(caughtUp < LISTENERS ? [`${LISTENERS - caughtUp} listeners never saw their SKU's final stock`] : []),
        ...(memoryBefore.workers === 0 ? [`no Functions worker of this worktree on slot ${slot} was found to measure`] : []),
      ];
      if (problems.length > 0) {
        // The bench reports a failed module as one row; keep the figures in the log.
        console.error(table(rows));
        throw new Error(problems.join("; "));
      }
      return rows;
    } finally {
      await closeListeners(listeners);
    }
  },
};
