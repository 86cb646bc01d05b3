/** `npm run seed [-- --skus N]`: the demo store (or a synthetic catalog of N SKUs) in the running emulators. */
import { parseArgs } from "node:util";
import { adminAuth, adminDb, requireEmulators } from "../lib/admin.js";
import { scaledCatalog, seedProducts } from "./catalog.js";
import { seedAccounts, seedCatalog } from "./seed.js";
import { withTriggersPaused } from "../lib/triggers.js";

const { values } = parseArgs({ options: { skus: { type: "string" } } });
requireEmulators();
const started = Date.now();
const products = values.skus ? scaledCatalog(Number(values.skus)) : seedProducts();
console.log(`Seeding ${products.length} products…`);
const report = await withTriggersPaused(() => seedCatalog(adminDb(), products, console.log));
console.log(`  ${report.skus} SKUs (${report.stockCreated} new stock records, the rest kept as they were)`);
console.log("Demo accounts:");
await seedAccounts(adminAuth(), console.log);
console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
