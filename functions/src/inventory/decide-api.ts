/**
 * The REST API's stock writes, decided like every other engine request: pure,
 * against the batch's running state. Items are independent: a stale or
 * rejected item changes nothing and the others still apply. The stored answer
 * for the caller's `Idempotency-Key` is read and written in the same
 * transaction, so a replay — also a concurrent one — applies nothing.
 */
import { locationRefusal, type ApiStockItem, type InventoryState, type ItemResult, type StockLocation, type WriteAnswer } from "@showroom/model";
import type { AuditEntry } from "../shared/audit.js";
import type { Caller } from "../shared/callable.js";

/** How long a write's answer is kept for replays. */
export const REPLAY_TTL_MS = 24 * 60 * 60 * 1000;

export interface ApiStockRequest {
  kind: "apiStock";
  actor: Caller;
  keyId: string;
  /** `apiReplays/{replayId}`: one per key, `Idempotency-Key` and chunk of the request. */
  replayId: string;
  /** Hash of the whole request body: the same key with another body is refused. */
  bodyHash: string;
  items: ApiStockItem[];
}

export interface ApiReplay {
  keyId: string;
  bodyHash: string;
  expiresAtMs: number;
  answer: WriteAnswer;
}

export type ApiStockAnswer = { kind: "apiStock"; answer: WriteAnswer; replayed: boolean } | { kind: "apiStock"; keyReused: true };

/** What the decision needs of the engine's per-request draft. */
export interface ApiDraft {
  readonly now: number;
  readonly locations: ReadonlyMap<string, StockLocation>;
  stock(sku: string): InventoryState | null;
  move(
    inventory: InventoryState,
    location: ApiStockItem["location"],
    delta: number,
    entry: { reason: ApiStockItem["reason"]; actorUid: string; reference?: string },
  ): void;
  removalBreaksPolicy(inventory: InventoryState, before: number, delta: number): boolean;
  readonly audits: AuditEntry[];
  replay(id: string): ApiReplay | null;
  recordReplay(id: string, replay: ApiReplay): void;
}

function decideItem(d: ApiDraft, actorUid: string, item: ApiStockItem): ItemResult {
  const { sku, location } = item;
  const inventory = d.stock(sku);
  if (!inventory) return { sku, location, result: "rejected", onHand: 0, code: "unknown-sku" };
  if (!d.locations.has(location)) return { sku, location, result: "rejected", onHand: 0, code: "unknown-location" };
  const before = inventory.locations[location]?.onHand ?? 0;
  if (item.op === "set" && item.changeFromQuantity !== null && item.changeFromQuantity !== before) {
    return { sku, location, result: "stale", onHand: before };
  }
  const delta = item.op === "set" ? item.quantity - before : item.delta;
  if (delta === 0) return { sku, location, result: "applied", onHand: before };
  const refused = locationRefusal(d.locations, location, delta);
  if (refused) return { sku, location, result: "rejected", onHand: before, code: refused };
  if (delta < 0 && d.removalBreaksPolicy(inventory, before, delta)) return { sku, location, result: "rejected", onHand: before, code: "negative-stock" };
  d.move(inventory, location, delta, { reason: item.reason, actorUid, ...(item.reference !== undefined ? { reference: item.reference } : {}) });
  return { sku, location, result: "applied", onHand: before + delta };
}

export function decideApiStock(d: ApiDraft, request: ApiStockRequest): ApiStockAnswer {
  const stored = d.replay(request.replayId);
  if (stored && stored.expiresAtMs > d.now) {
    if (stored.bodyHash !== request.bodyHash) return { kind: "apiStock", keyReused: true };
    return { kind: "apiStock", answer: stored.answer, replayed: true };
  }
  const items = request.items.map((item) => decideItem(d, request.actor.uid, item));
  const answer = { items };
  const applied = request.items.flatMap((item, i) => (items[i]?.result === "applied" ? [{ ...item, onHand: items[i]?.onHand }] : []));
  if (applied.length > 0) {
    d.audits.push({ actor: request.actor, action: "api.stock.write", target: { kind: "apiKey", id: request.keyId }, after: { items: applied } });
  }
  d.recordReplay(request.replayId, { keyId: request.keyId, bodyHash: request.bodyHash, expiresAtMs: d.now + REPLAY_TTL_MS, answer });
  return { kind: "apiStock", answer, replayed: false };
}
