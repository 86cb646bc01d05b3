/**
 * `npm run reconcile`: checks the stock invariants on any database (the
 * emulators, or the real project in GCLOUD_PROJECT with default credentials)
 * and prints drift; exits 1 on drift. The check itself lives in
 * functions/src/operations/check-stock.ts, shared with the scheduled reconcile.
 */
import { pathToFileURL } from "node:url";
import { reconcile } from "../functions/src/operations/check-stock.js";
import { adminDb } from "./lib/admin.js";

export { reconcile, type Drift } from "../functions/src/operations/check-stock.js";

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const skus = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const where = process.env.FIRESTORE_EMULATOR_HOST
    ? `emulator ${process.env.FIRESTORE_EMULATOR_HOST}`
    : `project ${process.env.GCLOUD_PROJECT ?? "(default credentials)"}`;
  const { checked, drift } = await reconcile(adminDb(), skus.length ? { skus } : {});
  console.log(`Reconciled ${checked} SKUs on ${where}.`);
  for (const d of drift) console.log(`DRIFT ${d.sku}: ${d.problem}`);
  console.log(drift.length ? `${drift.length} problems.` : "No drift.");
  process.exit(drift.length ? 1 : 0);
}
