/**
 * upsertProduct's decisions, pure: given what its transaction read, the writes
 * to make, or a refusal. New SKUs get their inventory (0 on hand) and public
 * stock; a SKU owned by another product is refused. The catalog's derived
 * fields (`inStock`, `searchTerms`) go with the product, and the board's copies
 * of its name and category (board-search.ts) onto every inventory document of
 * the product, listed or no longer listed. No Firebase imports: the
 * transaction in upsert-product.ts reads, calls `planUpsert`, and writes.
 */
import {
  DEFAULT_CURRENCY,
  hasBoardFields,
  inventoryBoardFields,
  lowestPrice,
  newInventoryDoc,
  newInventoryState,
  parseInventoryDoc,
  productInStock,
  publicStockOf,
  searchTerms,
  slugify,
  type Currency,
  type InventoryState,
  type StockPolicy,
  type UpsertProductInput,
} from "@showroom/model";
import { productEvent, stockEvents, type OutboxEvent } from "../events/build.js";
import type { AuditEntry } from "../shared/audit.js";
import type { Caller } from "../shared/callable.js";
import { Rejection } from "./decide.js";

/** The stored product fields an edit keeps or reports (absent for a new product). */
export interface StoredProduct {
  name?: unknown;
  variants?: unknown;
  currency?: Currency;
  images?: string[];
  active?: boolean;
  materials?: string[];
  /** The last event seq of subject `product/{id}`. */
  eventSeq?: number;
}

/** What the transaction read. Documents are as stored (`null`: it does not exist). */
export interface UpsertReads {
  productId: string;
  nowMs: number;
  product: StoredProduct | null;
  /** `productStock/{productId}.skus`. */
  summary: Record<string, { status?: unknown }>;
  /** `inventory/{sku}` of each SKU the input lists, in the input's order. */
  listed: { sku: string; data: Record<string, unknown> | null }[];
  /** `inventory/{sku}` of the product's SKUs the input no longer lists (they keep their stock). */
  unlisted: { sku: string; data: Record<string, unknown> }[];
}

export interface UpsertPlan {
  created: boolean;
  /** Fields merged into `products/{productId}` (timestamps are the writer's). */
  product: Record<string, unknown>;
  inventoryCreates: { sku: string; doc: ReturnType<typeof newInventoryDoc> }[];
  inventoryUpdates: { sku: string; fields: Record<string, unknown> }[];
  /** SKUs whose public stock changes: their `stock/{sku}` and `productStock` entries are written. */
  republish: InventoryState[];
  /** `product.upserted`, and `inventory.updated` for SKUs whose policy moved their public stock. */
  events: OutboxEvent[];
  audit: AuditEntry;
}

/** A plain placeholder until staff upload photos: a tinted card with the product's initial. */
export function placeholderImage(name: string): string {
  const initial = (name.trim()[0] ?? "?").toUpperCase().replace(/[<>&"']/g, "?");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300"><rect width="400" height="300" fill="#e8e1d7"/><text x="200" y="175" font-family="sans-serif" font-size="96" text-anchor="middle" fill="#8a7f72">${initial}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

function nextPolicy(current: StockPolicy, madeToOrder: boolean | undefined): StockPolicy {
  if (madeToOrder === true) return "made_to_order";
  if (madeToOrder === false && current === "made_to_order") return "stock";
  return current;
}

export function planUpsert(input: UpsertProductInput, caller: Caller, reads: UpsertReads): UpsertPlan {
  const { productId, nowMs, product: existing } = reads;
  for (const { sku, data } of reads.listed) {
    const owner = data?.productId;
    if (data && owner !== productId) {
      throw new Rejection("failed-precondition", `SKU ${sku} already belongs to another product.`, { reason: "sku-taken", sku, productId: owner });
    }
  }
  const boardFields = (sku: string) => inventoryBoardFields(sku, input);
  const lead = input.leadTimeDays !== undefined ? { leadTimeDays: input.leadTimeDays } : {};
  const inventoryCreates: UpsertPlan["inventoryCreates"] = [];
  const inventoryUpdates: UpsertPlan["inventoryUpdates"] = [];
  const republish: InventoryState[] = [];
  const events: OutboxEvent[] = [];

  for (const { sku, data } of reads.listed) {
    if (!data) {
      const state = newInventoryState(sku, productId, { policy: nextPolicy("stock", input.madeToOrder), leadTimeDays: input.leadTimeDays });
      inventoryCreates.push({ sku, doc: newInventoryDoc(state, publicStockOf(state, nowMs), boardFields(sku)) });
      republish.push(state);
      continue;
    }
    const current = parseInventoryDoc(sku, data);
    const policy = nextPolicy(current.policy, input.madeToOrder);
    const stockChanged = policy !== current.policy || (input.leadTimeDays !== undefined && input.leadTimeDays !== current.leadTimeDays);
    const board = boardFields(sku);
    const boardChanged = !hasBoardFields(data, board);
    if (!stockChanged && !boardChanged) continue;
    const next = { ...current, policy, ...lead };
    // A policy change can move the public status (e.g. out of stock → made to order): a stock event.
    if (stockChanged) events.push(...stockEvents(current, next, "policy", nowMs));
    inventoryUpdates.push({
      sku,
      fields: {
        ...(stockChanged ? { policy, ...lead, ...publicStockOf(next, nowMs).inventory, eventSeq: next.eventSeq } : {}),
        ...(boardChanged ? board : {}),
      },
    });
    if (stockChanged) republish.push(next);
  }
  for (const { sku, data } of reads.unlisted) {
    const board = boardFields(sku);
    if (!hasBoardFields(data, board)) inventoryUpdates.push({ sku, fields: { ...board } });
  }

  // The variants may change and so may their policy: the flag follows the public
  // statuses as they stand after this write (the trigger keeps it from then on).
  const statuses: Record<string, { status?: unknown }> = { ...reads.summary };
  for (const inventory of republish) statuses[inventory.sku] = publicStockOf(inventory, nowMs).summary;
  const product = {
    name: input.name,
    slug: slugify(input.name),
    category: input.category,
    description: input.description,
    variants: input.variants,
    currency: input.currency ?? existing?.currency ?? DEFAULT_CURRENCY,
    images: existing?.images ?? [placeholderImage(input.name)],
    active: existing?.active ?? true,
    priceFromCents: lowestPrice(input.variants),
    inStock: productInStock(
      input.variants.map((v) => v.sku),
      statuses,
    ),
    searchTerms: searchTerms(input.name, existing?.materials ?? []),
  };
  const counter = { id: productId, active: product.active, skus: input.variants.map((v) => v.sku), eventSeq: existing?.eventSeq ?? 0 };
  events.push(productEvent(counter, nowMs));
  const audit: AuditEntry = {
    actor: caller,
    action: existing ? "product.update" : "product.create",
    target: { kind: "product", id: productId },
    ...(existing ? { before: { name: existing.name, variants: existing.variants } } : {}),
    after: { name: input.name, variants: input.variants },
  };
  return { created: existing === null, product: { ...product, eventSeq: counter.eventSeq }, inventoryCreates, inventoryUpdates, republish, events, audit };
}
