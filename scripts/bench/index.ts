/**
 * `npm run bench`: runs every bench module against the emulators, prints one
 * table and writes bench-results/bench.json. Other benches add themselves to
 * `modules`; `BENCH_ONLY=name,name` runs a subset.
 */
import fs from "node:fs";
import path from "node:path";
import { requireEmulators } from "../lib/admin.js";
import { boardScale } from "./board-scale.js";
import { catalogScale } from "./catalog-scale.js";
import { crash } from "./crash.js";
import { events } from "./events.js";
import { feedbackAggregates } from "./feedback-aggregates.js";
import { flashSale } from "./flash-sale.js";
import { hoarding } from "./hoarding.js";
import { liveStock } from "./live-stock.js";
import { operations } from "./operations.js";
import { opsMinutes } from "./ops-minutes.js";
import { restApi } from "./rest-api.js";
import { soak } from "./soak.js";
import { storefrontWeight } from "./storefront-weight.js";
import { telemetryOverhead } from "./telemetry-overhead.js";
import { webhookFaults } from "./webhook-faults.js";
import { table } from "./table.js";
import type { BenchModule, Row } from "./types.js";

// Catalog scale runs last (its 10,000 new stock documents keep the emulator's triggers busy for minutes), then the board over those SKUs.
// Crash kills the Functions workers, so it runs after the benches that time them.
export const modules: BenchModule[] = [
  flashSale,
  hoarding,
  events,
  liveStock,
  storefrontWeight,
  webhookFaults,
  restApi,
  operations,
  opsMinutes,
  telemetryOverhead,
  feedbackAggregates,
  soak,
  crash,
  catalogScale,
  boardScale,
];

requireEmulators();
const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
const rows: Row[] = [];
let failed = false;
for (const bench of modules.filter((m) => !only || only.includes(m.name))) {
  console.error(`bench: ${bench.name}…`);
  try {
    rows.push(...(await bench.run()));
  } catch (error) {
    failed = true;
    rows.push({ bench: bench.name, variant: "FAILED", note: error instanceof Error ? error.message : String(error) });
  }
}
console.log(table(rows));
const out = path.join(process.cwd(), "bench-results", "bench.json");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), rows }, null, 2));
console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
process.exit(failed ? 1 : 0);
