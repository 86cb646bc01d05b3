/**
 * Flash sale (DESIGN): 300 anonymous shoppers call `placeOrder` at once for one
 * SKU with 100 on hand, against the same 300 calls spread over 300 SKUs in the
 * same run; plus the naive one-transaction-per-call baseline (emulator only).
 */
import { randomUUID } from "node:crypto";
import { Collections } from "@showroom/model";
import { adminDb } from "../lib/admin.js";
import { reconcile } from "../reconcile.js";
import { call, emulatorToken, type CallResult } from "./callables.js";
import { writeStockedProducts } from "./stocked-products.js";
import { percentile, round, type BenchModule, type Row } from "./types.js";

const SHOPPERS = Number(process.env.BENCH_SHOPPERS ?? 300);
const UNITS = Number(process.env.BENCH_UNITS ?? 100);
/** The naive baseline collapses (DESIGN: 132 s for 300); a smaller run of the same shape shows it. */
const NAIVE_SHOPPERS = Number(process.env.BENCH_NAIVE_SHOPPERS ?? 60);
const shipping = { name: "Bench Shopper", line1: "1 Loom Street", city: "Leeds", postalCode: "LS1 1AA", country: "GB" };

const run = Date.now().toString(36).toUpperCase();
const sku = (name: string) => `BENCH-${run}-${name}`;

async function stock(entries: { name: string; units: number }[]): Promise<void> {
  await writeStockedProducts(
    adminDb(),
    entries.map(({ name, units }) => ({ productId: `bench-${run}-${name}`.toLowerCase(), variants: [{ sku: sku(name), main: units, lowStockThreshold: 5 }] })),
  );
}

const order = (token: string, forSku: string, callable = "placeOrder") =>
  call(callable, token, { idempotencyKey: `bench-${randomUUID()}`, lines: [{ sku: forSku, quantity: 1 }], shipping });

async function measure(variant: string, tokens: string[], skuOf: (i: number) => string, callable?: string): Promise<{ row: Row; wallMs: number }> {
  const started = performance.now();
  const results: CallResult[] = await Promise.all(tokens.map((token, i) => order(token, skuOf(i), callable)));
  const wallMs = performance.now() - started;
  const outOfStock = results.filter((r) => !r.ok && r.reason === "out-of-stock").length;
  const errors = results.filter((r) => !r.ok && r.reason !== "out-of-stock");
  const skus = [...new Set(tokens.map((_, i) => skuOf(i)))];
  const docs = await adminDb().getAll(...skus.map((s) => adminDb().collection(Collections.stock).doc(s)));
  const { drift } = await reconcile(adminDb(), { skus });
  const firstError = errors[0] && !errors[0].ok ? `${errors[0].status}: ${errors[0].message}`.slice(0, 60) : "";
  return {
    wallMs,
    row: {
      bench: "flash sale",
      variant,
      calls: tokens.length,
      orders: results.filter((r) => r.ok).length,
      outOfStock,
      otherErrors: errors.length,
      finalAvailable: skus.length === 1 ? (docs[0]?.get("available") as number) : docs.reduce((sum, d) => sum + Number(d.get("available") ?? 0), 0),
      drift: drift.length,
      p50Ms: round(
        percentile(
          results.map((r) => r.ms),
          50,
        ),
      ),
      p95Ms: round(
        percentile(
          results.map((r) => r.ms),
          95,
        ),
      ),
      wallMs: round(wallMs),
      ratio: null,
      note: firstError,
    },
  };
}

export const flashSale: BenchModule = {
  name: "flash sale",
  async run() {
    const warm = Array.from({ length: 12 }, (_, i) => ({ name: `WARM-${i}`, units: 5 }));
    const spread = Array.from({ length: SHOPPERS }, (_, i) => ({ name: `S${i}`, units: 5 }));
    const naiveUnits = Math.round((NAIVE_SHOPPERS * UNITS) / SHOPPERS);
    await stock([{ name: "HOT", units: UNITS }, { name: "NAIVE", units: naiveUnits }, ...warm, ...spread]);
    const tokens = Array.from({ length: SHOPPERS + 12 }, () => emulatorToken());
    const [warmTokens, shopperTokens] = [tokens.slice(SHOPPERS), tokens.slice(0, SHOPPERS)];

    // Warm the Functions emulator: one call starts the worker, a burst shows concurrency works.
    for (const callable of ["placeOrder", "benchNaivePlaceOrder"]) {
      await order(warmTokens[0] as string, sku("WARM-0"), callable);
      await Promise.all(warmTokens.slice(1, 6).map((t, i) => order(t, sku(`WARM-${i + 1}`), callable)));
    }

    const hot = await measure(`one SKU, ${UNITS} units (group commit)`, shopperTokens, () => sku("HOT"));
    const spreadRun = await measure(`${SHOPPERS} SKUs (group commit)`, shopperTokens, (i) => sku(`S${i}`));
    hot.row.ratio = round(hot.wallMs / spreadRun.wallMs, 2);
    spreadRun.row.ratio = 1;
    if (NAIVE_SHOPPERS === 0) return [hot.row, spreadRun.row];
    const naive = await measure(
      `naive runTransaction: ${NAIVE_SHOPPERS} calls, ${naiveUnits} units`,
      shopperTokens.slice(0, NAIVE_SHOPPERS),
      () => sku("NAIVE"),
      "benchNaivePlaceOrder",
    );
    return [hot.row, spreadRun.row, naive.row];
  },
};
