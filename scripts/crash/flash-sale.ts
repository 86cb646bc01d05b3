/**
 * Flash sale with crashes: shoppers buy one unit each of a SKU that has fewer
 * units than shoppers; some hold their cart first. While calls are in flight
 * every Functions worker is SIGKILLed (twice). Each client retries with the
 * same idempotency key (and a new hold, which replaces the old one) until
 * answered. Then: orders = answers, 0 duplicates, available never below 0,
 * reconcile clean, and with the clock moved past hold expiry, units held by
 * crashed requests are sellable again.
 */
import { Collections, onHandTotal, parseInventoryDoc } from "@showroom/model";
import { adminDb } from "../lib/admin.js";
import { reconcile } from "../reconcile.js";
import { waitFor } from "../lib/wait.js";
import { call, emulatorToken, type CallResult } from "../bench/callables.js";
import { writeStockedProducts } from "../bench/stocked-products.js";
import type { Row } from "../bench/types.js";
import { isRetryable, sleep, tally, untilAnswered, type Answered } from "./client.js";
import { checkOrders } from "./orders-check.js";
import { killFunctionsWorkers, type CrashTarget } from "./target.js";

export const shipping = { name: "Crash Shopper", line1: "1 Loom Street", city: "Leeds", postalCode: "LS1 1AA", country: "GB" };
/** Past the longest hold lifetime (15 min signed-in), through the emulator's test clock. */
const PAST_HOLD_EXPIRY_MS = 16 * 60_000;
const TEST_CLOCK = "config/testClock";

export interface ScenarioResult {
  row: Row;
  problems: string[];
}

interface Shopper {
  hold?: Answered;
  order?: Answered;
}

export async function flashSaleCrash(target: CrashTarget, options: { shoppers: number; units: number; holders: number; run: string }): Promise<ScenarioResult> {
  const db = adminDb();
  const sku = `CRASH-${options.run}-HOT`;
  const warmSku = `CRASH-${options.run}-WARM`;
  const keyPrefix = `crash-${options.run}-`;
  await writeStockedProducts(db, [
    { productId: `crash-${options.run}-hot`.toLowerCase(), variants: [{ sku, main: options.units, lowStockThreshold: 5 }] },
    { productId: `crash-${options.run}-warm`.toLowerCase(), variants: [{ sku: warmSku, main: 100, lowStockThreshold: 5 }] },
  ]);

  // Warm both callables, so the kill hits running workers rather than a cold start.
  const warmToken = emulatorToken();
  await call("holdCart", warmToken, { lines: [{ sku: warmSku, quantity: 1 }] });
  await Promise.all(
    [0, 1, 2].map((i) => call("placeOrder", warmToken, { idempotencyKey: `warm-${options.run}-${i}`, lines: [{ sku: warmSku, quantity: 1 }], shipping })),
  );

  let minAvailable = Number.POSITIVE_INFINITY;
  const unsubscribe = db
    .collection(Collections.stock)
    .doc(sku)
    .onSnapshot((snap) => (minAvailable = Math.min(minAvailable, Number(snap.get("available")))));

  let answered = 0;
  let finished = 0;
  const shoppers: Shopper[] = Array.from({ length: options.shoppers }, () => ({}));
  const buy = async (i: number) => {
    const token = emulatorToken();
    const shopper = shoppers[i] as Shopper;
    let holdId: string | undefined;
    if (i < options.holders) {
      shopper.hold = await untilAnswered(() => call("holdCart", token, { lines: [{ sku, quantity: 1 }] }));
      if (shopper.hold.result.ok) holdId = (shopper.hold.result.data as { holdId: string }).holdId;
    }
    const input = { idempotencyKey: `${keyPrefix}${i}`, lines: [{ sku, quantity: 1 }], shipping, ...(holdId ? { holdId } : {}) };
    shopper.order = await untilAnswered(() => {
      const sent = call("placeOrder", token, input);
      void sent.then((r) => !isRetryable(r) && (answered += 1));
      return sent;
    });
    finished += 1;
  };

  const started = performance.now();
  const all = Promise.all(shoppers.map((_, i) => buy(i)));
  // Crash once the first answers are out (the rest are in flight), and again while the retries run.
  const kills: { workers: number; inFlight: number }[] = [];
  for (const answersBefore of [1, Math.ceil(options.shoppers / 4)]) {
    await waitFor(() => answered >= answersBefore || finished === options.shoppers, `${answersBefore} answers`, 120_000);
    if (finished === options.shoppers) break;
    kills.push({ workers: killFunctionsWorkers(target), inFlight: options.shoppers - finished });
    await sleep(300);
  }
  await all;
  const wallMs = performance.now() - started;
  unsubscribe();

  const orders = shoppers.map((s) => s.order as Answered);
  const problems: string[] = [];
  if (kills.length === 0) problems.push("every call finished before the first kill: nothing crashed mid-request");
  const stillFailing = orders.filter((o) => isRetryable(o.result));
  if (stillFailing.length > 0) problems.push(`${stillFailing.length} shopper(s) never got an answer`);
  const refusals = orders.filter((o) => !o.result.ok && !isRetryable(o.result)).map((o) => (o.result.ok ? "" : (o.result.reason ?? o.result.status)));
  const unexpected = refusals.filter((r) => r !== "out-of-stock");
  if (unexpected.length > 0) problems.push(`refusals other than out-of-stock: ${tally(unexpected)}`);
  const ok = orders.filter((o) => o.result.ok);
  const firstTry = ok.filter((o) => o.attempts === 1).length;
  const answeredIds = ok.map((o) => (o.result as Extract<CallResult, { ok: true }>).data as { orderId: string }).map((d) => d.orderId);

  const check = await checkOrders(db, { keyPrefix, sku, answered: answeredIds });
  problems.push(...check.problems);
  if (minAvailable < 0) problems.push(`available went down to ${minAvailable}`);
  if (check.created !== ok.length) problems.push(`${check.created} orders created ≠ ${ok.length} successful answers`);

  const holdExpiry = await expireCrashedHolds(sku, keyPrefix);
  problems.push(...holdExpiry.problems);

  const failures = shoppers.flatMap((s) => [...(s.hold?.failures ?? []), ...(s.order?.failures ?? [])]);
  return {
    problems,
    row: {
      bench: "crash",
      variant: `flash sale: ${options.shoppers} shoppers (${options.holders} hold first), ${options.units} units, ${kills.length} × SIGKILL workers`,
      killed: kills.map((k) => `${k.workers} workers / ${k.inFlight} in flight`).join("; "),
      ordersCreated: check.created,
      firstTryAnswers: firstTry,
      recoveredRetries: ok.length - firstTry,
      outOfStock: refusals.length - unexpected.length,
      duplicates: check.duplicates,
      drift: check.drift,
      minAvailable: Number.isFinite(minAvailable) ? minAvailable : null,
      heldByCrashed: holdExpiry.heldUnits,
      errorsByCode: tally(failures),
      wallMs: Math.round(wallMs),
      ok: problems.length === 0 ? "yes" : "NO",
    },
  };
}

/**
 * Holds a crashed request left behind (the client never learned their id) must
 * lapse like any other: with the test clock past their expiry, the units they
 * held are sold to a late shopper and reconcile is clean.
 */
async function expireCrashedHolds(sku: string, keyPrefix: string): Promise<{ heldUnits: number; problems: string[] }> {
  const db = adminDb();
  const inventory = await db.collection(Collections.inventory).doc(sku).get();
  const holds = Object.values((inventory.get("holds") ?? {}) as Record<string, { quantity: number }>);
  const heldUnits = holds.reduce((sum, h) => sum + h.quantity, 0);
  const onHand = onHandTotal(parseInventoryDoc(sku, inventory.data()));
  const problems: string[] = [];
  if (onHand !== heldUnits) problems.push(`${onHand} unit(s) on hand but only ${heldUnits} held: the sale did not sell every unit it could`);
  if (onHand === 0) return { heldUnits, problems };

  await db.doc(TEST_CLOCK).set({ offsetMs: PAST_HOLD_EXPIRY_MS });
  try {
    const late = emulatorToken();
    for (let left = onHand, n = 0; left > 0; left -= 20, n += 1) {
      const idempotencyKey = `${keyPrefix}late-${n}`;
      const { result } = await untilAnswered(() => call("placeOrder", late, { idempotencyKey, lines: [{ sku, quantity: Math.min(20, left) }], shipping }));
      if (!result.ok)
        problems.push(`late shopper could not buy the ${onHand} unit(s) crashed holds had held: ${result.status} ${result.reason ?? result.message}`);
    }
    const after = await db.collection(Collections.inventory).doc(sku).get();
    const leftHolds = Object.keys((after.get("holds") ?? {}) as object).length;
    if (leftHolds > 0) problems.push(`${leftHolds} expired hold(s) still on ${sku} after a later order`);
    const stock = await db.collection(Collections.stock).doc(sku).get();
    if (stock.get("available") !== 0) problems.push(`stock/${sku} shows ${stock.get("available")} after the late shopper bought the rest`);
    const { drift } = await reconcile(db, { skus: [sku], nowMs: Date.now() + PAST_HOLD_EXPIRY_MS });
    problems.push(...drift.map((d) => `after hold expiry, drift ${d.sku}: ${d.problem}`));
  } finally {
    await db.doc(TEST_CLOCK).delete();
  }
  return { heldUnits, problems };
}
