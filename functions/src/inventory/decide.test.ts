import { describe, expect, it } from "vitest";
import { SEED_LOCATIONS, type InventoryState } from "@showroom/model";
import type { Caller } from "../shared/callable.js";
import { decideBatch, type Outcome, type StockRequest, type World } from "./decide.js";
import type { HoldLimits } from "./hold-limits.js";

const NOW = Date.UTC(2026, 10, 26, 12);
const alice: Caller = { uid: "alice", role: null, anonymous: false };
const bob: Caller = { uid: "bob", role: null, anonymous: true };
const staff: Caller = { uid: "sam", role: "staff", anonymous: false };
const shipping = { name: "Ada", line1: "1 Loom St", city: "Leeds", postalCode: "LS1 1AA", country: "GB" };

function inventory(sku: string, over: Partial<InventoryState> = {}): InventoryState {
  return {
    sku,
    productId: "p1",
    policy: "stock",
    locations: { main: { onHand: 2 }, east: { onHand: 3 } },
    holds: {},
    lowStockThreshold: 1,
    eventSeq: 0,
    ...over,
  };
}

/** No share ceiling unless a test sets one, so the other rules can be seen alone. */
const LIMITS: HoldLimits = { maxUnitsPerSku: 10, maxUnitsPerCart: 30, maxHeldShare: 1, ttlSeconds: 900, anonymousTtlSeconds: 300 };

function world(inventories: InventoryState[], over: Partial<World> = {}): World {
  return {
    nowMs: NOW,
    holdLimits: LIMITS,
    activeHolds: new Map([
      ["alice", null],
      ["bob", null],
    ]),
    inventory: new Map(inventories.map((i) => [i.sku, i])),
    products: new Map([
      [
        "p1",
        {
          id: "p1",
          name: "Alba sofa",
          currency: "USD",
          active: true,
          variants: inventories.map((i) => ({ sku: i.sku, label: `${i.sku} label`, priceCents: 1000 })),
        },
      ],
    ]),
    holds: new Map(),
    orders: new Map(),
    orderKeys: new Map(),
    apiReplays: new Map(),
    locations: new Map(SEED_LOCATIONS.map((l) => [l.code, l])),
    ...over,
  };
}

const order = (actor: Caller, key: string, lines: { sku: string; quantity: number }[], extra: { holdId?: string } = {}): StockRequest => ({
  kind: "placeOrder",
  actor,
  orderId: `order-${key}`,
  input: { idempotencyKey: key, lines, shipping, ...extra },
});

const holdOf = (actor: Caller, holdId: string, lines: { sku: string; quantity: number }[], anonymous = false): StockRequest => ({
  kind: "holdCart",
  actor: { ...actor, anonymous },
  holdId,
  input: { lines },
});

const codeOf = (o: Outcome | undefined) => (o && !o.ok && "rejection" in o ? o.rejection.code : o?.ok ? "ok" : "error");
const detailsOf = (o: Outcome | undefined) => (o && !o.ok && "rejection" in o ? o.rejection.details : undefined);

describe("decideBatch", () => {
  it("decides requests in arrival order: later ones see earlier ones' stock", () => {
    const w = world([inventory("A")]);
    const { outcomes, effects } = decideBatch(w, [order(alice, "key-0001", [{ sku: "A", quantity: 4 }]), order(bob, "key-0002", [{ sku: "A", quantity: 2 }])]);
    expect(outcomes.map(codeOf)).toEqual(["ok", "failed-precondition"]);
    expect(detailsOf(outcomes[1])).toEqual({ reason: "out-of-stock", sku: "A", available: 1 });
    expect(w.inventory.get("A")?.locations).toEqual({ main: { onHand: 0 }, east: { onHand: 1 } });
    expect(effects.ledger.map((e) => [e.location, e.delta, e.before, e.after])).toEqual([
      ["main", -2, 2, 0],
      ["east", -2, 3, 1],
    ]);
  });

  it("writes nothing for a rejected multi-line order (all lines or none)", () => {
    const w = world([inventory("A"), inventory("B", { locations: { main: { onHand: 1 } } })]);
    const { outcomes, effects } = decideBatch(w, [
      order(alice, "key-0001", [
        { sku: "A", quantity: 1 },
        { sku: "B", quantity: 2 },
      ]),
    ]);
    expect(codeOf(outcomes[0])).toBe("failed-precondition");
    expect(effects.inventory.size + effects.ledger.length + effects.orders.size + effects.orderKeys.size).toBe(0);
    expect(w.inventory.get("A")?.locations.main?.onHand).toBe(2);
  });

  it("prices lines from the catalog and answers an unknown SKU with not-found", () => {
    const w = world([inventory("A")], {
      inventory: new Map([
        ["A", inventory("A")],
        ["ZZZ", null],
      ]),
    });
    const { outcomes, effects } = decideBatch(w, [
      order(alice, "key-0001", [{ sku: "A", quantity: 3 }]),
      order(alice, "key-0002", [{ sku: "ZZZ", quantity: 1 }]),
    ]);
    expect(outcomes[0]).toEqual({ ok: true, value: { orderId: "order-key-0001", status: "placed", totalCents: 3000, currency: "USD" } });
    expect(effects.orders.get("order-key-0001")?.value.lines[0]).toMatchObject({
      unitPriceCents: 1000,
      lineTotalCents: 3000,
      allocations: [
        { location: "main", quantity: 2 },
        { location: "east", quantity: 1 },
      ],
    });
    expect(codeOf(outcomes[1])).toBe("not-found");
    expect(detailsOf(outcomes[1])).toEqual({ reason: "unknown-sku", sku: "ZZZ" });
  });

  it("returns the same order for the same user and key within a batch, moving stock once", () => {
    const w = world([inventory("A")]);
    const same = order(alice, "key-0001", [{ sku: "A", quantity: 1 }]);
    const { outcomes, effects } = decideBatch(w, [same, { ...same, orderId: "another-id" } as StockRequest]);
    expect(outcomes.map((o) => (o.ok && "orderId" in o.value ? o.value.orderId : null))).toEqual(["order-key-0001", "order-key-0001"]);
    expect(effects.ledger).toHaveLength(1);
    expect(effects.orders.size).toBe(1);
  });

  it("sells made to order without limit and backorder down to minus its limit", () => {
    const w = world([
      inventory("M", { policy: "made_to_order", locations: { main: { onHand: 0 } } }),
      inventory("B", { policy: "backorder", backorderLimit: 3, locations: { main: { onHand: 1 }, east: { onHand: 0 } } }),
    ]);
    const { outcomes } = decideBatch(w, [
      order(alice, "key-0001", [{ sku: "M", quantity: 20 }]),
      order(alice, "key-0002", [{ sku: "B", quantity: 4 }]),
      order(bob, "key-0003", [{ sku: "B", quantity: 1 }]),
    ]);
    expect(outcomes.map(codeOf)).toEqual(["ok", "ok", "failed-precondition"]);
    expect(w.inventory.get("M")?.locations.main?.onHand).toBe(0);
    expect(w.inventory.get("B")?.locations.main?.onHand).toBe(-3);
  });

  it("counts holds until they expire, and lets the holder's order consume them", () => {
    const w = world([inventory("A", { locations: { main: { onHand: 2 } } })]);
    const hold = holdOf(alice, "h1", [{ sku: "A", quantity: 2 }]);
    const { outcomes } = decideBatch(w, [
      hold,
      order(bob, "key-0001", [{ sku: "A", quantity: 1 }]),
      order(alice, "key-0002", [{ sku: "A", quantity: 2 }], { holdId: "h1" }),
    ]);
    expect(outcomes.map(codeOf)).toEqual(["ok", "failed-precondition", "ok"]);
    expect(w.holds.get("h1")).toMatchObject({ status: "consumed", orderId: "order-key-0002" });
    expect(w.inventory.get("A")?.holds).toEqual({});
  });

  it("lets an expired hold stop counting at once and refuses to consume it", () => {
    const w = world([inventory("A", { locations: { main: { onHand: 2 } }, holds: { h1: { quantity: 2, uid: "alice", expiresAtMs: NOW } } })], {
      holds: new Map([["h1", { id: "h1", uid: "alice", lines: [{ sku: "A", quantity: 2 }], expiresAtMs: NOW, status: "active" as const }]]),
    });
    const { outcomes } = decideBatch(w, [
      order(alice, "key-0001", [{ sku: "A", quantity: 1 }], { holdId: "h1" }),
      order(bob, "key-0002", [{ sku: "A", quantity: 2 }]),
    ]);
    expect(outcomes.map(codeOf)).toEqual(["failed-precondition", "ok"]);
    expect(detailsOf(outcomes[0])).toMatchObject({ reason: "hold-expired" });
  });

  it("sweeps a hold past its expiry once, and writes nothing for a hold already ordered or released", () => {
    const hold = (id: string, status: "active" | "consumed" | "released", expiresAtMs = NOW) => ({
      id,
      uid: "alice",
      lines: [{ sku: "A", quantity: 1 }],
      expiresAtMs,
      status,
    });
    const w = world([inventory("A", { holds: { h1: { quantity: 1, uid: "alice", expiresAtMs: NOW } } })], {
      holds: new Map([
        ["h1", hold("h1", "active")],
        ["h2", hold("h2", "consumed")],
        ["h3", hold("h3", "released")],
        ["h4", hold("h4", "active", NOW + 60_000)],
      ]),
    });
    const sweep = (holdIds: string[]): StockRequest => ({ kind: "sweep", skus: ["A"], holdIds });
    const first = decideBatch(w, [sweep(["h1"])]);
    expect(first.outcomes[0]).toEqual({ ok: true, value: { swept: 1 } });
    expect([...first.effects.holds.keys()]).toEqual(["h1"]);
    expect(w.holds.get("h1")?.status).toBe("expired");
    expect(w.inventory.get("A")?.holds).toEqual({});
    const again = decideBatch(w, [sweep(["h1", "h2", "h3", "h4"])]);
    expect(again.outcomes[0]).toEqual({ ok: true, value: { swept: 0 } });
    expect(again.effects.holds.size + again.effects.inventory.size + again.effects.events.length + again.effects.ledger.length).toBe(0);
  });

  it("refuses someone else's hold", () => {
    const w = world([inventory("A")], {
      holds: new Map([["h1", { id: "h1", uid: "alice", lines: [{ sku: "A", quantity: 1 }], expiresAtMs: NOW + 1000, status: "active" as const }]]),
    });
    const { outcomes } = decideBatch(w, [
      order(bob, "key-0001", [{ sku: "A", quantity: 1 }], { holdId: "h1" }),
      { kind: "releaseHold", actor: bob, input: { holdId: "h1" } },
    ]);
    expect(outcomes.map(codeOf)).toEqual(["permission-denied", "permission-denied"]);
  });

  it("refuses a hold over the per-SKU or per-cart cap with reason hold-limit, holding nothing", () => {
    const w = world(["A", "B", "C", "D"].map((sku) => inventory(sku, { locations: { main: { onHand: 50 } } })));
    const { outcomes, effects } = decideBatch(w, [
      holdOf(alice, "h1", [{ sku: "A", quantity: 11 }]),
      holdOf(bob, "h2", [
        { sku: "A", quantity: 10 },
        { sku: "B", quantity: 10 },
        { sku: "C", quantity: 10 },
        { sku: "D", quantity: 1 },
      ]),
    ]);
    expect(outcomes.map(codeOf)).toEqual(["failed-precondition", "failed-precondition"]);
    expect(detailsOf(outcomes[0])).toEqual({ reason: "hold-limit", rule: "per-sku", sku: "A", limit: 10 });
    expect(detailsOf(outcomes[1])).toEqual({ reason: "hold-limit", rule: "per-cart", limit: 30 });
    expect(effects.inventory.size + effects.holds.size + effects.activeHolds.size).toBe(0);
  });

  it("keeps one active hold per user: a new hold releases the previous one in the same batch", () => {
    const w = world([inventory("A", { locations: { main: { onHand: 4 } } }), inventory("B", { locations: { main: { onHand: 4 } } })]);
    const { outcomes, effects } = decideBatch(w, [
      holdOf(alice, "h1", [{ sku: "A", quantity: 4 }]),
      holdOf(alice, "h2", [
        { sku: "A", quantity: 3 },
        { sku: "B", quantity: 1 },
      ]),
    ]);
    expect(outcomes.map(codeOf)).toEqual(["ok", "ok"]);
    expect(w.holds.get("h1")?.status).toBe("released");
    expect(w.inventory.get("A")?.holds).toEqual({ h2: { quantity: 3, uid: "alice", expiresAtMs: NOW + 900_000 } });
    expect(effects.activeHolds.get("alice")).toEqual({ holdId: "h2", skus: ["A", "B"] });
  });

  it("leaves the previous hold in place when the new one is refused", () => {
    const previous = { id: "h1", uid: "alice", lines: [{ sku: "A", quantity: 2 }], expiresAtMs: NOW + 60_000, status: "active" as const };
    const w = world([inventory("A", { locations: { main: { onHand: 2 } }, holds: { h1: { quantity: 2, uid: "alice", expiresAtMs: NOW + 60_000 } } })], {
      holds: new Map([["h1", previous]]),
      activeHolds: new Map([["alice", { holdId: "h1", skus: ["A"] }]]),
    });
    const { outcomes, effects } = decideBatch(w, [holdOf(alice, "h2", [{ sku: "A", quantity: 3 }])]);
    expect(detailsOf(outcomes[0])).toMatchObject({ reason: "out-of-stock", available: 2 });
    expect(w.holds.get("h1")?.status).toBe("active");
    expect(Object.keys(w.inventory.get("A")?.holds ?? {})).toEqual(["h1"]);
    expect(effects.holds.size + effects.activeHolds.size).toBe(0);
  });

  it("gives anonymous visitors shorter holds", () => {
    const w = world([inventory("A"), inventory("B")]);
    const { outcomes } = decideBatch(w, [holdOf(alice, "h1", [{ sku: "A", quantity: 1 }], true), holdOf(bob, "h2", [{ sku: "B", quantity: 1 }])]);
    expect(outcomes.map((o) => (o.ok && "expiresAt" in o.value ? Date.parse(o.value.expiresAt) - NOW : null))).toEqual([300_000, 900_000]);
  });

  it("caps the share of a SKU all holds may take together, so direct buyers can still buy", () => {
    const w = world([inventory("A", { locations: { main: { onHand: 10 } } })], { holdLimits: { ...LIMITS, maxHeldShare: 0.5 } });
    const { outcomes } = decideBatch(w, [
      holdOf(alice, "h1", [{ sku: "A", quantity: 3 }]),
      holdOf(bob, "h2", [{ sku: "A", quantity: 3 }]),
      holdOf(bob, "h3", [{ sku: "A", quantity: 2 }]),
      order(alice, "key-0001", [{ sku: "A", quantity: 5 }]),
    ]);
    expect(outcomes.map(codeOf)).toEqual(["ok", "failed-precondition", "ok", "ok"]);
    expect(detailsOf(outcomes[1])).toEqual({ reason: "hold-limit", rule: "held-share", sku: "A", limit: 5 });
    expect(w.inventory.get("A")?.locations.main?.onHand).toBe(5);
  });

  it("restocks a cancelled order once, to the locations it came from", () => {
    const w = world([inventory("A")]);
    const placed = decideBatch(w, [order(alice, "key-0001", [{ sku: "A", quantity: 3 }])]);
    expect(codeOf(placed.outcomes[0])).toBe("ok");
    const cancel: StockRequest = { kind: "cancelOrder", actor: alice, input: { orderId: "order-key-0001" } };
    const { outcomes, effects } = decideBatch(w, [cancel, cancel]);
    expect(outcomes.map(codeOf)).toEqual(["ok", "ok"]);
    expect(effects.ledger.map((e) => [e.location, e.delta, e.reason])).toEqual([
      ["main", 2, "cancel"],
      ["east", 1, "cancel"],
    ]);
    expect(w.inventory.get("A")?.locations).toEqual({ main: { onHand: 2 }, east: { onHand: 3 } });
  });

  it("lets only staff cancel a fulfilled order, and audits staff cancels", () => {
    const w = world([inventory("A")]);
    decideBatch(w, [order(alice, "key-0001", [{ sku: "A", quantity: 1 }])]);
    const placed = w.orders.get("order-key-0001");
    if (!placed) throw new Error("order missing");
    placed.status = "fulfilled";
    const { outcomes, effects } = decideBatch(w, [
      { kind: "cancelOrder", actor: alice, input: { orderId: placed.id } },
      { kind: "cancelOrder", actor: bob, input: { orderId: placed.id } },
      { kind: "cancelOrder", actor: staff, input: { orderId: placed.id, reason: "damaged" } },
    ]);
    expect(outcomes.map(codeOf)).toEqual(["failed-precondition", "permission-denied", "ok"]);
    expect(detailsOf(outcomes[0])).toMatchObject({ reason: "invalid-transition" });
    expect(effects.audits).toEqual([expect.objectContaining({ action: "order.cancel", actor: expect.objectContaining({ uid: "sam" }), note: "damaged" })]);
  });

  it("adjusts by delta or to a count, and refuses to go below zero or below held units", () => {
    const w = world([inventory("A", { holds: { h1: { quantity: 4, uid: "alice", expiresAtMs: NOW + 1000 } } })]);
    const adjust = (input: Record<string, unknown>): StockRequest => ({ kind: "adjustStock", actor: staff, input: { sku: "A", reason: "count", ...input } });
    const { outcomes } = decideBatch(w, [adjust({ setTo: 7 }), adjust({ delta: -4, location: "east" }), adjust({ delta: -7 }), adjust({ delta: -6 })]);
    expect(outcomes.map(codeOf)).toEqual(["ok", "failed-precondition", "failed-precondition", "ok"]);
    expect(outcomes[0]).toEqual({ ok: true, value: { sku: "A", onHand: 10, available: 6, location: "main", locationOnHand: 7 } });
    expect(detailsOf(outcomes[2])).toMatchObject({ reason: "negative-stock", sku: "A" });
    expect(w.inventory.get("A")?.locations).toEqual({ main: { onHand: 1 }, east: { onHand: 3 } });
  });

  it("fails only the request whose data is broken", () => {
    const w = world([inventory("A")]);
    w.orderKeys.set("alice_key-0001", "missing-order");
    w.orders.set("missing-order", null);
    const { outcomes } = decideBatch(w, [order(alice, "key-0001", [{ sku: "A", quantity: 1 }]), order(bob, "key-0002", [{ sku: "A", quantity: 1 }])]);
    expect(outcomes.map(codeOf)).toEqual(["error", "ok"]);
  });
});

describe("configured locations", () => {
  const location = (code: string, drawOrder: number, active = true) => ({ code, name: code, kind: "showroom" as const, drawOrder, active });
  const configured = (...list: ReturnType<typeof location>[]) => ({ locations: new Map(list.map((l) => [l.code, l])) });
  const adjust = (input: Record<string, unknown>): StockRequest => ({
    kind: "adjustStock",
    actor: staff,
    input: { sku: "A", reason: "receive", ...input } as never,
  });

  it("orders draw in drawOrder across three locations", () => {
    const stock = inventory("A", { locations: { main: { onHand: 2 }, east: { onHand: 3 }, "showroom-nyc": { onHand: 1 } } });
    const w = world([stock], configured(location("main", 5), location("east", 1), location("showroom-nyc", 0)));
    const { effects } = decideBatch(w, [order(alice, "key-0001", [{ sku: "A", quantity: 5 }])]);
    expect(effects.orders.get("order-key-0001")?.value.lines[0]?.allocations).toEqual([
      { location: "showroom-nyc", quantity: 1 },
      { location: "east", quantity: 3 },
      { location: "main", quantity: 1 },
    ]);
  });

  it("refuses an adjustment at an unknown location, or new stock at an inactive one, writing nothing", () => {
    const w = world([inventory("A")], configured(location("main", 0), location("closed", 1, false)));
    const { outcomes, effects } = decideBatch(w, [adjust({ location: "west", delta: 1 }), adjust({ location: "closed", delta: 2 })]);
    expect(outcomes.map(codeOf)).toEqual(["not-found", "failed-precondition"]);
    expect(outcomes.map(detailsOf)).toEqual([
      { reason: "unknown-location", location: "west" },
      { reason: "inactive-location", location: "closed" },
    ]);
    expect(effects.ledger.length + effects.inventory.size + effects.audits.length + effects.events.length).toBe(0);
  });

  it("lets stock leave an inactive location", () => {
    const w = world([inventory("A", { locations: { closed: { onHand: 4 } } })], configured(location("main", 0), location("closed", 1, false)));
    const { outcomes } = decideBatch(w, [adjust({ location: "closed", setTo: 0, reason: "count" })]);
    expect(outcomes.map(codeOf)).toEqual(["ok"]);
  });
});
