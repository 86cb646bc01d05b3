/**
 * Catalog scale (DESIGN): seed 10,000 SKUs into the emulators and time it
 * (target ≤ 60 s), then count the documents the storefront's default catalog
 * page reads at that size (target ≤ 30): the page's products, the count
 * aggregation (one read per 1,000 index entries) and one `productStock` per
 * card. The query is the storefront's own (`catalogClauses`). Like `npm run
 * seed`, it pauses background triggers while importing.
 */
import { CATALOG_PAGE_SIZE, Collections } from "@showroom/model/labels";
import type { Query } from "firebase-admin/firestore";
import { adminDb } from "../lib/admin.js";
import { scaledCatalog } from "../seed/catalog.js";
import { seedCatalog } from "../seed/seed.js";
import { withTriggersPaused } from "../lib/triggers.js";
import { catalogClauses, parseFilters } from "../../web/src/features/catalog/api/catalog-query.js";
import { round, type BenchModule, type Row } from "./types.js";

const TARGET_SKUS = 10_000;
const SEED_TARGET_S = 60;
const READS_TARGET = 30;

function defaultCatalogQuery(): Query {
  let query: Query = adminDb().collection(Collections.products);
  for (const clause of catalogClauses(parseFilters(new URLSearchParams(), null))) {
    query = clause.kind === "where" ? query.where(clause.field, clause.op, clause.value) : query.orderBy(clause.field, clause.direction);
  }
  return query;
}

export const catalogScale: BenchModule = {
  name: "catalog scale",
  async run(): Promise<Row[]> {
    const products = scaledCatalog(TARGET_SKUS);
    const started = Date.now();
    const report = await withTriggersPaused(() => seedCatalog(adminDb(), products, () => {}));
    const seedSeconds = (Date.now() - started) / 1000;

    const query = defaultCatalogQuery();
    const page = await query.limit(CATALOG_PAGE_SIZE).get();
    const count = (await query.count().get()).data().count;
    const stock = await adminDb().getAll(...page.docs.map((d) => adminDb().collection(Collections.productStock).doc(d.id)));
    const reads = page.size + Math.max(1, Math.ceil(count / 1000)) + stock.filter((s) => s.exists).length;
    return [
      {
        bench: "catalog scale",
        variant: `seed ${report.skus} SKUs (${report.products} products)`,
        value: round(seedSeconds, 1),
        unit: "s",
        target: `≤ ${SEED_TARGET_S}`,
        pass: seedSeconds <= SEED_TARGET_S ? "yes" : "NO",
      },
      {
        bench: "catalog scale",
        variant: `catalog page reads (${page.size} products of ${count}, count, ${stock.length} productStock)`,
        value: reads,
        unit: "docs",
        target: `≤ ${READS_TARGET}`,
        pass: reads <= READS_TARGET ? "yes" : "NO",
      },
    ];
  },
};
