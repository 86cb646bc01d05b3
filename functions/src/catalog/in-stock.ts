/**
 * Keeps `products/{id}.inStock` (the catalog's "In stock only" query) true to
 * the public stock, outside the stock transaction: the `stock/{sku}` trigger
 * calls this for every write, and only a write that changes whether the SKU
 * ships now does any work. The flag is recomputed from `productStock`, never
 * toggled, so a redelivered event or two SKUs flipping at once end in the same
 * answer: each transaction reads the latest summary, and the last to commit
 * saw every flip committed before it.
 */
import type { DocumentData, Firestore } from "firebase-admin/firestore";
import { Collections, productInStock, shipsNowChanged } from "@showroom/model";
import { productInStockChanged } from "../logs.js";

export interface StockChange {
  before: DocumentData | undefined;
  after: DocumentData | undefined;
}

export async function syncProductInStock(firestore: Firestore, change: StockChange): Promise<{ changed: boolean }> {
  if (!shipsNowChanged(change.before, change.after)) return { changed: false };
  const productId = change.after?.productId ?? change.before?.productId;
  if (typeof productId !== "string" || productId === "") return { changed: false };
  const productRef = firestore.collection(Collections.products).doc(productId);
  const summaryRef = firestore.collection(Collections.productStock).doc(productId);
  const inStock = await firestore.runTransaction(async (tx) => {
    const [product, summary] = await tx.getAll(productRef, summaryRef);
    // A deleted product stays deleted: an update would fail, a set would recreate it.
    if (!product?.exists) return null;
    const skus = ((product.get("variants") ?? []) as { sku?: unknown }[]).map((v) => String(v.sku));
    const next = productInStock(skus, (summary?.get("skus") ?? {}) as Record<string, { status?: unknown }>);
    if (product.get("inStock") === next) return null;
    tx.update(productRef, { inStock: next });
    return next;
  });
  if (inStock !== null) productInStockChanged(productId, inStock);
  return { changed: inStock !== null };
}
