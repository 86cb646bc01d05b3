/**
 * Writes the inventory board's copies of product fields (`category`,
 * `searchTerms`: model/src/board-search.ts) onto every `inventory/{sku}` that
 * lacks them or holds stale ones: for a database written before the board
 * searched on the server. It updates those two fields only, so it is safe while
 * the store sells, and safe to run again (run it again if products were edited
 * while it ran). Any database: the emulators, or the real project in
 * GCLOUD_PROJECT with default credentials:
 *
 *   GCLOUD_PROJECT=<project-id> npx tsx scripts/backfill-board-fields.ts
 */
import { Collections, hasBoardFields, inventoryBoardFields, type Category } from "@showroom/model";
import { adminDb } from "./lib/admin.js";

const db = adminDb();
const products = new Map(
  (await db.collection(Collections.products).select("name", "category").get()).docs.map((d) => [d.id, { name: String(d.get("name")), category: d.get("category") as Category }]),
);
const writer = db.bulkWriter();
writer.onWriteError((error) => error.failedAttempts < 5);
let updated = 0;
let orphans = 0;
for (const doc of (await db.collection(Collections.inventory).select("productId", "category", "searchTerms").get()).docs) {
  const product = products.get(String(doc.get("productId")));
  if (!product) {
    orphans += 1;
    continue;
  }
  const fields = inventoryBoardFields(doc.id, product);
  if (hasBoardFields(doc.data(), fields)) continue;
  void writer.update(doc.ref, { ...fields });
  updated += 1;
}
await writer.close();
console.log(`${updated} inventory documents updated${orphans > 0 ? `; ${orphans} name no existing product and were left as they are` : ""}.`);
