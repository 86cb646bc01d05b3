/**
 * Writes the inventory board's fields onto every `inventory/{sku}` that lacks
 * them or holds stale ones: the copies of product fields (`category`,
 * `searchTerms`: model/src/board-search.ts) and the public stock `status` the
 * board filters on (what `publicStockOf` derives), for a database written
 * before the board filtered on the server. It updates those three fields only,
 * and each update holds only if the document did not change since it was read
 * (a stock movement in between writes the status itself), so it is safe while
 * the store sells, and safe to run again (run it again if it reports documents
 * left for the next run, or if products were edited while it ran). Any database: the
 * emulators, or the real project in GCLOUD_PROJECT with default credentials:
 *
 *   GCLOUD_PROJECT=<project-id> npx tsx scripts/backfill-board-fields.ts
 */
import { GrpcStatus } from "firebase-admin/firestore";
import { Collections, hasBoardFields, inventoryBoardFields, publicAvailability, type Category } from "@showroom/model";
import { adminDb } from "./lib/admin.js";
import { stockStateOf } from "./reconcile.js";

const db = adminDb();
const nowMs = Date.now();
const products = new Map(
  (await db.collection(Collections.products).select("name", "category").get()).docs.map((d) => [d.id, { name: String(d.get("name")), category: d.get("category") as Category }]),
);
const writer = db.bulkWriter();
writer.onWriteError((error) => error.code !== GrpcStatus.FAILED_PRECONDITION && error.failedAttempts < 5);
const writes: Promise<void>[] = [];
let updated = 0;
let moved = 0;
let orphans = 0;
for (const doc of (await db.collection(Collections.inventory).get()).docs) {
  const product = products.get(String(doc.get("productId")));
  if (!product) {
    orphans += 1;
    continue;
  }
  const fields = inventoryBoardFields(doc.id, product);
  const { status } = publicAvailability(stockStateOf(doc.data()), nowMs);
  if (hasBoardFields(doc.data(), fields) && doc.get("status") === status) continue;
  writes.push(
    writer.update(doc.ref, { ...fields, status }, { lastUpdateTime: doc.updateTime }).then(
      () => void (updated += 1),
      // The document moved since it was read: a stock movement wrote its status; the next run sees any other change.
      (error: { code: GrpcStatus }) => {
        if (error.code !== GrpcStatus.FAILED_PRECONDITION) throw error;
        moved += 1;
      },
    ),
  );
}
await writer.close();
await Promise.all(writes);
console.log(
  `${updated} inventory documents updated${moved > 0 ? `; ${moved} changed while this ran and were left for the next run` : ""}${orphans > 0 ? `; ${orphans} name no existing product and were left as they are` : ""}.`,
);
