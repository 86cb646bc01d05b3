import { describe, expect, it } from "vitest";
import { parseEventEnvelope } from "@showroom/model";
import { commitSubjects, customerErasedEvent, eventId, orderEvents, productEvent, stockEvents, type OrderFacts, type SkuStock } from "./build.js";

const NOW = Date.UTC(2026, 10, 30, 10);
const sku = (over: Partial<SkuStock> = {}): SkuStock => ({
  sku: "SOFA-1",
  productId: "p1",
  policy: "stock",
  locations: { main: { onHand: 2 } },
  holds: {},
  lowStockThreshold: 1,
  eventSeq: 4,
  ...over,
});
const order = (over: Partial<OrderFacts> = {}): OrderFacts => ({
  id: "o1",
  uid: "alice",
  lines: [{ sku: "SOFA-1", productId: "p1", name: "Alba", label: "Green", quantity: 1, unitPriceCents: 1000, lineTotalCents: 1000, allocations: [] }],
  totalCents: 1000,
  currency: "USD",
  status: "placed",
  eventSeq: 0,
  ...over,
});
const envelope = (e: ReturnType<typeof stockEvents>[number]) => parseEventEnvelope({ ...e, occurredAt: new Date(e.occurredAtMs).toISOString() });

describe("eventId", () => {
  it("is deterministic and sorts by seq within a subject", () => {
    expect(eventId("sku/A", 2)).toBe("sku~A~000000000002");
    expect(eventId("sku/A", 10) > eventId("sku/A", 9)).toBe(true);
  });
});

describe("stockEvents", () => {
  it("emits inventory.updated with the next seq when on hand moves, and bumps the counter", () => {
    const after = sku({ locations: { main: { onHand: 1 } } });
    const events = stockEvents(sku(), after, "order", NOW);
    expect(events.map((e) => [e.type, e.seq, e.id])).toEqual([["inventory.updated", 5, "sku~SOFA-1~000000000005"]]);
    expect(after.eventSeq).toBe(5);
    expect(envelope(events[0]!).data).toEqual({
      sku: "SOFA-1",
      productId: "p1",
      available: 1,
      status: "low_stock",
      onHand: 1,
      locations: { main: { onHand: 1 } },
      reason: "order",
    });
  });

  it("emits for a hold (available moves, on hand does not) and nothing when nothing public moved", () => {
    const held = sku({ holds: { h1: { quantity: 1, uid: "alice", expiresAtMs: NOW + 60_000 } } });
    expect(stockEvents(sku(), held, "hold", NOW).map((e) => e.data.available)).toEqual([1]);
    const untouched = sku();
    expect(stockEvents(sku(), untouched, "hold-expired", NOW)).toEqual([]);
    expect(untouched.eventSeq).toBe(4);
  });

  it("reports a hold that expired since the last write when a sweep drops it", () => {
    const stored = sku({ holds: { h1: { quantity: 1, uid: "alice", expiresAtMs: NOW - 1 } } });
    expect(stockEvents(stored, sku(), "hold-expired", NOW).map((e) => [e.data.reason, e.data.available])).toEqual([["hold-expired", 2]]);
  });

  it("adds stock.back_in_stock when the status leaves out_of_stock, seq right after the update", () => {
    const events = stockEvents(sku({ locations: { main: { onHand: 0 } } }), sku({ locations: { main: { onHand: 3 } } }), "receive", NOW);
    expect(events.map((e) => [e.type, e.seq])).toEqual([
      ["inventory.updated", 5],
      ["stock.back_in_stock", 6],
    ]);
    expect(envelope(events[1]!).data).toEqual({ sku: "SOFA-1", productId: "p1", available: 3, status: "in_stock" });
  });
});

describe("orderEvents", () => {
  it("places, cancels and moves an order along, each with the next seq and no personal data", () => {
    const placed = order();
    const [p] = orderEvents(null, placed, NOW);
    expect(envelope(p!).data).toEqual({
      orderId: "o1",
      uid: "alice",
      lines: [{ sku: "SOFA-1", productId: "p1", quantity: 1, unitPriceCents: 1000 }],
      totalCents: 1000,
      currency: "USD",
    });
    const fulfilled = { ...placed, status: "fulfilled" as const };
    expect(orderEvents({ status: "placed" }, fulfilled, NOW).map((e) => [e.type, e.seq, e.data.from, e.data.to])).toEqual([
      ["order.status_changed", 2, "placed", "fulfilled"],
    ]);
    const cancelled = { ...fulfilled, status: "cancelled" as const, cancelReason: "damaged" };
    expect(orderEvents({ status: "fulfilled" }, cancelled, NOW).map((e) => [e.type, e.seq, e.data.reason])).toEqual([["order.cancelled", 3, "damaged"]]);
    expect(orderEvents({ status: "cancelled" }, cancelled, NOW)).toEqual([]);
  });

  it("says null for an erased account's placeholder uid", () => {
    expect(orderEvents({ status: "placed" }, order({ uid: "erased-abc", status: "fulfilled" }), NOW)[0]?.data.uid).toBeNull();
  });
});

describe("productEvent and customerErasedEvent", () => {
  it("builds product.upserted with the next seq, and customer.erased with the uid only, seq 1", () => {
    const product = productEvent({ id: "p1", active: false, skus: ["SOFA-1"], eventSeq: 7 }, NOW);
    expect(envelope(product)).toMatchObject({ seq: 8, subject: "product/p1", data: { productId: "p1", active: false, skus: ["SOFA-1"] } });
    expect(envelope(customerErasedEvent("u1", NOW))).toMatchObject({ id: "customer~u1~000000000001", seq: 1, data: { uid: "u1" } });
  });
});

describe("commitSubjects", () => {
  const event = (subject: "sku/A" | "sku/B", seq: number, traceparent?: string) => ({
    id: eventId(subject, seq),
    type: "inventory.updated" as const,
    subject,
    seq,
    occurredAtMs: NOW,
    data: {},
    ...(traceparent ? { traceparent } : {}),
  });

  it("names each subject once, with its last seq and its first event's trace, in order of first appearance", () => {
    const events = [event("sku/B", 7, "tp-b1"), event("sku/A", 3, "tp-a1"), event("sku/B", 8, "tp-b2"), event("sku/A", 4)];
    expect(commitSubjects(events)).toEqual([
      { subject: "sku/B", seq: 8, traceparent: "tp-b1" },
      { subject: "sku/A", seq: 4, traceparent: "tp-a1" },
    ]);
  });

  it("lends the writer's trace to a first event without one, and leaves it out when there is none", () => {
    expect(commitSubjects([event("sku/A", 1)], "tp-writer")).toEqual([{ subject: "sku/A", seq: 1, traceparent: "tp-writer" }]);
    expect(commitSubjects([event("sku/A", 1)])).toEqual([{ subject: "sku/A", seq: 1 }]);
    expect(commitSubjects([])).toEqual([]);
  });
});
