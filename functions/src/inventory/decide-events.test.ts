import { describe, expect, it } from "vitest";
import { SEED_LOCATIONS, type InventoryState } from "@showroom/model";
import type { Caller } from "../shared/callable.js";
import { decideBatch, type StockRequest, type World } from "./decide.js";

const NOW = Date.UTC(2026, 10, 30, 10);
const alice: Caller = { uid: "alice", role: null, anonymous: false };
const staff: Caller = { uid: "sam", role: "staff", anonymous: false };
const shipping = { name: "Ada", line1: "1 Loom St", city: "Leeds", postalCode: "LS1 1AA", country: "GB" };

function world(stock: Record<string, number>): World {
  const inventories: InventoryState[] = Object.entries(stock).map(([sku, onHand]) => ({
    sku,
    productId: "p1",
    policy: "stock",
    locations: { main: { onHand } },
    holds: {},
    lowStockThreshold: 1,
    eventSeq: 10,
  }));
  return {
    nowMs: NOW,
    holdLimits: { maxUnitsPerSku: 10, maxUnitsPerCart: 30, maxHeldShare: 0.5, ttlSeconds: 900, anonymousTtlSeconds: 300 },
    activeHolds: new Map(),
    apiReplays: new Map(),
    locations: new Map(SEED_LOCATIONS.map((l) => [l.code, l])),
    inventory: new Map(inventories.map((i) => [i.sku, i])),
    products: new Map([
      ["p1", { id: "p1", name: "Alba", currency: "USD", active: true, variants: inventories.map((i) => ({ sku: i.sku, label: i.sku, priceCents: 500 })) }],
    ]),
    holds: new Map(),
    orders: new Map(),
    orderKeys: new Map(),
  };
}

const order = (key: string, lines: { sku: string; quantity: number }[]): StockRequest => ({
  kind: "placeOrder",
  actor: alice,
  orderId: `o-${key}`,
  input: { idempotencyKey: key, lines, shipping },
});

describe("decideBatch events (the outbox)", () => {
  it("writes exactly the events of the accepted requests, seq rising by 1 per subject across the batch", () => {
    const { outcomes, effects } = decideBatch(world({ "SKU-A": 3, "SKU-B": 0 }), [
      order("key-0001", [{ sku: "SKU-A", quantity: 2 }]),
      order("key-0002", [{ sku: "SKU-A", quantity: 2 }]), // out of stock: no event
      order("key-0003", [
        { sku: "SKU-A", quantity: 1 },
        { sku: "SKU-B", quantity: 1 },
      ]), // B out of stock: nothing at all
      { kind: "adjustStock", actor: staff, input: { sku: "SKU-B", delta: 4, reason: "receive" } },
      order("key-0004", [{ sku: "SKU-A", quantity: 1 }]),
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, false, true, true]);
    expect(effects.events.map((e) => [e.subject, e.seq, e.type])).toEqual([
      ["sku/SKU-A", 11, "inventory.updated"],
      ["order/o-key-0001", 1, "order.placed"],
      ["sku/SKU-B", 11, "inventory.updated"],
      ["sku/SKU-B", 12, "stock.back_in_stock"],
      ["sku/SKU-A", 12, "inventory.updated"],
      ["order/o-key-0004", 1, "order.placed"],
    ]);
    expect(effects.events.map((e) => e.data.reason)).toEqual(["order", undefined, "receive", undefined, "order", undefined]);
  });

  it("counts on the written state: the inventory and order carry the last seq", () => {
    const w = world({ "SKU-A": 3 });
    const { effects } = decideBatch(w, [
      order("key-0001", [{ sku: "SKU-A", quantity: 1 }]),
      { kind: "cancelOrder", actor: alice, input: { orderId: "o-key-0001" } },
    ]);
    expect(effects.events.map((e) => [e.subject, e.seq, e.type])).toEqual([
      ["sku/SKU-A", 11, "inventory.updated"],
      ["order/o-key-0001", 1, "order.placed"],
      ["sku/SKU-A", 12, "inventory.updated"],
      ["order/o-key-0001", 2, "order.cancelled"],
    ]);
    expect(w.inventory.get("SKU-A")?.eventSeq).toBe(12);
    expect(effects.orders.get("o-key-0001")?.value.eventSeq).toBe(2);
  });

  it("writes no event for a repeated order key (same answer, nothing moved)", () => {
    const w = world({ "SKU-A": 3 });
    const first = decideBatch(w, [order("key-0001", [{ sku: "SKU-A", quantity: 1 }])]);
    w.orderKeys.set("alice_key-0001", "o-key-0001");
    w.orders.set("o-key-0001", first.effects.orders.get("o-key-0001")!.value);
    expect(decideBatch(w, [order("key-0001", [{ sku: "SKU-A", quantity: 1 }])]).effects.events).toEqual([]);
  });
});
