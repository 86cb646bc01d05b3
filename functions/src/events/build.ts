/**
 * Builds outbox events, pure: no Firebase imports, so the inventory engine's
 * decisions (decide.ts) and every other writer return their events as data and
 * their transaction writes them (outbox.ts). Each builder takes the state
 * before and after one change, bumps the subject's counter on the "after"
 * state (the document the transaction writes anyway) and returns the events.
 */
import {
  becameSellable,
  onHandTotal,
  publicAvailability,
  subjectOf,
  type EventData,
  type EventSubject,
  type EventType,
  type OrderLine,
  type OrderStatus,
  type StockState,
} from "@showroom/model";

export interface OutboxEvent {
  id: string;
  type: EventType;
  subject: EventSubject;
  seq: number;
  occurredAtMs: number;
  data: Record<string, unknown>;
  /** The W3C traceparent of the request that caused the event (stored beside the envelope, not in it). */
  traceparent?: string;
}

/** One subject of a commit: its last seq in the commit, and the trace of its first event, in which the relay drains it. */
export interface CommitSubject {
  subject: EventSubject;
  seq: number;
  traceparent?: string;
}

/**
 * The subjects a commit's events name, in order of first appearance. An event
 * without a traceparent of its own takes `fallbackTraceparent` (the writer's
 * current trace), as its stored document does (outbox.ts).
 */
export function commitSubjects(events: readonly OutboxEvent[], fallbackTraceparent?: string): CommitSubject[] {
  const subjects = new Map<EventSubject, CommitSubject>();
  for (const event of events) {
    const first = subjects.get(event.subject);
    if (first) {
      first.seq = Math.max(first.seq, event.seq);
      continue;
    }
    const traceparent = event.traceparent ?? fallbackTraceparent;
    subjects.set(event.subject, { subject: event.subject, seq: event.seq, ...(traceparent ? { traceparent } : {}) });
  }
  return [...subjects.values()];
}

/** A document that carries its subject's event counter: the last `seq` written. */
export interface Sequenced {
  eventSeq: number;
}

/**
 * Deterministic and sortable within a subject: a retried transaction writes
 * the same ids, and `create` refuses a second event with the same seq.
 */
export const eventId = (subject: EventSubject, seq: number) => `${subject.replace("/", "~")}~${String(seq).padStart(12, "0")}`;

/** Erased accounts keep a placeholder uid (`erased-…`, erase-account.ts); events say null instead. */
export const eventUid = (uid: string): string | null => (uid.startsWith("erased-") ? null : uid);

/**
 * The next event of `counter`'s subject. `data` is typed by the contract; it is
 * parsed where events leave Firestore (outbox.ts), not on the stock hot path.
 */
export function nextEvent<T extends EventType>(counter: Sequenced, type: T, subject: EventSubject, occurredAtMs: number, data: EventData<T>): OutboxEvent {
  counter.eventSeq += 1;
  return { id: eventId(subject, counter.eventSeq), type, subject, seq: counter.eventSeq, occurredAtMs, data };
}

export type SkuStock = StockState & Sequenced & { sku: string; productId: string };

const locationsOf = (state: StockState) =>
  Object.fromEntries(Object.entries(state.locations).flatMap(([code, loc]) => (loc ? [[code, { onHand: loc.onHand }]] : [])));

/**
 * `inventory.updated` when on hand (at any location) or the public
 * availability moved, and `stock.back_in_stock` when the public status went
 * from not sellable to sellable (the rule back-in-stock alerts use).
 *
 * "Before" is what the SKU's last write published: every hold still stored was
 * live then (each write drops the expired ones), so all of them count. That
 * way a hold that expired since shows up as a movement when a sweep (or any
 * other write) drops it.
 */
export function stockEvents(before: StockState, after: SkuStock, reason: string, nowMs: number): OutboxEvent[] {
  const was = publicAvailability(before, Number.NEGATIVE_INFINITY);
  const is = publicAvailability(after, nowMs);
  const locations = locationsOf(after);
  const moved = JSON.stringify(locationsOf(before)) !== JSON.stringify(locations) || was.available !== is.available || was.status !== is.status;
  if (!moved) return [];
  const subject = subjectOf.sku(after.sku);
  const base = { sku: after.sku, productId: after.productId, available: is.available, status: is.status };
  const events = [nextEvent(after, "inventory.updated", subject, nowMs, { ...base, onHand: onHandTotal(after), locations, reason })];
  if (becameSellable(was, is)) events.push(nextEvent(after, "stock.back_in_stock", subject, nowMs, base));
  return events;
}

export interface OrderFacts extends Sequenced {
  id: string;
  uid: string;
  lines: OrderLine[];
  totalCents: number;
  currency: EventData<"order.placed">["currency"];
  status: OrderStatus;
  cancelReason?: string;
}

/** `order.placed` for a new order; `order.cancelled` or `order.status_changed` when its status moved. */
export function orderEvents(before: Pick<OrderFacts, "status"> | null, after: OrderFacts, nowMs: number): OutboxEvent[] {
  const subject = subjectOf.order(after.id);
  const uid = eventUid(after.uid);
  if (!before) {
    const lines = after.lines.map(({ sku, productId, quantity, unitPriceCents }) => ({ sku, productId, quantity, unitPriceCents }));
    return [nextEvent(after, "order.placed", subject, nowMs, { orderId: after.id, uid, lines, totalCents: after.totalCents, currency: after.currency })];
  }
  if (before.status === after.status) return [];
  if (after.status === "cancelled") {
    return [nextEvent(after, "order.cancelled", subject, nowMs, { orderId: after.id, uid, ...(after.cancelReason ? { reason: after.cancelReason } : {}) })];
  }
  return [nextEvent(after, "order.status_changed", subject, nowMs, { orderId: after.id, uid, from: before.status, to: after.status })];
}

export function productEvent(product: Sequenced & { id: string; active: boolean; skus: string[] }, nowMs: number): OutboxEvent {
  return nextEvent(product, "product.upserted", subjectOf.product(product.id), nowMs, { productId: product.id, active: product.active, skus: product.skus });
}

/**
 * An account is erased once: its subject's only event, so its seq is 1 and its
 * id fixed (a retried erasure finds it and writes nothing twice).
 */
export function customerErasedEvent(uid: string, nowMs: number): OutboxEvent {
  return nextEvent({ eventSeq: 0 }, "customer.erased", subjectOf.customer(uid), nowMs, { uid });
}
