/**
 * Hoarding (issue 15): 20 anonymous accounts script `holdCart` against one
 * 100-unit SKU, again and again, while 300 shoppers order it without holding.
 * The hold limits (docs/inventory.md, "Hold limits") should keep what the
 * attackers lock at or under the held-share ceiling at every moment, and every
 * unit they do not lock should sell. The hold and order rate limits stay on:
 * they are part of the defence being measured.
 */
import { randomUUID } from "node:crypto";
import { Collections, heldUnits, parseInventoryDoc } from "@showroom/model";
import { adminDb } from "../lib/admin.js";
import { reconcile } from "../reconcile.js";
import { call, emulatorToken, type CallResult } from "./callables.js";
import { writeStockedProducts } from "./stocked-products.js";
import { round, type BenchModule } from "./types.js";

const ATTACKERS = Number(process.env.BENCH_HOARD_ATTACKERS ?? 20);
const SHOPPERS = Number(process.env.BENCH_HOARD_SHOPPERS ?? 300);
const UNITS = Number(process.env.BENCH_HOARD_UNITS ?? 100);
/** Each attacker's tries: one every 250 ms while the shoppers buy (the hold rate limit answers past 30 a minute). */
const TRIES = 40;
/** The default held-share ceiling (SHOWROOM_HOLD_MAX_SHARE = ½ of held + orderable, rounded down). */
const CEILING = Math.floor(UNITS * Number(process.env.SHOWROOM_HOLD_MAX_SHARE ?? 0.5));
const shipping = { name: "Bench Shopper", line1: "1 Loom Street", city: "Leeds", postalCode: "LS1 1AA", country: "GB" };

const run = Date.now().toString(36).toUpperCase();
const SKU = `BENCH-${run}-HOARD`;
const WARM_SKU = `BENCH-${run}-HOARD-WARM`;

const hold = (token: string, sku: string, quantity: number) => call("holdCart", token, { lines: [{ sku, quantity }] });
const order = (token: string, sku: string) => call("placeOrder", token, { idempotencyKey: `bench-${randomUUID()}`, lines: [{ sku, quantity: 1 }], shipping });

async function lockedNow(): Promise<number> {
  const snap = await adminDb().collection(Collections.inventory).doc(SKU).get();
  return heldUnits(parseInventoryDoc(SKU, snap.data()), Date.now());
}

/** One attacker: asks for the most one line may ask (20), then for the per-SKU cap, over and over. */
async function attack(token: string, until: () => boolean): Promise<CallResult[]> {
  const answers: CallResult[] = [await hold(token, SKU, 20)];
  for (let i = 0; i < TRIES && !until(); i++) {
    answers.push(await hold(token, SKU, 10));
    await new Promise((r) => setTimeout(r, 250));
  }
  return answers;
}

const reasons = (results: CallResult[]) => {
  const counts = new Map<string, number>();
  for (const r of results) if (!r.ok) counts.set(r.reason ?? r.status, (counts.get(r.reason ?? r.status) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${reason} ${n}`).join(", ");
};

export const hoarding: BenchModule = {
  name: "hoarding",
  async run() {
    await writeStockedProducts(adminDb(), [
      { productId: `bench-${run}-hoard`.toLowerCase(), variants: [{ sku: SKU, main: UNITS, lowStockThreshold: 5 }] },
      { productId: `bench-${run}-hoard-warm`.toLowerCase(), variants: [{ sku: WARM_SKU, main: 10, lowStockThreshold: 5 }] },
    ]);
    // Start both callables' workers, so the race below is between callers, not cold starts.
    const warm = emulatorToken();
    await hold(warm, WARM_SKU, 1);
    await order(emulatorToken(), WARM_SKU);

    const attackers = Array.from({ length: ATTACKERS }, () => emulatorToken());
    const shoppers = Array.from({ length: SHOPPERS }, () => emulatorToken());

    // The attackers lock what they can first, then keep at it while the shoppers rush.
    const firstWave = await Promise.all(attackers.map((t) => hold(t, SKU, 10)));
    let done = false;
    let peak = await lockedNow();
    const sampler = (async () => {
      while (!done) {
        peak = Math.max(peak, await lockedNow());
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const started = performance.now();
    const attacks = Promise.all(attackers.map((t) => attack(t, () => done)));
    const orders = await Promise.all(shoppers.map((t) => order(t, SKU)));
    const wallMs = performance.now() - started;
    done = true;
    const attempts = [...firstWave, ...(await attacks).flat()];
    await sampler;

    const locked = await lockedNow();
    peak = Math.max(peak, locked);
    const sold = orders.filter((r) => r.ok).length;
    const outOfStock = orders.filter((r) => !r.ok && r.reason === "out-of-stock").length;
    const otherErrors = orders.filter((r) => !r.ok && r.reason !== "out-of-stock");
    const { drift } = await reconcile(adminDb(), { skus: [SKU] });
    return [
      {
        bench: "hoarding",
        variant: `${ATTACKERS} anonymous attackers vs ${SHOPPERS} shoppers, ${UNITS} units`,
        holdCalls: attempts.length,
        holdsGranted: attempts.filter((r) => r.ok).length,
        peakLocked: peak,
        ceiling: CEILING,
        lockedAtEnd: locked,
        orders: sold,
        outOfStock,
        otherErrors: otherErrors.length,
        soldPlusLocked: sold + locked,
        drift: drift.length,
        wallMs: round(wallMs),
        note: `holds refused: ${reasons(attempts)}${otherErrors[0] && !otherErrors[0].ok ? `; order error: ${otherErrors[0].status} ${otherErrors[0].message.slice(0, 40)}` : ""}`,
      },
    ];
  },
};
