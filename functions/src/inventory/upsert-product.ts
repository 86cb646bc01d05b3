/**
 * Staff create or edit a product. New SKUs get their inventory (0 on hand) and
 * public stock in the same transaction; a SKU owned by another product is refused.
 * The catalog's derived fields (`inStock`, `searchTerms`) are written with the product,
 * and the board's copies of its name and category (board-search.ts) on every
 * inventory document of the product, listed or no longer listed.
 */
import { HttpsError } from "firebase-functions/https";
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import {
  Collections,
  DEFAULT_CURRENCY,
  DEFAULT_LOW_STOCK_THRESHOLD,
  hasBoardFields,
  inventoryBoardFields,
  lowestPrice,
  productInStock,
  searchTerms,
  slugify,
  UpsertProductInputSchema,
  type StockPolicy,
  type UpsertProductInput,
} from "@showroom/model";
import { db } from "../app.js";
import { appendAudit } from "../shared/audit.js";
import { defineCallable, type Caller } from "../shared/callable.js";
import { stockClock } from "./clock.js";
import type { InventoryState } from "./decide.js";
import { inventoryFromDoc, publicStockOf, writePublicStock } from "./store.js";
import { productEvent, stockEvents, type OutboxEvent } from "../events/build.js";
import { writeEvents } from "../events/outbox.js";

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

export async function upsertProduct(deps: { db: Firestore; now: () => Promise<number> }, input: UpsertProductInput, caller: Caller) {
  const products = deps.db.collection(Collections.products);
  const productRef = input.id ? products.doc(input.id) : products.doc();
  const productId = productRef.id;
  const nowMs = await deps.now();
  await deps.db.runTransaction(async (tx) => {
    const summaryRef = deps.db.collection(Collections.productStock).doc(productId);
    const [productSnap, summarySnap, ...inventorySnaps] = await tx.getAll(
      productRef,
      summaryRef,
      ...input.variants.map((v) => deps.db.collection(Collections.inventory).doc(v.sku)),
    );
    for (const snap of inventorySnaps) {
      const owner = snap.get("productId") as string | undefined;
      if (snap.exists && owner !== productId) {
        throw new HttpsError("failed-precondition", `SKU ${snap.id} already belongs to another product.`, { reason: "sku-taken", sku: snap.id, productId: owner });
      }
    }
    // SKUs dropped from the variants keep their inventory, and stay on the board under this product.
    const listed = new Set(input.variants.map((v) => v.sku));
    const unlisted = (await tx.get(deps.db.collection(Collections.inventory).where("productId", "==", productId))).docs.filter((d) => !listed.has(d.id));
    const boardFields = (sku: string) => inventoryBoardFields(sku, input);
    const existing = productSnap?.data();
    const currency = input.currency ?? existing?.currency ?? DEFAULT_CURRENCY;

    const republish: InventoryState[] = [];
    const events: OutboxEvent[] = [];
    for (const snap of inventorySnaps) {
      const ref = deps.db.collection(Collections.inventory).doc(snap.id);
      const lead = input.leadTimeDays !== undefined ? { leadTimeDays: input.leadTimeDays } : {};
      if (!snap.exists) {
        const fresh = {
          sku: snap.id,
          productId,
          policy: nextPolicy("stock", input.madeToOrder),
          locations: { main: { onHand: 0 }, east: { onHand: 0 } },
          held: 0,
          holds: {},
          lowStockThreshold: DEFAULT_LOW_STOCK_THRESHOLD,
          ...lead,
        };
        const state = inventoryFromDoc(snap.id, fresh);
        tx.create(ref, { ...fresh, ...publicStockOf(state, nowMs).inventory, ...boardFields(snap.id), updatedAt: FieldValue.serverTimestamp() });
        republish.push(state);
        continue;
      }
      const stored = snap.data() ?? {};
      const current = inventoryFromDoc(snap.id, stored);
      const policy = nextPolicy(current.policy, input.madeToOrder);
      const stockChanged = policy !== current.policy || (input.leadTimeDays !== undefined && input.leadTimeDays !== current.leadTimeDays);
      const board = boardFields(snap.id);
      const boardChanged = !hasBoardFields(stored, board);
      if (!stockChanged && !boardChanged) continue;
      const next = { ...current, policy, ...lead };
      // A policy change can move the public status (e.g. out of stock → made to order): a stock event.
      if (stockChanged) events.push(...stockEvents(current, next, "policy", nowMs));
      const stock = stockChanged ? { policy, ...lead, ...publicStockOf(next, nowMs).inventory, eventSeq: next.eventSeq } : {};
      tx.update(ref, { ...stock, ...(boardChanged ? board : {}), updatedAt: FieldValue.serverTimestamp() });
      if (stockChanged) republish.push(next);
    }
    for (const snap of unlisted) {
      const board = boardFields(snap.id);
      if (!hasBoardFields(snap.data(), board)) tx.update(snap.ref, { ...board, updatedAt: FieldValue.serverTimestamp() });
    }
    // The variants may change and so may their policy: the flag follows the public
    // statuses as they stand after this write (the trigger keeps it from then on).
    const statuses: Record<string, { status?: unknown }> = { ...(summarySnap?.get("skus") ?? {}) };
    for (const inventory of republish) statuses[inventory.sku] = publicStockOf(inventory, nowMs).summary;
    const product = { id: productId, active: existing?.active ?? true, skus: input.variants.map((v) => v.sku), eventSeq: Number(existing?.eventSeq ?? 0) };
    events.push(productEvent(product, nowMs));
    tx.set(
      productRef,
      {
        name: input.name,
        slug: slugify(input.name),
        category: input.category,
        description: input.description,
        variants: input.variants,
        currency,
        images: existing?.images ?? [placeholderImage(input.name)],
        active: existing?.active ?? true,
        priceFromCents: lowestPrice(input.variants),
        inStock: productInStock(input.variants.map((v) => v.sku), statuses),
        searchTerms: searchTerms(input.name, (existing?.materials ?? []) as string[]),
        eventSeq: product.eventSeq,
        updatedAt: FieldValue.serverTimestamp(),
        ...(existing ? {} : { createdAt: FieldValue.serverTimestamp() }),
      },
      { merge: true },
    );
    writePublicStock(tx, deps.db, republish, nowMs);
    writeEvents(tx, deps.db, events);
    appendAudit(tx, {
      actor: caller,
      action: existing ? "product.update" : "product.create",
      target: { kind: "product", id: productId },
      ...(existing ? { before: { name: existing.name, variants: existing.variants } } : {}),
      after: { name: input.name, variants: input.variants },
    });
  });
  return { productId };
}

export const upsertProductCallable = defineCallable("upsertProduct", "staff", UpsertProductInputSchema, (input, caller) =>
  upsertProduct({ db: db(), now: stockClock(db()) }, input, caller),
);
