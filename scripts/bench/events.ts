/**
 * Events (issue 11): what the outbox costs and how fast the relay is.
 * - Firestore writes per order, before (without the outbox's documents) and
 *   after, counted by running the engine's own `writeEffects` against a
 *   counting writer for a decided batch: one order alone, and the flash
 *   sale's shape (100 orders for one SKU in one group commit).
 * - Commit → Pub/Sub message received, and commit → webhook received with
 *   its signature verified (a real endpoint and a loopback receiver), p50/p99,
 *   for the events of a flash sale (300 shoppers, one SKU with 100 units): the
 *   commit time is each event document's `createdAt` (server time of its
 *   transaction), the receive times those of an ordered subscription and of
 *   the receiver in this process, on the same machine.
 */
import { randomUUID } from "node:crypto";
import type { DocumentReference, Timestamp, Transaction } from "firebase-admin/firestore";
import { Collections, CreateWebhookEndpointOutputSchema, SEED_LOCATIONS, subjectOf, type InventoryState } from "@showroom/model";
import { decideBatch, type StockRequest, type World } from "../../functions/src/inventory/decide.js";
import { writeEffects } from "../../functions/src/inventory/store.js";
import { adminDb } from "../lib/admin.js";
import { deliveryOrder, listenToEvents } from "../lib/event-listener.js";
import { startReceiver, type Receiver } from "../lib/events.js";
import { CATCH_UP_SCHEDULES, withSchedules } from "../lib/schedules.js";
import { waitFor } from "../lib/wait.js";
import { call, emulatorToken } from "./callables.js";
import { writeStockedProducts } from "./stocked-products.js";
import { percentile, round, type BenchModule, type Row } from "./types.js";

const SHOPPERS = Number(process.env.BENCH_SHOPPERS ?? 300);
const UNITS = Number(process.env.BENCH_UNITS ?? 100);
const shipping = { name: "Bench Shopper", line1: "1 Loom Street", city: "Leeds", postalCode: "LS1 1AA", country: "GB" };

/** Documents written for `orders` orders of one unit of one SKU decided in one batch, and how many of them are the outbox's (events and the relay marker). */
function writesForBatch(orders: number): { total: number; outbox: number } {
  const sku = "BENCH-COST";
  const inventory: InventoryState = {
    sku,
    productId: "p",
    policy: "stock",
    locations: { main: { onHand: orders } },
    holds: {},
    lowStockThreshold: 5,
    eventSeq: 0,
  };
  const world: World = {
    nowMs: Date.now(),
    holdLimits: { maxUnitsPerSku: 10, maxUnitsPerCart: 30, maxHeldShare: 0.5, ttlSeconds: 900, anonymousTtlSeconds: 300 },
    activeHolds: new Map(),
    apiReplays: new Map(),
    locations: new Map(SEED_LOCATIONS.map((l) => [l.code, l])),
    inventory: new Map([[sku, inventory]]),
    products: new Map([["p", { id: "p", name: "Bench", currency: "USD", active: true, variants: [{ sku, label: "one", priceCents: 100 }] }]]),
    holds: new Map(),
    orders: new Map(),
    orderKeys: new Map(),
  };
  const requests: StockRequest[] = Array.from({ length: orders }, (_, i) => ({
    kind: "placeOrder",
    actor: { uid: `u${i}`, role: null, anonymous: false },
    orderId: `o${i}`,
    input: { idempotencyKey: `key-${i}-bench`, lines: [{ sku, quantity: 1 }], shipping },
  }));
  const { effects } = decideBatch(world, requests);
  let total = 0;
  let outbox = 0;
  const count = (ref: DocumentReference) => {
    total += 1;
    if (ref.parent.id === Collections.events || ref.parent.id === Collections.eventCommits) outbox += 1;
  };
  writeEffects({ set: count, update: count, create: count } as unknown as Transaction, adminDb(), world, effects);
  return { total, outbox };
}

function costRows(): Row[] {
  return [1, UNITS].map((orders) => {
    const { total, outbox } = writesForBatch(orders);
    return {
      bench: "events",
      variant: `Firestore writes per order (${orders} order${orders > 1 ? "s" : ""} of 1 SKU in one commit)`,
      before: round((total - outbox) / orders, 2),
      after: round(total / orders, 2),
      note: `+${round(outbox / orders, 2)} outbox documents per order (its events, a share of the commit's relay marker)`,
    };
  });
}

/** Latency of each event from its commit (`createdAt` of its document) to `arrivedAtMs`. */
async function latenciesOf(arrivedAtMs: Map<string, number>): Promise<number[]> {
  const db = adminDb();
  const ids = [...arrivedAtMs.keys()];
  const latencies: number[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    const snaps = await db.getAll(...ids.slice(i, i + 100).map((id) => db.collection(Collections.events).doc(id)));
    for (const snap of snaps) latencies.push((arrivedAtMs.get(snap.id) ?? Number.NaN) - (snap.get("createdAt") as Timestamp).toMillis());
  }
  return latencies;
}

/** A real webhook endpoint for order and stock events, at a receiver that verifies each signature. */
async function webhookEndpoint(): Promise<{ receiver: Receiver; close: () => Promise<unknown> }> {
  const receiver = await startReceiver();
  const admin = emulatorToken({ role: "admin" });
  const created = await call("createWebhookEndpoint", admin, { url: receiver.url, eventTypes: ["order.placed", "inventory.updated"] });
  if (!created.ok) throw new Error(`createWebhookEndpoint: ${created.message}`);
  const { id, secret } = CreateWebhookEndpointOutputSchema.parse(created.data);
  receiver.secrets.push(secret);
  return { receiver, close: () => Promise.all([call("deleteWebhookEndpoint", admin, { id }), receiver.close()]) };
}

function firstArrivals(entries: { id: string; atMs: number }[]): Map<string, number> {
  const first = new Map<string, number>();
  for (const { id, atMs } of entries) if (!first.has(id)) first.set(id, atMs);
  return first;
}

/**
 * One order on a SKU of its own, followed until its webhooks arrive: every function on the path (placeOrder,
 * relayCommit, webhooksOnEvent, mailOnEvent, deliverWebhook) has a warm worker before the sale, so the rows
 * measure the pipeline, not each emulator worker's first start (a second or more each on this machine).
 */
async function warmPipeline(run: string, receiver: Receiver): Promise<void> {
  const sku = `BENCH-EVT-WARM-${run}`;
  await writeStockedProducts(adminDb(), [{ productId: `bench-evt-warm-${run}`.toLowerCase(), variants: [{ sku, main: 1 }] }]);
  const warm = await call("placeOrder", emulatorToken(), { idempotencyKey: `bench-${randomUUID()}`, lines: [{ sku, quantity: 1 }], shipping });
  if (!warm.ok) throw new Error(`warm-up order: ${warm.message}`);
  const subjects = new Set([subjectOf.sku(sku), subjectOf.order((warm.data as { orderId: string }).orderId)]);
  await waitFor(
    () =>
      new Set(
        receiver
          .accepted()
          .filter((r) => subjects.has(r.envelope.subject))
          .map((r) => r.webhookId),
      ).size >= 2,
    "the warm-up webhooks",
    120_000,
  );
}

async function latencyRows(): Promise<Row[]> {
  const listener = await listenToEvents();
  const webhook = await webhookEndpoint();
  try {
    const run = randomUUID().slice(0, 8).toUpperCase();
    const sku = `BENCH-EVT-${run}`;
    await writeStockedProducts(adminDb(), [{ productId: `bench-evt-${run}`.toLowerCase(), variants: [{ sku, main: UNITS, lowStockThreshold: 5 }] }]);
    const tokens = Array.from({ length: SHOPPERS }, () => emulatorToken());
    await warmPipeline(run, webhook.receiver);
    const results = await Promise.all(
      tokens.map((token) => call("placeOrder", token, { idempotencyKey: `bench-${randomUUID()}`, lines: [{ sku, quantity: 1 }], shipping })),
    );
    const orderIds = results.flatMap((r) => (r.ok ? [(r.data as { orderId: string }).orderId] : []));
    const subjects = [subjectOf.sku(sku), ...orderIds.map(subjectOf.order)];
    const expected = orderIds.length * 2;
    await listener.until(
      (received) => new Set(received.filter((r) => subjects.includes(r.envelope.subject)).map((r) => r.envelope.id)).size >= expected,
      `${expected} events`,
      120_000,
    );

    const arrived = listener.of(subjects);
    const pubsubArrivals = firstArrivals(arrived.map((r) => ({ id: r.envelope.id, atMs: r.receivedAtMs })));
    const ours = () => webhook.receiver.accepted().filter((r) => subjects.includes(r.envelope.subject) && r.verifiedWith >= 0);
    await waitFor(() => new Set(ours().map((r) => r.webhookId)).size >= expected, `${expected} webhooks`, 300_000);
    const webhookArrivals = firstArrivals(ours().map((r) => ({ id: r.webhookId, atMs: r.receivedAtMs })));
    const { inOrder, duplicates } = deliveryOrder(arrived);
    const variant = `(${SHOPPERS} shoppers, ${UNITS} units)`;
    const row = (what: string, latencies: number[], note: string): Row => ({
      bench: "events",
      variant: `commit → ${what}, flash sale ${variant}`,
      events: latencies.length,
      orders: orderIds.length,
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      maxMs: round(Math.max(...latencies)),
      note,
    });
    const unverified = webhook.receiver.received.filter((r) => subjects.includes(r.envelope.subject) && r.verifiedWith < 0).length;
    return [
      row("Pub/Sub received", await latenciesOf(pubsubArrivals), `in order per subject: ${inOrder ? "yes" : "NO"}; duplicates ${duplicates}`),
      row("webhook received, signature verified", await latenciesOf(webhookArrivals), `target p99 ≤ 2000 ms; bad signatures ${unverified}`),
    ];
  } finally {
    await Promise.all([listener.close(), webhook.close()]);
  }
}

export const events: BenchModule = {
  name: "events",
  async run() {
    // Production's scheduler runs the catch-ups every minute: a consumer run that fails under the flash sale is recovered by them.
    return [...costRows(), ...(await withSchedules(CATCH_UP_SCHEDULES, 60_000, latencyRows))];
  },
};
