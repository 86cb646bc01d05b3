/**
 * The inventory engine's decisions, pure: given what one transaction read (the
 * `World`) and a batch of requests in arrival order, decide each request
 * against the running in-memory state and return each answer plus the writes.
 *
 * Each request works on a draft; a rejected request's draft is dropped, so it
 * writes nothing, and all lines of an order succeed or none does. Because the
 * function depends only on its inputs, a retried transaction simply decides
 * again on fresh reads. No Firebase imports (the audit and caller types are erased).
 */
import {
  allocate,
  DEFAULT_LOCATION,
  drawSequence,
  holdExpiry,
  holdIsUsable,
  lineTotal,
  locationRefusal,
  onHandTotal,
  orderableUnits,
  orderTotal,
  publicAvailability,
  pruneExpiredHolds,
  sellableUnits,
  sellFloor,
  type AdjustStockInput,
  type AdjustStockOutput,
  type CancelOrderInput,
  type Currency,
  type ErrorDetails,
  type HoldCartInput,
  type HoldEntry,
  type HoldStatus,
  type InventoryState,
  type LedgerEntry,
  type Location,
  type OrderLine,
  type OrderLineInput,
  type OrderStatus,
  type PlaceOrderInput,
  type PlaceOrderOutput,
  type ShippingAddress,
  type StockLocation,
} from "@showroom/model";
import { orderEvents, stockEvents, type OutboxEvent } from "../events/build.js";
import type { AuditEntry } from "../shared/audit.js";
import type { Caller } from "../shared/callable.js";
import { decideApiStock, type ApiReplay, type ApiStockAnswer, type ApiStockRequest } from "./decide-api.js";
import { breachMessage, cartBreach, holdTtlSeconds, shareBreach, type HoldLimitBreach, type HoldLimits } from "./hold-limits.js";

/** A request's caller's trace (tracing.ts), handed on to the events it causes. */
export type StockRequest = StockRequestKind & { traceparent?: string };

type StockRequestKind =
  | { kind: "placeOrder"; actor: Caller; orderId: string; input: PlaceOrderInput }
  | { kind: "cancelOrder"; actor: Caller; input: CancelOrderInput }
  | { kind: "holdCart"; actor: Caller; holdId: string; input: HoldCartInput }
  | { kind: "releaseHold"; actor: Caller; input: { holdId: string } }
  | { kind: "adjustStock"; actor: Caller; input: AdjustStockInput }
  /** REST API set/adjust items (decide-api.ts). */
  | ApiStockRequest
  /** Republishes SKUs whose holds expired and marks those holds expired (timer / schedule). */
  | { kind: "sweep"; skus: string[]; holdIds: string[] };

export interface ProductState {
  id: string;
  name: string;
  currency: Currency;
  active: boolean;
  variants: { sku: string; label: string; priceCents: number }[];
}

export interface HoldState {
  id: string;
  uid: string;
  lines: OrderLineInput[];
  expiresAtMs: number;
  status: HoldStatus;
  orderId?: string;
}

export interface StatusChange {
  status: OrderStatus;
  by: string;
  atMs: number;
}

export interface OrderState {
  id: string;
  uid: string;
  lines: OrderLine[];
  totalCents: number;
  currency: Currency;
  status: OrderStatus;
  shipping: ShippingAddress;
  idempotencyKey: string;
  holdId?: string;
  cancelReason?: string;
  /** Entries read from the document stay opaque (Firestore timestamps); new ones carry `atMs`. */
  statusHistory: (StatusChange | { readonly stored: unknown })[];
  /** The last event seq of subject `order/{id}`. */
  eventSeq: number;
}

/** `activeHolds/{uid}`: the user's latest hold and its SKUs (so they load with the SKUs, in one round trip). */
export interface ActiveHold {
  holdId: string;
  skus: string[];
}

/** What one transaction read. `null` = the document does not exist. */
export interface World {
  nowMs: number;
  holdLimits: HoldLimits;
  /** uid → the user's latest hold, for `holdCart` callers. */
  activeHolds: Map<string, ActiveHold | null>;
  inventory: Map<string, InventoryState | null>;
  products: Map<string, ProductState | null>;
  holds: Map<string, HoldState | null>;
  orders: Map<string, OrderState | null>;
  /** `${uid}_${idempotencyKey}` → orderId. */
  orderKeys: Map<string, string | null>;
  /** `apiReplays/{id}`: REST writes' stored answers. */
  apiReplays: Map<string, ApiReplay | null>;
  /** The store's configured locations by code (`locations/{code}`), read in the same transaction. */
  locations: ReadonlyMap<string, StockLocation>;
}

export type ErrorCode = "failed-precondition" | "not-found" | "permission-denied" | "invalid-argument";

export class Rejection extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
  }
}

export type AdjustStockAnswer = AdjustStockOutput & { location: Location; locationOnHand: number };

export type StockAnswer =
  | PlaceOrderOutput
  | { orderId: string; status: "cancelled" }
  | { holdId: string; expiresAt: string }
  | { holdId: string; released: true }
  | AdjustStockAnswer
  | ApiStockAnswer
  | { swept: number };

export type Outcome =
  | { ok: true; value: StockAnswer }
  | { ok: false; rejection: Rejection }
  /** A bug or bad data: only this request fails (as `internal`), the batch goes on. */
  | { ok: false; error: unknown };

export interface Effects {
  /** SKUs whose inventory changed: write it, `stock/{sku}` and its `productStock` entry. */
  inventory: Set<string>;
  ledger: LedgerEntry[];
  orders: Map<string, Tracked<OrderState>>;
  orderKeys: Map<string, { uid: string; idempotencyKey: string; orderId: string }>;
  holds: Map<string, Tracked<HoldState>>;
  activeHolds: Map<string, ActiveHold>;
  audits: AuditEntry[];
  /** The outbox: each accepted request's events, in order. */
  events: OutboxEvent[];
  apiReplays: Map<string, ApiReplay>;
}

export const orderKeyId = (uid: string, idempotencyKey: string) => `${uid}_${idempotencyKey}`;

/** The document ids a request needs before anything else can be read. */
export function firstReads(request: StockRequest): { orderKeys: string[]; holds: string[]; orders: string[]; apiReplays?: string[] } {
  switch (request.kind) {
    case "placeOrder":
      return {
        orderKeys: [orderKeyId(request.actor.uid, request.input.idempotencyKey)],
        holds: request.input.holdId ? [request.input.holdId] : [],
        orders: [],
      };
    case "cancelOrder":
      return { orderKeys: [], holds: [], orders: [request.input.orderId] };
    case "releaseHold":
      return { orderKeys: [], holds: [request.input.holdId], orders: [] };
    case "sweep":
      return { orderKeys: [], holds: request.holdIds, orders: [] };
    case "holdCart":
    case "adjustStock":
      return { orderKeys: [], holds: [], orders: [] };
    case "apiStock":
      return { orderKeys: [], holds: [], orders: [], apiReplays: [request.replayId] };
  }
}

/** SKUs a request's own input names (hold and order lines are added by the loader). */
export function requestSkus(request: StockRequest): string[] {
  switch (request.kind) {
    case "placeOrder":
    case "holdCart":
      return request.input.lines.map((l) => l.sku);
    case "adjustStock":
      return [request.input.sku];
    case "apiStock":
      return request.items.map((item) => item.sku);
    case "sweep":
      return request.skus;
    case "cancelOrder":
    case "releaseHold":
      return [];
  }
}

/** Rough count of document writes, to cap a batch below Firestore's per-commit limits. */
export function writeWeight(request: StockRequest): number {
  switch (request.kind) {
    case "placeOrder":
    case "holdCart":
      return 4 + 3 * request.input.lines.length;
    case "sweep":
      return 1 + 2 * request.skus.length + request.holdIds.length;
    case "apiStock":
      // Per item: inventory, stock, productStock, a ledger entry and up to two events; plus the audit entry and the stored answer.
      return 2 + 6 * request.items.length;
    default:
      return 8;
  }
}

/** A hold or order this batch writes: created by it, or updated. */
export interface Tracked<T> {
  value: T;
  created: boolean;
}

/** A request's own copy of a hold or order, made on first use. */
function draftOf<T>(
  drafts: Map<string, Tracked<T>>,
  world: Map<string, T | null>,
  effects: Map<string, Tracked<T>>,
  id: string,
  copy: (value: T) => T,
): T | null {
  const drafted = drafts.get(id);
  if (drafted) return drafted.value;
  const current = world.get(id);
  if (current === undefined) throw new Error(`${id} was not loaded`);
  if (current === null) return null;
  const value = copy(current);
  drafts.set(id, { value, created: effects.get(id)?.created ?? false });
  return value;
}

/** Copy-on-write view of the world for one request. */
class Draft {
  readonly inventory = new Map<string, InventoryState>();
  readonly holds = new Map<string, Tracked<HoldState>>();
  readonly orders = new Map<string, Tracked<OrderState>>();
  readonly orderKeys = new Map<string, { uid: string; idempotencyKey: string; orderId: string }>();
  readonly activeHolds = new Map<string, ActiveHold>();
  readonly ledger: LedgerEntry[] = [];
  readonly audits: AuditEntry[] = [];
  readonly events: OutboxEvent[] = [];
  readonly apiReplays = new Map<string, ApiReplay>();

  constructor(
    readonly world: World,
    readonly effects: Effects,
  ) {}

  get now(): number {
    return this.world.nowMs;
  }

  get locations(): ReadonlyMap<string, StockLocation> {
    return this.world.locations;
  }

  /** The refusal of a stock write of `delta` at `location`: it must be configured, and an inactive one takes no new stock. */
  requireLocation(location: string, delta: number): void {
    const reason = locationRefusal(this.locations, location, delta);
    if (reason === "unknown-location") throw new Rejection("not-found", `Unknown location ${location}.`, { reason, location });
    if (reason === "inactive-location")
      throw new Rejection("failed-precondition", `Location ${location} is inactive and takes no new stock.`, { reason, location });
  }

  /** The SKU's inventory for writing; expired holds are dropped on first touch (they no longer count). */
  stock(sku: string): InventoryState | null {
    const drafted = this.inventory.get(sku);
    if (drafted) return drafted;
    const current = this.world.inventory.get(sku);
    if (current === undefined) throw new Error(`inventory/${sku} was not loaded`);
    if (current === null) return null;
    const copy = structuredClone(current);
    copy.holds = pruneExpiredHolds(copy.holds, this.now);
    this.inventory.set(sku, copy);
    return copy;
  }

  knownStock(sku: string): InventoryState {
    const inventory = this.stock(sku);
    if (!inventory) throw new Rejection("not-found", `Unknown SKU ${sku}.`, { reason: "unknown-sku", sku });
    return inventory;
  }

  product(id: string): ProductState | null {
    const product = this.world.products.get(id);
    if (product === undefined) throw new Error(`products/${id} was not loaded`);
    return product;
  }

  /** The hold as this request sees it, without taking it for writing. */
  peekHold(id: string): Readonly<HoldState> | null {
    const drafted = this.holds.get(id);
    if (drafted) return drafted.value;
    const current = this.world.holds.get(id);
    if (current === undefined) throw new Error(`${id} was not loaded`);
    return current;
  }

  hold(id: string): HoldState | null {
    return draftOf(this.holds, this.world.holds, this.effects.holds, id, (hold) => structuredClone(hold));
  }

  activeHold(uid: string): ActiveHold | null {
    const drafted = this.activeHolds.get(uid);
    if (drafted) return drafted;
    const current = this.world.activeHolds.get(uid);
    if (current === undefined) throw new Error(`activeHolds/${uid} was not loaded`);
    return current;
  }

  order(id: string): OrderState | null {
    // Shallow: stored history entries are Firestore timestamps that must keep their prototype.
    return draftOf(this.orders, this.world.orders, this.effects.orders, id, (order) => ({ ...order, statusHistory: [...order.statusHistory] }));
  }

  /** Moves on hand at one location and records the ledger entry for it. */
  move(inventory: InventoryState, location: Location, delta: number, entry: Omit<LedgerEntry, "sku" | "location" | "delta" | "before" | "after">): void {
    const before = inventory.locations[location]?.onHand ?? 0;
    inventory.locations[location] = { onHand: before + delta };
    this.ledger.push({ ...entry, sku: inventory.sku, location, delta, before, after: before + delta });
  }

  /**
   * Whether removing units breaks the SKU's policy: below zero at the location, or sell-through
   * below the policy's floor (units promised to holds included).
   */
  removalBreaksPolicy(inventory: InventoryState, before: number, delta: number): boolean {
    const floor = sellFloor(inventory);
    return before + delta < 0 || (floor !== null && sellableUnits(inventory, this.now) + delta < floor);
  }

  replay(id: string): ApiReplay | null {
    const current = this.apiReplays.get(id) ?? this.world.apiReplays.get(id);
    if (current === undefined) throw new Error(`apiReplays/${id} was not loaded`);
    return current;
  }

  recordReplay(id: string, replay: ApiReplay): void {
    this.apiReplays.set(id, replay);
  }

  /** Makes this request's changes part of the world for the requests after it. */
  commit(): void {
    for (const [sku, inventory] of this.inventory) {
      this.world.inventory.set(sku, inventory);
      this.effects.inventory.add(sku);
    }
    for (const [id, entry] of this.holds) {
      this.world.holds.set(id, entry.value);
      this.effects.holds.set(id, entry);
    }
    for (const [id, entry] of this.orders) {
      this.world.orders.set(id, entry.value);
      this.effects.orders.set(id, entry);
    }
    for (const [id, key] of this.orderKeys) {
      this.world.orderKeys.set(id, key.orderId);
      this.effects.orderKeys.set(id, key);
    }
    for (const [uid, pointer] of this.activeHolds) {
      this.world.activeHolds.set(uid, pointer);
      this.effects.activeHolds.set(uid, pointer);
    }
    for (const [id, replay] of this.apiReplays) {
      this.world.apiReplays.set(id, replay);
      this.effects.apiReplays.set(id, replay);
    }
    this.effects.ledger.push(...this.ledger);
    this.effects.audits.push(...this.audits);
    this.effects.events.push(...this.events);
  }

  /** The events of this request's changes, measured against the world before it (call before commit). */
  recordEvents(reason: string): void {
    for (const [sku, after] of this.inventory) {
      const before = this.world.inventory.get(sku);
      if (before) this.events.push(...stockEvents(before, after, reason, this.now));
    }
    for (const { value: after } of this.orders.values()) this.events.push(...orderEvents(this.world.orders.get(after.id) ?? null, after, this.now));
  }
}

/** What an `inventory.updated` says moved the stock. */
function stockReason(request: StockRequest): string {
  switch (request.kind) {
    case "placeOrder":
      return "order";
    case "cancelOrder":
      return "cancel";
    case "holdCart":
      return "hold";
    case "releaseHold":
      return "hold-released";
    case "adjustStock":
      return request.input.reason;
    case "sweep":
      return "hold-expired";
    case "apiStock": {
      // An integration's write: its items' reason when they share one.
      const reasons = new Set(request.items.map((item) => item.reason));
      return reasons.size === 1 ? [...reasons][0]! : "api";
    }
  }
}

function outOfStock(inventory: InventoryState, now: number): Rejection {
  const available = orderableUnits(inventory, now);
  return new Rejection("failed-precondition", `Not enough stock for ${inventory.sku}: ${available} available.`, {
    reason: "out-of-stock",
    sku: inventory.sku,
    available,
  });
}

function requireOrderable(inventory: InventoryState, quantity: number, now: number): void {
  if (orderableUnits(inventory, now) < quantity) throw outOfStock(inventory, now);
}

function placeOrder(d: Draft, request: Extract<StockRequest, { kind: "placeOrder" }>): PlaceOrderOutput {
  const { actor, input } = request;
  const keyId = orderKeyId(actor.uid, input.idempotencyKey);
  const existingId = d.world.orderKeys.get(keyId);
  if (existingId) {
    // Same user, same key: the same answer as the first time, and no stock moves.
    const existing = d.order(existingId);
    if (!existing) throw new Error(`orderKeys/${keyId} points at missing order ${existingId}`);
    return { orderId: existing.id, status: "placed", totalCents: existing.totalCents, currency: existing.currency };
  }

  if (input.holdId) consumeHold(d, input.holdId, actor.uid, request.orderId);

  const lines: OrderLine[] = [];
  const currencies = new Set<Currency>();
  for (const { sku, quantity } of input.lines) {
    const inventory = d.knownStock(sku);
    const product = d.product(inventory.productId);
    const variant = product?.active ? product.variants.find((v) => v.sku === sku) : undefined;
    if (!product || !variant) throw new Rejection("not-found", `Unknown SKU ${sku}.`, { reason: "unknown-sku", sku });
    requireOrderable(inventory, quantity, d.now);
    const drawOrder = drawSequence(d.locations.values()).map((l) => l.code);
    const allocations = allocate(inventory.locations, quantity, inventory.policy, drawOrder);
    for (const a of allocations) d.move(inventory, a.location, -a.quantity, { reason: "order", actorUid: actor.uid, orderId: request.orderId });
    currencies.add(product.currency);
    const priced = { quantity, unitPriceCents: variant.priceCents };
    lines.push({ sku, productId: product.id, name: product.name, label: variant.label, ...priced, lineTotalCents: lineTotal(priced), allocations });
  }
  const [currency] = currencies;
  if (currencies.size !== 1 || !currency) throw new Rejection("invalid-argument", "All lines of one order must share a currency.");
  const totalCents = orderTotal(lines);
  if (totalCents === null) throw new Rejection("invalid-argument", "The order total is too large.");

  const order: OrderState = {
    id: request.orderId,
    uid: actor.uid,
    lines,
    totalCents,
    currency,
    status: "placed",
    shipping: input.shipping,
    idempotencyKey: input.idempotencyKey,
    ...(input.holdId ? { holdId: input.holdId } : {}),
    statusHistory: [{ status: "placed", by: actor.uid, atMs: d.now }],
    eventSeq: 0,
  };
  d.orders.set(order.id, { value: order, created: true });
  d.orderKeys.set(keyId, { uid: actor.uid, idempotencyKey: input.idempotencyKey, orderId: order.id });
  return { orderId: order.id, status: "placed", totalCents, currency };
}

/** Frees a hold's units for the order that uses it; the order then takes stock like any other. */
function consumeHold(d: Draft, holdId: string, uid: string, orderId: string): void {
  const hold = d.hold(holdId);
  if (!hold) throw new Rejection("not-found", "No such hold.", { reason: "unknown-hold", holdId });
  if (hold.uid !== uid) throw new Rejection("permission-denied", "This hold belongs to someone else.");
  if (!holdIsUsable(hold, d.now)) throw new Rejection("failed-precondition", "This hold has expired or was already used.", { reason: "hold-expired", holdId });
  dropHoldUnits(d, hold);
  hold.status = "consumed";
  hold.orderId = orderId;
}

function dropHoldUnits(d: Draft, hold: HoldState): void {
  for (const line of hold.lines) {
    const inventory = d.stock(line.sku);
    if (inventory) delete inventory.holds[hold.id];
  }
}

function cancelOrder(d: Draft, request: Extract<StockRequest, { kind: "cancelOrder" }>) {
  const { actor, input } = request;
  const order = d.order(input.orderId);
  if (!order) throw new Rejection("not-found", "No such order.", { reason: "unknown-order", orderId: input.orderId });
  const isStaff = actor.role !== null;
  if (!isStaff && order.uid !== actor.uid) throw new Rejection("permission-denied", "Not your order.");
  // A second cancel (also one racing the first) answers the same and restocks nothing.
  if (order.status === "cancelled") return { orderId: order.id, status: "cancelled" as const };
  const cancellable: OrderStatus[] = isStaff ? ["placed", "fulfilled"] : ["placed"];
  if (!cancellable.includes(order.status)) {
    throw new Rejection("failed-precondition", `An order that is ${order.status} cannot be cancelled${isStaff ? "" : " by its owner"}.`, {
      reason: "invalid-transition",
      from: order.status,
      to: "cancelled",
    });
  }
  for (const line of order.lines) {
    if (line.allocations.length === 0) continue;
    const inventory = d.stock(line.sku);
    if (!inventory) throw new Error(`inventory/${line.sku} of order ${order.id} is missing`);
    for (const a of line.allocations) d.move(inventory, a.location, a.quantity, { reason: "cancel", actorUid: actor.uid, orderId: order.id });
  }
  const before = order.status;
  order.status = "cancelled";
  if (input.reason) order.cancelReason = input.reason;
  order.statusHistory.push({ status: "cancelled", by: actor.uid, atMs: d.now });
  if (isStaff) {
    d.audits.push({
      actor,
      action: "order.cancel",
      target: { kind: "order", id: order.id },
      before: { status: before },
      after: { status: "cancelled" },
      ...(input.reason ? { note: input.reason } : {}),
    });
  }
  return { orderId: order.id, status: "cancelled" as const };
}

function holdLimitRejection(breach: HoldLimitBreach): Rejection {
  return new Rejection("failed-precondition", breachMessage(breach), { reason: "hold-limit", ...breach });
}

/** One active hold per user: the previous one gives its units back before the new one is checked. */
function releasePreviousHold(d: Draft, uid: string): void {
  const previous = d.activeHold(uid);
  const hold = previous ? d.hold(previous.holdId) : null;
  if (!hold || hold.status !== "active") return;
  dropHoldUnits(d, hold);
  hold.status = "released";
}

function holdCart(d: Draft, request: Extract<StockRequest, { kind: "holdCart" }>) {
  const { actor, input, holdId } = request;
  const limits = d.world.holdLimits;
  const breach = cartBreach(input.lines, limits);
  if (breach) throw holdLimitRejection(breach);
  // A refused hold drops this draft, so the previous hold stays as it was.
  releasePreviousHold(d, actor.uid);
  const expiresAtMs = holdExpiry(d.now, holdTtlSeconds(limits, request.actor.anonymous));
  for (const { sku, quantity } of input.lines) {
    const inventory = d.knownStock(sku);
    requireOrderable(inventory, quantity, d.now);
    const overShare = shareBreach(sku, inventory, quantity, d.now, limits);
    if (overShare) throw holdLimitRejection(overShare);
    const entry: HoldEntry = { quantity, uid: actor.uid, expiresAtMs };
    inventory.holds[holdId] = entry;
  }
  d.holds.set(holdId, { value: { id: holdId, uid: actor.uid, lines: input.lines, expiresAtMs, status: "active" }, created: true });
  d.activeHolds.set(actor.uid, { holdId, skus: input.lines.map((l) => l.sku) });
  return { holdId, expiresAt: new Date(expiresAtMs).toISOString() };
}

function releaseHold(d: Draft, request: Extract<StockRequest, { kind: "releaseHold" }>) {
  const { actor, input } = request;
  const hold = d.hold(input.holdId);
  if (!hold) throw new Rejection("not-found", "No such hold.", { reason: "unknown-hold", holdId: input.holdId });
  if (hold.uid !== actor.uid) throw new Rejection("permission-denied", "This hold belongs to someone else.");
  if (hold.status === "consumed") {
    throw new Rejection("failed-precondition", "This hold was already used for an order.", { reason: "hold-expired", holdId: hold.id });
  }
  if (hold.status !== "released") {
    dropHoldUnits(d, hold);
    hold.status = "released";
  }
  return { holdId: hold.id, released: true as const };
}

function adjustStock(d: Draft, request: Extract<StockRequest, { kind: "adjustStock" }>) {
  const { actor, input } = request;
  const inventory = d.knownStock(input.sku);
  const location = input.location ?? DEFAULT_LOCATION;
  const before = inventory.locations[location]?.onHand ?? 0;
  const delta = input.delta ?? (input.setTo ?? before) - before;
  d.requireLocation(location, delta);
  if (delta < 0) {
    // Staff release holds or cancel orders first.
    if (d.removalBreaksPolicy(inventory, before, delta)) {
      throw new Rejection("failed-precondition", `Removing ${-delta} from ${input.sku} at ${location} would take stock below zero.`, {
        reason: "negative-stock",
        sku: input.sku,
        location,
        onHand: before,
        available: orderableUnits(inventory, d.now),
      });
    }
  }
  d.move(inventory, location, delta, { reason: input.reason, actorUid: actor.uid, ...(input.note ? { note: input.note } : {}) });
  d.audits.push({
    actor,
    action: "stock.adjust",
    target: { kind: "sku", id: input.sku },
    before: { location, onHand: before },
    after: { location, onHand: before + delta, reason: input.reason },
    ...(input.note ? { note: input.note } : {}),
  });
  return {
    sku: input.sku,
    onHand: onHandTotal(inventory),
    available: publicAvailability(inventory, d.now).available,
    location,
    locationOnHand: before + delta,
  };
}

/**
 * Marks the named holds that are active and past their expiry as expired. A
 * hold's timer names it whatever became of it meanwhile, so a hold already
 * ordered or released is left alone and, when none was swept, nothing is
 * written.
 */
function sweep(d: Draft, request: Extract<StockRequest, { kind: "sweep" }>) {
  let swept = 0;
  for (const id of request.holdIds) {
    const seen = d.peekHold(id);
    if (seen?.status !== "active" || seen.expiresAtMs > d.now) continue;
    d.hold(id)!.status = "expired";
    swept += 1;
  }
  // Touching each SKU drops its expired holds and republishes its availability.
  if (swept > 0) for (const sku of request.skus) d.stock(sku);
  return { swept };
}

function decideOne(d: Draft, request: StockRequest): StockAnswer {
  switch (request.kind) {
    case "placeOrder":
      return placeOrder(d, request);
    case "cancelOrder":
      return cancelOrder(d, request);
    case "holdCart":
      return holdCart(d, request);
    case "releaseHold":
      return releaseHold(d, request);
    case "adjustStock":
      return adjustStock(d, request);
    case "apiStock":
      return decideApiStock(d, request);
    case "sweep":
      return sweep(d, request);
  }
}

export function emptyEffects(): Effects {
  return {
    inventory: new Set(),
    ledger: [],
    orders: new Map(),
    orderKeys: new Map(),
    holds: new Map(),
    activeHolds: new Map(),
    audits: [],
    events: [],
    apiReplays: new Map(),
  };
}

/** Decides every request in order. Mutates `world` (it becomes the state after the batch). */
export function decideBatch(world: World, requests: readonly StockRequest[]): { outcomes: Outcome[]; effects: Effects } {
  const effects = emptyEffects();
  const outcomes = requests.map((request): Outcome => {
    const draft = new Draft(world, effects);
    try {
      const value = decideOne(draft, request);
      draft.recordEvents(stockReason(request));
      if (request.traceparent) for (const event of draft.events) event.traceparent = request.traceparent;
      draft.commit();
      return { ok: true, value };
    } catch (error) {
      return error instanceof Rejection ? { ok: false, rejection: error } : { ok: false, error };
    }
  });
  return { outcomes, effects };
}
