import { SEED_LOCATIONS, type ApiStockItem, type InventoryState } from "@showroom/model";
import { describe, expect, it } from "vitest";
import { decideBatch, type World } from "./decide.js";
import type { ApiStockRequest } from "./decide-api.js";

const NOW = Date.UTC(2026, 10, 30, 12);

function world(onHand: number): World {
  const inventory: InventoryState = {
    sku: "A-1",
    productId: "p1",
    policy: "stock",
    locations: { main: { onHand } },
    holds: {},
    lowStockThreshold: 1,
    eventSeq: 0,
  };
  return {
    nowMs: NOW,
    holdLimits: { maxUnitsPerSku: 10, maxUnitsPerCart: 30, maxHeldShare: 0.5, ttlSeconds: 900, anonymousTtlSeconds: 300 },
    activeHolds: new Map(),
    inventory: new Map([
      ["A-1", inventory],
      ["NO-SUCH", null],
    ]),
    products: new Map(),
    holds: new Map(),
    orders: new Map(),
    orderKeys: new Map(),
    apiReplays: new Map([["k_r_0", null]]),
    locations: new Map(SEED_LOCATIONS.map((l) => [l.code, l])),
  };
}

const request = (items: ApiStockItem[], bodyHash = "h1"): ApiStockRequest => ({
  kind: "apiStock",
  actor: { uid: "apikey:k", role: null, anonymous: false },
  keyId: "k",
  replayId: "k_r_0",
  bodyHash,
  items,
});
const set = (quantity: number, changeFromQuantity: number | null): ApiStockItem => ({
  op: "set",
  sku: "A-1",
  location: "main",
  quantity,
  changeFromQuantity,
  reason: "count",
});

describe("REST stock writes, decided", () => {
  it("compare-and-set: a stale item changes nothing; later items see earlier ones", () => {
    const { outcomes, effects } = decideBatch(world(5), [request([set(9, 4), set(9, 5), set(2, 9)])]);
    expect(outcomes[0]).toEqual({
      ok: true,
      value: {
        kind: "apiStock",
        replayed: false,
        answer: {
          items: [
            { sku: "A-1", location: "main", result: "stale", onHand: 5 },
            { sku: "A-1", location: "main", result: "applied", onHand: 9 },
            { sku: "A-1", location: "main", result: "applied", onHand: 2 },
          ],
        },
      },
    });
    expect(effects.ledger.map((e) => [e.delta, e.actorUid])).toEqual([
      [4, "apikey:k"],
      [-7, "apikey:k"],
    ]);
    expect(effects.apiReplays.get("k_r_0")?.expiresAtMs).toBe(NOW + 24 * 3600 * 1000);
  });

  it("rejects a removal below zero and an unknown SKU with codes, the rest still applies", () => {
    const items: ApiStockItem[] = [
      { op: "adjust", sku: "A-1", location: "main", delta: -6, reason: "damage" },
      { op: "adjust", sku: "NO-SUCH", location: "main", delta: 1, reason: "receive" },
      { op: "adjust", sku: "A-1", location: "east", delta: 2, reason: "receive", reference: "PO-9" },
    ];
    const { outcomes, effects } = decideBatch(world(5), [request(items)]);
    const value = outcomes[0]?.ok ? outcomes[0].value : null;
    expect(value).toMatchObject({
      answer: {
        items: [
          { result: "rejected", code: "negative-stock", onHand: 5 },
          { result: "rejected", code: "unknown-sku" },
          { result: "applied", onHand: 2 },
        ],
      },
    });
    expect(effects.ledger).toEqual([expect.objectContaining({ location: "east", delta: 2, reference: "PO-9" })]);
    expect(effects.audits).toHaveLength(1);
  });

  it("rejects an item at an unknown location, or adding at an inactive one, the rest still applies", () => {
    const w = world(5);
    w.locations = new Map([...w.locations, ["closed", { code: "closed", name: "Closed", kind: "showroom", drawOrder: 9, active: false }]]);
    const items: ApiStockItem[] = [
      { op: "adjust", sku: "A-1", location: "west", delta: 3, reason: "receive" },
      { op: "adjust", sku: "A-1", location: "closed", delta: 3, reason: "receive" },
      { op: "adjust", sku: "A-1", location: "main", delta: 1, reason: "receive" },
    ];
    const { outcomes, effects } = decideBatch(w, [request(items)]);
    expect(outcomes[0]).toMatchObject({
      ok: true,
      value: {
        answer: {
          items: [
            { location: "west", result: "rejected", code: "unknown-location", onHand: 0 },
            { location: "closed", result: "rejected", code: "inactive-location", onHand: 0 },
            { location: "main", result: "applied", onHand: 6 },
          ],
        },
      },
    });
    expect(effects.ledger).toEqual([expect.objectContaining({ location: "main", delta: 1 })]);
  });

  it("a second request with the same replay id in the batch replays; with another body it is refused", () => {
    const { outcomes, effects } = decideBatch(world(5), [request([set(6, 5)]), request([set(6, 5)]), request([set(7, 5)], "h2")]);
    expect(outcomes[1]).toMatchObject({ ok: true, value: { replayed: true, answer: { items: [{ result: "applied", onHand: 6 }] } } });
    expect(outcomes[2]).toEqual({ ok: true, value: { kind: "apiStock", keyReused: true } });
    expect(effects.ledger).toHaveLength(1);
  });

  it("an answer older than 24 h no longer replays", () => {
    const w = world(5);
    w.apiReplays.set("k_r_0", { keyId: "k", bodyHash: "h1", expiresAtMs: NOW - 1, answer: { items: [] } });
    const { outcomes } = decideBatch(w, [request([set(6, 5)])]);
    expect(outcomes[0]).toMatchObject({ ok: true, value: { replayed: false } });
  });
});
