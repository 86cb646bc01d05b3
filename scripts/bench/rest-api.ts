/**
 * REST API rows (issue 12), against the `api` function on the emulators:
 * lost updates (50 writers doing read → set with changeFromQuantity → retry on
 * stale, 20 rounds each, on one SKU), replays (1,000 replayed requests add no
 * ledger entry), bulk (a 10,000-line JSONL full count), and overhead (API
 * adjust p50 against the adjustStock callable p50, same change, same run).
 */
import { randomUUID } from "node:crypto";
import { Collections, CreateApiKeyOutputSchema, type InventoryView, type WriteAnswer } from "@showroom/model";
import { adminDb } from "../lib/admin.js";
import { withTriggersPaused } from "../lib/triggers.js";
import { call, emulatorToken } from "./callables.js";
import { driftByLedgerScan } from "./ledger-scan-check.js";
import { writeStockedProducts } from "./stocked-products.js";
import { percentile, round, type BenchModule, type Row } from "./types.js";

const PROJECT = process.env.GCLOUD_PROJECT ?? "demo-showroom";
const apiUrl = (path: string) => `${process.env.FUNCTIONS_EMULATOR_ORIGIN ?? "http://127.0.0.1:5001"}/${PROJECT}/us-central1/api${path}`;
const WRITERS = 50;
const ROUNDS = Number(process.env.BENCH_API_ROUNDS ?? 20);
const REPLAYS = 1_000;
const BULK_LINES = 10_000;
const SAMPLES = 40;

/** One request to the REST API (GET without a body, POST with one): its HTTP status and body. The soak bench uses it too. */
export async function apiRequest(
  path: string,
  key: string,
  init: { body?: string; contentType?: string; idempotencyKey?: string } = {},
): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (init.body !== undefined) headers["content-type"] = init.contentType ?? "application/json";
  if (init.idempotencyKey) headers["idempotency-key"] = init.idempotencyKey;
  const response = await fetch(apiUrl(path), { method: init.body === undefined ? "GET" : "POST", headers, body: init.body });
  return { status: response.status, text: await response.text() };
}

async function api(path: string, key: string, init: Parameters<typeof apiRequest>[2] = {}) {
  const { status, text } = await apiRequest(path, key, init);
  if (status < 200 || status >= 300) throw new Error(`${path}: ${status} ${text.slice(0, 200)}`);
  return text;
}

/**
 * A key for a bench's REST traffic, created by an admin through `createApiKey`. Its rate limit is raised:
 * one key stands for one busy ERP integration, and the benches measure the engine, not the key's throttle.
 */
export async function createBenchApiKey(): Promise<string> {
  const created = await call("createApiKey", emulatorToken({ role: "admin" }), {
    name: `bench ${randomUUID().slice(0, 6)}`,
    scopes: ["inventory:read", "inventory:write"],
    rateLimitPerMinute: 100_000,
  });
  if (!created.ok) throw new Error(`createApiKey: ${created.status} ${created.message}`);
  return CreateApiKeyOutputSchema.parse(created.data).key;
}

async function stockedSkus(prefix: string, count: number, main: number): Promise<string[]> {
  const skus = Array.from({ length: count }, (_, i) => `${prefix}-${randomUUID().slice(0, 6).toUpperCase()}-${i}`);
  // Triggers paused while seeding (as the seed does): 10,000 new stock documents would queue 10,000 trigger runs
  // that only compete with the row being measured.
  await withTriggersPaused(async () => {
    for (let i = 0; i < skus.length; i += 500) {
      await writeStockedProducts(
        adminDb(),
        skus.slice(i, i + 500).map((sku) => ({ productId: `bench-${sku.toLowerCase()}`, variants: [{ sku, main }] })),
      );
    }
  });
  return skus;
}

const ledgerCount = async (skus: string[]) => {
  let total = 0;
  for (let i = 0; i < skus.length; i += 30)
    total += (
      await adminDb()
        .collection(Collections.stockLedger)
        .where("sku", "in", skus.slice(i, i + 30))
        .count()
        .get()
    ).data().count;
  return total;
};

async function lostUpdates(key: string): Promise<Row> {
  const [sku] = (await stockedSkus("BAPI-CAS", 1, 0)) as [string];
  let stale = 0;
  const started = performance.now();
  // Each round reads, then sets on hand +1 from what it read. A stale answer reports the current value, so the
  // writer retries from that (no second read), after a jittered pause as a real ERP client would back off.
  const writer = async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const current = JSON.parse(await api(`/v1/inventory/${sku}`, key)) as InventoryView;
      let from = current.locations.main?.onHand ?? 0;
      for (let attempt = 1; ; attempt++) {
        const body = JSON.stringify({ items: [{ sku, location: "main", quantity: from + 1, changeFromQuantity: from }] });
        const [item] = (JSON.parse(await api("/v1/inventory/set", key, { body, idempotencyKey: `cas-${randomUUID()}` })) as WriteAnswer).items;
        if (!item) throw new Error("set answered no item");
        if (item.result === "applied") break;
        if (item.result !== "stale") throw new Error(`set answered ${item.result} ${item.code ?? ""}`);
        stale += 1;
        from = item.onHand;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 10 * attempt)));
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
  const seconds = (performance.now() - started) / 1000;
  const onHand = (await adminDb().collection(Collections.inventory).doc(sku).get()).get("locations.main.onHand") as number;
  const ledger = await adminDb().collection(Collections.stockLedger).where("sku", "==", sku).get();
  const ledgerSum = ledger.docs.reduce((sum, d) => sum + (d.get("delta") as number), 0);
  const expected = WRITERS * ROUNDS;
  return {
    bench: "rest-api",
    variant: `lost updates ${WRITERS}×${ROUNDS}`,
    expected,
    onHand,
    ledgerSum,
    lost: expected - onHand,
    staleRetries: stale,
    writesPerSecond: round(expected / seconds, 1),
    seconds: round(seconds, 1),
    target: "lost = 0",
  };
}

async function replays(key: string): Promise<Row> {
  const [sku] = (await stockedSkus("BAPI-REPLAY", 1, 5)) as [string];
  const body = JSON.stringify({ items: [{ sku, location: "main", delta: 1, reference: "replay bench" }] });
  const idempotencyKey = `replay-${randomUUID()}`;
  await api("/v1/inventory/adjust", key, { body, idempotencyKey });
  const before = await ledgerCount([sku]);
  const started = performance.now();
  for (let i = 0; i < REPLAYS; i += 50)
    await Promise.all(Array.from({ length: Math.min(50, REPLAYS - i) }, () => api("/v1/inventory/adjust", key, { body, idempotencyKey })));
  const added = (await ledgerCount([sku])) - before;
  return {
    bench: "rest-api",
    variant: `replays ×${REPLAYS}`,
    ledgerEntriesAdded: added,
    seconds: round((performance.now() - started) / 1000, 1),
    target: "0 entries",
  };
}

async function bulk(key: string): Promise<Row> {
  const prefix = `BAPI-BULK-${randomUUID().slice(0, 4).toUpperCase()}`;
  const skus = await stockedSkus(prefix, BULK_LINES, 3);
  const body = skus
    .map((sku, i) => JSON.stringify({ op: "set", sku, location: "main", quantity: 10 + (i % 7), changeFromQuantity: null, reason: "count" }))
    .join("\n");
  // Triggers paused for the request and its check: on 2 cores the emulator runs the 10,000 stock and relay triggers
  // it causes one after another for many minutes (production runs them on their own instances). Inventory, ledger
  // and public stock views are written in the engine's transactions, so the check sees everything it checks.
  const { answer, seconds, drift } = await withTriggersPaused(async () => {
    const started = performance.now();
    const answer = await api("/v1/inventory/bulk", key, { body, contentType: "application/x-ndjson", idempotencyKey: `bulk-${randomUUID()}` });
    const seconds = (performance.now() - started) / 1000;
    return { answer, seconds, drift: (await driftByLedgerScan(adminDb(), skus, prefix)).drift };
  });
  const applied = answer
    .trim()
    .split("\n")
    .filter((line) => (JSON.parse(line) as { result: string }).result === "applied").length;
  return { bench: "rest-api", variant: `bulk ${BULK_LINES} lines`, applied, seconds: round(seconds, 1), drift: drift.length, target: "≤ 60 s, drift 0" };
}

async function overhead(key: string): Promise<Row> {
  const [apiSku, callSku] = (await stockedSkus("BAPI-OVER", 2, 1000)) as [string, string];
  const staff = emulatorToken({ role: "staff" });
  const apiMs: number[] = [];
  const callMs: number[] = [];
  // Warm both paths, then alternate so load on the machine hits both alike.
  await call("adjustStock", staff, { sku: callSku, delta: 1, reason: "correction" });
  await api("/v1/inventory/adjust", key, {
    body: JSON.stringify({ items: [{ sku: apiSku, location: "main", delta: 1 }] }),
    idempotencyKey: `warm-${randomUUID()}`,
  });
  for (let i = 0; i < SAMPLES; i++) {
    let started = performance.now();
    await api("/v1/inventory/adjust", key, {
      body: JSON.stringify({ items: [{ sku: apiSku, location: "main", delta: 1 }] }),
      idempotencyKey: `over-${randomUUID()}`,
    });
    apiMs.push(performance.now() - started);
    started = performance.now();
    const result = await call("adjustStock", staff, { sku: callSku, location: "main", delta: 1, reason: "correction" });
    if (!result.ok) throw new Error(`adjustStock: ${result.status} ${result.message}`);
    callMs.push(performance.now() - started);
  }
  const apiP50 = percentile(apiMs, 50);
  const callP50 = percentile(callMs, 50);
  return {
    bench: "rest-api",
    variant: `overhead adjust ×${SAMPLES}`,
    apiP50ms: round(apiP50),
    adjustStockP50ms: round(callP50),
    ratio: round(apiP50 / callP50, 2),
    target: "ratio ≤ 1.3",
  };
}

export const restApi: BenchModule = {
  name: "rest-api",
  async run() {
    const key = await createBenchApiKey();
    // BENCH_API_ROWS=overhead,replays,bulk,lost-updates runs a subset; each row reports when it starts and ends.
    const rows: Record<string, (key: string) => Promise<Row>> = { overhead, replays, bulk, "lost-updates": lostUpdates };
    const chosen = process.env.BENCH_API_ROWS?.split(",").map((s) => s.trim()) ?? Object.keys(rows);
    const results: Row[] = [];
    for (const name of chosen) {
      const row = rows[name];
      if (!row) throw new Error(`BENCH_API_ROWS: no row "${name}" (rows: ${Object.keys(rows).join(", ")})`);
      const started = performance.now();
      console.error(`bench: rest-api ${name}…`);
      const result = await row(key);
      results.push(result);
      // Printed as it lands: a later row that fails or runs out of time does not take this figure with it.
      console.error(`bench: rest-api ${name} done in ${round((performance.now() - started) / 1000, 1)} s: ${JSON.stringify(result)}`);
    }
    return results;
  },
};
