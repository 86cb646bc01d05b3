/**
 * Receiving import with a crash: staff apply several large receipts
 * (`receiveShipment`), the Functions workers are SIGKILLed while they run,
 * and each receipt is retried with the same `receiptId` until answered.
 * Right after the crash every receipt is all-or-nothing in the ledger; in the
 * end each is received exactly once (ledger, on hand, one audit entry) and
 * reconcile is clean.
 */
import { Collections } from "@showroom/model";
import { adminDb } from "../lib/admin.js";
import { reconcile } from "../reconcile.js";
import { call, emulatorToken, type CallResult } from "../bench/callables.js";
import { writeStockedProducts } from "../bench/stocked-products.js";
import { sleep, tally, untilAnswered, isRetryable } from "./client.js";
import type { ScenarioResult } from "./flash-sale.js";
import { killFunctionsWorkers, type CrashTarget } from "./target.js";

const OPENING_UNITS = 5;
/** Products of at most this many variants, so no product document gets large. */
const VARIANTS_PER_PRODUCT = 10;

export async function receivingCrash(
  target: CrashTarget,
  options: { receipts: number; rows: number; run: string; killAfterMs: number },
): Promise<ScenarioResult> {
  const db = adminDb();
  const skuOf = (receipt: number, row: number) => `CRASH-${options.run}-R${receipt}-${row}`;
  const receipts = Array.from({ length: options.receipts }, (_, r) => ({
    receiptId: `crash-${options.run}-receipt-${r}`,
    rows: Array.from({ length: options.rows }, (_, i) => ({ sku: skuOf(r, i), location: "main" as const, quantity: 1 + (i % 7) })),
  }));
  const skus = receipts.flatMap((r) => r.rows.map((row) => row.sku));
  const products = [];
  for (let i = 0; i < skus.length; i += VARIANTS_PER_PRODUCT) {
    products.push({
      productId: `crash-${options.run}-r-${i}`.toLowerCase(),
      variants: skus.slice(i, i + VARIANTS_PER_PRODUCT).map((sku) => ({ sku, main: OPENING_UNITS, lowStockThreshold: 5 })),
    });
  }
  const warmSku = `CRASH-${options.run}-RWARM`;
  products.push({ productId: `crash-${options.run}-rwarm`.toLowerCase(), variants: [{ sku: warmSku, main: 0, lowStockThreshold: 5 }] });
  await writeStockedProducts(db, products);

  const staff = emulatorToken({ role: "staff" });
  await call("receiveShipment", staff, { receiptId: `crash-${options.run}-warm`, rows: [{ sku: warmSku, location: "main", quantity: 1 }] });

  // First attempts, staggered, with a crash while they run.
  const started = performance.now();
  const first = Promise.all(receipts.map(async (receipt, r) => (await sleep(r * 100), call("receiveShipment", staff, receipt))));
  await sleep(options.killAfterMs);
  const workers = killFunctionsWorkers(target);
  const firstResults: CallResult[] = await first;

  // Before any retry: a receipt is in the ledger completely or not at all.
  const problems: string[] = [];
  const ledgerRows = async (receiptId: string) => (await db.collection(Collections.stockLedger).where("receiptId", "==", receiptId).get()).size;
  // Interrupted receipts whose transaction had committed before the instance died.
  let committedThenCrashed = 0;
  for (const [r, receipt] of receipts.entries()) {
    const rows = await ledgerRows(receipt.receiptId);
    if (rows === receipt.rows.length && isRetryable(firstResults[r] as CallResult)) committedThenCrashed += 1;
    else if (rows !== 0 && rows !== receipt.rows.length)
      problems.push(`receipt ${receipt.receiptId} is partial after the crash: ${rows} of ${receipt.rows.length} rows`);
  }
  const crashed = firstResults.filter(isRetryable).length;
  if (crashed === 0) problems.push("no receipt was interrupted by the kill: nothing crashed mid-request");

  const retried = await Promise.all(
    receipts.map((receipt, r) => (isRetryable(firstResults[r] as CallResult) ? untilAnswered(() => call("receiveShipment", staff, receipt)) : null)),
  );
  const wallMs = performance.now() - started;
  const finals = receipts.map((_, r) => retried[r]?.result ?? (firstResults[r] as CallResult));
  finals.forEach((result, r) => {
    if (!result.ok) problems.push(`receipt ${receipts[r]?.receiptId} ended with ${result.status}: ${result.message}`);
  });
  const alreadyApplied = finals.filter((f) => f.ok && (f.data as { alreadyApplied: boolean }).alreadyApplied).length;

  let duplicates = 0;
  for (const receipt of receipts) {
    const rows = await ledgerRows(receipt.receiptId);
    if (rows !== receipt.rows.length) problems.push(`receipt ${receipt.receiptId}: ${rows} ledger rows, expected ${receipt.rows.length}`);
    const audits = (await db.collection(Collections.auditLog).where("target.id", "==", receipt.receiptId).get()).size;
    if (audits !== 1) problems.push(`receipt ${receipt.receiptId}: ${audits} audit entries, expected 1`);
    duplicates += Math.max(0, rows - receipt.rows.length) + Math.max(0, audits - 1);
  }
  const inventories = await db.getAll(...skus.map((sku) => db.collection(Collections.inventory).doc(sku)));
  const expected = new Map(receipts.flatMap((r) => r.rows.map((row) => [row.sku, OPENING_UNITS + row.quantity])));
  const wrong = inventories.filter((inv) => inv.get("locations.main.onHand") !== expected.get(inv.id));
  if (wrong.length > 0)
    problems.push(`${wrong.length} SKU(s) with on hand ≠ opening + received once, e.g. ${wrong[0]?.id}: ${wrong[0]?.get("locations.main.onHand")}`);
  const { drift } = await reconcile(db, { skus });
  problems.push(...drift.slice(0, 5).map((d) => `drift ${d.sku}: ${d.problem}`));

  return {
    problems,
    row: {
      bench: "crash",
      variant: `receiving: ${options.receipts} receipts × ${options.rows} rows, SIGKILL workers after ${options.killAfterMs} ms`,
      killed: `${workers} workers / ${crashed} receipts in flight`,
      receiptsApplied: finals.filter((f) => f.ok).length,
      committedThenCrashed,
      recoveredRetries: retried.filter((r) => r?.result.ok).length,
      alreadyAppliedOnRetry: alreadyApplied,
      partial: problems.filter((p) => p.includes("partial")).length,
      duplicates,
      drift: drift.length,
      errorsByCode: tally([...firstResults.filter(isRetryable).map((r) => r.status), ...retried.flatMap((r) => r?.failures ?? [])]),
      wallMs: Math.round(wallMs),
      ok: problems.length === 0 ? "yes" : "NO",
    },
  };
}
