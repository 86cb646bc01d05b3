/**
 * `npm run backfill`: writes the fields later changes derived from existing
 * data onto a database written before them, and leaves everything else alone:
 *
 * - `products/{id}`: `searchTerms` (the storefront's word search,
 *   model/src/search.ts) and `inStock` (the "In stock only" filter, from the
 *   product's `productStock` summary);
 * - `inventory/{sku}`: the copies of product fields the staff board filters
 *   on (`category`, `searchTerms`: model/src/board-search.ts) and the public
 *   stock `status` (what `publicStockOf` derives).
 *
 * Each update holds only if the document did not change since it was read (a
 * stock movement in between writes the status itself), so it is safe while
 * the store sells, and safe to run again (run it again if it reports documents
 * left for the next run, or if products were edited while it ran). Any
 * database: the emulators (`npm run with-emulators -- npm run backfill`), or
 * the real project in GCLOUD_PROJECT with default credentials:
 *
 *   GCLOUD_PROJECT=<project-id> npm run backfill
 */
import { GrpcStatus, type DocumentReference, type DocumentSnapshot } from "firebase-admin/firestore";
import { isDeepStrictEqual } from "node:util";
import {
  Collections,
  hasBoardFields,
  inventoryBoardFields,
  parseInventoryDoc,
  productInStock,
  publicStockOf,
  searchTerms,
  type Category,
} from "@showroom/model";
import { adminDb } from "./lib/admin.js";

const db = adminDb();
const nowMs = Date.now();
const productDocs = (await db.collection(Collections.products).get()).docs;
const products = new Map(productDocs.map((d) => [d.id, { name: String(d.get("name")), category: d.get("category") as Category }]));
const summaries = new Map(
  (await db.collection(Collections.productStock).get()).docs.map((d) => [d.id, (d.get("skus") ?? {}) as Record<string, { status?: unknown }>]),
);
const writer = db.bulkWriter();
writer.onWriteError((error) => error.code !== GrpcStatus.FAILED_PRECONDITION && error.failedAttempts < 5);
const writes: Promise<void>[] = [];
const counts = { products: 0, inventory: 0, moved: 0, orphans: 0 };

/** Updates `fields` only if the document is as it was read. */
function update(doc: DocumentSnapshot, fields: Record<string, unknown>, kind: "products" | "inventory"): void {
  writes.push(
    writer.update(doc.ref as DocumentReference, fields, { lastUpdateTime: doc.updateTime! }).then(
      () => void (counts[kind] += 1),
      // The document moved since it was read: a stock movement wrote its status; the next run sees any other change.
      (error: { code: GrpcStatus }) => {
        if (error.code !== GrpcStatus.FAILED_PRECONDITION) throw error;
        counts.moved += 1;
      },
    ),
  );
}

for (const doc of productDocs) {
  const skus = ((doc.get("variants") ?? []) as { sku: string }[]).map((v) => v.sku);
  const fields = {
    searchTerms: searchTerms(String(doc.get("name")), (doc.get("materials") ?? []) as string[]),
    inStock: productInStock(skus, summaries.get(doc.id) ?? {}),
  };
  if (isDeepStrictEqual(doc.get("searchTerms"), fields.searchTerms) && doc.get("inStock") === fields.inStock) continue;
  update(doc, fields, "products");
}

for (const doc of (await db.collection(Collections.inventory).get()).docs) {
  const product = products.get(String(doc.get("productId")));
  if (!product) {
    counts.orphans += 1;
    continue;
  }
  const fields = inventoryBoardFields(doc.id, product);
  const { status } = publicStockOf(parseInventoryDoc(doc.id, doc.data()), nowMs).inventory;
  if (hasBoardFields(doc.data(), fields) && doc.get("status") === status) continue;
  update(doc, { ...fields, status }, "inventory");
}
await writer.close();
await Promise.all(writes);
console.log(
  `${counts.products} products and ${counts.inventory} inventory documents updated` +
    (counts.moved > 0 ? `; ${counts.moved} changed while this ran and were left for the next run` : "") +
    (counts.orphans > 0 ? `; ${counts.orphans} inventory documents name no existing product and were left as they are` : "") +
    ".",
);
