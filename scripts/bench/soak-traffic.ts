/**
 * The soak bench's traffic: shopper, staff and ERP "visits" picked by weight,
 * each one or two calls, every answer recorded as a sample (soak-stats.ts).
 * Lines are mostly on hot SKUs, with a share on cold ones. Shoppers come from
 * a pool of distinct uids, one picked at random per visit, so the per-user
 * rate limits stay on and the traffic is spread too thin to reach them.
 */
import { randomUUID } from "node:crypto";
import { HoldCartOutputSchema, InventoryViewSchema, PlaceOrderOutputSchema, WriteAnswerSchema, type OrderLineInput } from "@showroom/model";
import { call, type CallResult } from "./callables.js";
import { apiRequest } from "./rest-api.js";
import type { CallSample } from "./soak-stats.js";

export interface SoakCatalog {
  hot: string[];
  cold: string[];
}

export interface SoakActors {
  /** ID tokens of distinct anonymous shoppers. */
  shoppers: string[];
  staff: string;
  apiKey: string;
}

/** Share of lines on hot SKUs. */
const HOT_SHARE = 0.8;
const shipping = { name: "Soak Shopper", line1: "1 Loom Street", city: "Leeds", postalCode: "LS1 1AA", country: "GB" };

/** A write answers 200 for the request; its one item says whether it was applied, stale, or rejected and why. */
function itemOutcome(text: string): string {
  const [item] = WriteAnswerSchema.parse(JSON.parse(text)).items;
  if (!item) throw new Error(`a write answered no item: ${text.slice(0, 200)}`);
  return item.result === "applied" ? "ok" : item.result === "rejected" ? `rejected ${item.code ?? ""}`.trim() : item.result;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const between = (low: number, high: number) => low + Math.floor(Math.random() * (high - low + 1));

/**
 * Visits per 100, by kind. Orders (with and without a hold) take about as many hot units as receipts,
 * cancels and staff and ERP bookings bring back, so the hot SKUs keep selling for the whole run.
 */
export const SOAK_MIX = {
  holdThenOrder: 25,
  order: 35,
  abandonedHold: 4,
  cancel: 10,
  staffAdjust: 8,
  receipt: 4,
  apiAdjust: 7,
  apiCount: 7,
} as const;
export type VisitKind = keyof typeof SOAK_MIX;
const KINDS = Object.keys(SOAK_MIX) as VisitKind[];
const MIX_TOTAL = KINDS.reduce((sum, kind) => sum + SOAK_MIX[kind], 0);

function pickKind(): VisitKind {
  let roll = Math.random() * MIX_TOTAL;
  for (const kind of KINDS) {
    roll -= SOAK_MIX[kind];
    if (roll < 0) return kind;
  }
  return "order";
}

export class SoakTraffic {
  readonly samples: CallSample[] = [];
  /** Every SKU a call named: what the drift check covers afterwards. */
  readonly touched = new Set<string>();
  /** Orders still `placed`, with their owner's token: what a cancel visit cancels. */
  private readonly placed: { token: string; orderId: string }[] = [];
  private readonly started = performance.now();

  constructor(
    private readonly catalog: SoakCatalog,
    private readonly actors: SoakActors,
  ) {}

  /** One visit of this kind, or of one picked by SOAK_MIX's weights. */
  async visit(kind: VisitKind = pickKind()): Promise<void> {
    const visits: Record<VisitKind, () => Promise<void>> = {
      holdThenOrder: () => this.holdThenOrder(),
      order: () => this.order(pick(this.actors.shoppers)),
      abandonedHold: () => this.abandonedHold(),
      cancel: () => this.cancel(),
      staffAdjust: () => this.staffAdjust(),
      receipt: () => this.receipt(),
      apiAdjust: () => this.apiAdjust(),
      apiCount: () => this.apiCount(),
    };
    await visits[kind]();
  }

  private touch(sku: string): string {
    this.touched.add(sku);
    return sku;
  }

  private sku(): string {
    return this.touch(pick(Math.random() < HOT_SHARE ? this.catalog.hot : this.catalog.cold));
  }

  /** A cart of one line, or two (a hot and a cold SKU, say), 1–2 units each. */
  private cart(): OrderLineInput[] {
    const first = this.sku();
    const second = Math.random() < 0.25 ? this.sku() : first;
    return [...new Set([first, second])].map((sku) => ({ sku, quantity: between(1, 2) }));
  }

  private async timed(callable: string, send: () => Promise<CallResult>): Promise<CallResult> {
    const startMs = performance.now() - this.started;
    const result = await send();
    this.samples.push({ callable, startMs, ms: result.ms, outcome: result.ok ? "ok" : (result.reason ?? result.status) });
    return result;
  }

  private async order(token: string, lines = this.cart(), holdId?: string): Promise<void> {
    const input = { idempotencyKey: `soak-${randomUUID()}`, lines, shipping, ...(holdId ? { holdId } : {}) };
    const result = await this.timed("placeOrder", () => call("placeOrder", token, input));
    if (result.ok) this.placed.push({ token, orderId: PlaceOrderOutputSchema.parse(result.data).orderId });
  }

  private async holdThenOrder(): Promise<void> {
    const token = pick(this.actors.shoppers);
    const lines = this.cart();
    const held = await this.timed("holdCart", () => call("holdCart", token, { lines }));
    // A refused hold (a cap, out of stock) does not stop the shopper: an order without a hold is always allowed.
    await this.order(token, lines, held.ok ? HoldCartOutputSchema.parse(held.data).holdId : undefined);
  }

  /** A cart held and left: the hold lapses (or the shopper's next hold replaces it). */
  private async abandonedHold(): Promise<void> {
    const lines = this.cart();
    await this.timed("holdCart", () => call("holdCart", pick(this.actors.shoppers), { lines }));
  }

  /** The owner cancels one of the placed orders, picked at random; with none placed yet, the visit orders instead. */
  private async cancel(): Promise<void> {
    if (this.placed.length === 0) return this.order(pick(this.actors.shoppers));
    const i = Math.floor(Math.random() * this.placed.length);
    const { token, orderId } = this.placed[i] as { token: string; orderId: string };
    this.placed[i] = this.placed[this.placed.length - 1] as { token: string; orderId: string };
    this.placed.pop();
    await this.timed("cancelOrder", () => call("cancelOrder", token, { orderId, reason: "changed my mind" }));
  }

  /** Staff find a few units damaged or returned. */
  private async staffAdjust(): Promise<void> {
    const delta = pick([-2, -1, 1, 2, 3]);
    const input = { sku: this.sku(), delta, reason: delta > 0 ? "return" : "damage" };
    await this.timed("adjustStock", () => call("adjustStock", this.actors.staff, input));
  }

  /** A delivery: three hot SKUs and a cold one restocked (what keeps the hot SKUs selling for the whole run). */
  private async receipt(): Promise<void> {
    const skus = new Set<string>();
    while (skus.size < 3) skus.add(this.touch(pick(this.catalog.hot)));
    skus.add(this.touch(pick(this.catalog.cold)));
    const input = {
      receiptId: `soak-${randomUUID()}`,
      rows: [...skus].map((sku) => ({ sku, location: "main", quantity: between(3, 8) })),
    };
    await this.timed("receiveShipment", () => call("receiveShipment", this.actors.staff, input));
  }

  /** A REST request, recorded under `route`; answers the body of a 200, else null. */
  private async rest(route: string, path: string, body?: object): Promise<string | null> {
    const startMs = performance.now() - this.started;
    const init = body ? { body: JSON.stringify(body), idempotencyKey: `soak-${randomUUID()}` } : {};
    const answer = await apiRequest(path, this.actors.apiKey, init).catch(() => null);
    const ms = performance.now() - this.started - startMs;
    const text = answer?.status === 200 ? answer.text : null;
    const outcome = !answer ? "NETWORK" : text === null ? `HTTP ${answer.status}` : body ? itemOutcome(text) : "ok";
    this.samples.push({ callable: route, startMs, ms, outcome });
    return text;
  }

  /** An ERP books a few units in or out. */
  private async apiAdjust(): Promise<void> {
    await this.rest("POST /v1/inventory/adjust", "/v1/inventory/adjust", { items: [{ sku: this.sku(), location: "main", delta: pick([-1, 1, 2, 3]) }] });
  }

  /** An ERP counts a shelf: reads on hand, then sets the count compare-and-set on what it read (stale if a sale came between). */
  private async apiCount(): Promise<void> {
    const sku = this.sku();
    const text = await this.rest("GET /v1/inventory/{sku}", `/v1/inventory/${sku}`);
    if (text === null) return;
    const onHand = InventoryViewSchema.parse(JSON.parse(text)).locations.main?.onHand ?? 0;
    const item = { sku, location: "main", quantity: Math.max(0, onHand + between(-1, 2)), changeFromQuantity: onHand, reason: "count" };
    await this.rest("POST /v1/inventory/set", "/v1/inventory/set", { items: [item] });
  }
}
