/**
 * Per-user rate limits on holds and orders, with the defaults (30 a minute
 * each): a burst from one account is cut off with resource-exhausted and a
 * retry time, refused calls hold and order nothing, other accounts go on.
 */
import { FunctionsError } from "firebase/functions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Collections } from "@showroom/model";
import { adminDb } from "../../scripts/lib/admin.js";
import type { TestClient } from "../support/clients.js";
import { available, clientPool, createProduct, ordersOf, readDoc, shipping, uniqueKey, warmUp } from "./inventory-fixtures.js";

const LIMIT = 30;
const BURST = 40;
const pool = clientPool();
afterAll(pool.closeAll);
beforeAll(async () => warmUp(await pool.client(), ["placeOrder", "holdCart"]), 120_000);

/** Windows are aligned to the minute: start a burst early in one, so it is counted in one window. */
async function earlyInAMinute(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 15_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 500));
}

async function burst(client: TestClient, call: (i: number) => Promise<unknown>) {
  const results = await Promise.allSettled(Array.from({ length: BURST }, (_, i) => call(i)));
  const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as FunctionsError] : []));
  return { admitted: results.length - refused.length, refused, uid: client.uid as string };
}

function expectRateLimited(refused: FunctionsError[], admitted: number): void {
  expect(admitted).toBeLessThanOrEqual(LIMIT);
  expect(refused.length).toBeGreaterThanOrEqual(BURST - LIMIT);
  for (const error of refused) {
    expect(error.code).toBe("functions/resource-exhausted");
    const { retryAfterSeconds } = error.details as { retryAfterSeconds: number };
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(retryAfterSeconds).toBeLessThanOrEqual(60);
  }
}

describe("rate limits", () => {
  it("cuts off a burst of holds from one account, and only that account", async () => {
    const { skus } = await createProduct([{ main: 100 }]);
    const sku = skus[0] as string;
    const bot = await pool.client();
    await earlyInAMinute();
    const { admitted, refused, uid } = await burst(bot, () => bot.call("holdCart", { lines: [{ sku, quantity: 1 }] }));

    expectRateLimited(refused, admitted);
    // One active hold per user: whatever got through, one unit is held.
    expect(await available(sku)).toBe(99);
    const counters = await adminDb().collection(Collections.rateLimits).where("uid", "==", uid).get();
    expect(counters.docs.map((d) => d.get("action"))).toContain("holdCart");

    const shopper = await pool.client();
    await expect(shopper.call("holdCart", { lines: [{ sku, quantity: 1 }] })).resolves.toMatchObject({ holdId: expect.any(String) });
  }, 240_000);

  it("cuts off a burst of orders from one account; refused calls order nothing", async () => {
    const { skus } = await createProduct([{ main: 100 }]);
    const sku = skus[0] as string;
    const bot = await pool.client();
    await earlyInAMinute();
    const { admitted, refused, uid } = await burst(bot, () => bot.call("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 1 }], shipping }));

    expectRateLimited(refused, admitted);
    expect(await ordersOf(uid)).toHaveLength(admitted);
    expect(await available(sku)).toBe(100 - admitted);
    expect(await readDoc(Collections.activeHolds, uid)).toBeUndefined();
  }, 240_000);
});
