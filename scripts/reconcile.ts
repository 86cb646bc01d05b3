/**
 * `npm run reconcile`: checks the stock invariants on any database (the
 * emulators, or the real project in GCLOUD_PROJECT with default credentials)
 * and prints drift; exits 1 on drift. Per SKU and location, on hand equals the
 * ledger's sum; availability respects the policy (≥ 0, or ≥ −backorderLimit);
 * `stock/{sku}`, `productStock/{productId}` and the inventory's own `status`
 * equal what the inventory implies.
 */
import { pathToFileURL } from "node:url";
import type { DocumentData, Firestore } from "firebase-admin/firestore";
import { Collections, parseInventoryDoc, publicStockOf, sellableUnits, sellFloor } from "@showroom/model";
import { adminDb } from "./lib/admin.js";

export interface Drift {
  sku: string;
  problem: string;
}

/** Ledger sums per `${sku}/${location}`, for the given SKUs or (undefined) for all. */
async function ledgerSums(db: Firestore, skus: string[] | undefined): Promise<Map<string, number>> {
  const sums = new Map<string, number>();
  const add = (data: DocumentData) => {
    const key = `${data.sku}/${data.location}`;
    sums.set(key, (sums.get(key) ?? 0) + Number(data.delta));
  };
  if (skus === undefined) {
    for (const doc of (await db.collection(Collections.stockLedger).select("sku", "location", "delta").get()).docs) add(doc.data());
  } else {
    for (let i = 0; i < skus.length; i += 30) {
      const chunk = skus.slice(i, i + 30);
      for (const doc of (await db.collection(Collections.stockLedger).where("sku", "in", chunk).select("sku", "location", "delta").get()).docs) add(doc.data());
    }
  }
  return sums;
}

/** Whether a stored view holds the expected value in each of these fields (absent on both sides counts as equal). */
const sameFields = <T extends object>(stored: DocumentData, expected: T, keys: (keyof T & string)[]) => keys.every((key) => stored[key] === expected[key]);

export async function reconcile(db: Firestore, options: { skus?: string[]; nowMs?: number } = {}): Promise<{ checked: number; drift: Drift[] }> {
  const nowMs = options.nowMs ?? Date.now();
  const inventories = options.skus
    ? (await db.getAll(...options.skus.map((sku) => db.collection(Collections.inventory).doc(sku)))).filter((d) => d.exists)
    : (await db.collection(Collections.inventory).get()).docs;
  const skus = inventories.map((d) => d.id);
  const sums = await ledgerSums(db, options.skus ? skus : undefined);
  const stockDocs = skus.length ? await db.getAll(...skus.map((sku) => db.collection(Collections.stock).doc(sku))) : [];
  const productIds = [...new Set(inventories.map((d) => String(d.get("productId"))))];
  const summaries = new Map(
    (productIds.length ? await db.getAll(...productIds.map((id) => db.collection(Collections.productStock).doc(id))) : []).map((d) => [d.id, d.data()]),
  );
  const drift: Drift[] = [];
  inventories.forEach((doc, i) => {
    const sku = doc.id;
    const data = doc.data() ?? {};
    let state;
    try {
      state = parseInventoryDoc(sku, data);
    } catch (error) {
      drift.push({ sku, problem: error instanceof Error ? error.message : String(error) });
      return;
    }
    // Every location either side knows for this SKU: locations are data, so a code may exist only in the ledger.
    const ledgerLocations = [...sums.keys()].filter((key) => key.startsWith(`${sku}/`)).map((key) => key.slice(sku.length + 1));
    for (const location of new Set([...Object.keys(state.locations), ...ledgerLocations])) {
      const onHand = state.locations[location]?.onHand ?? 0;
      const ledger = sums.get(`${sku}/${location}`) ?? 0;
      if (onHand !== ledger) drift.push({ sku, problem: `${location}: on hand ${onHand} ≠ ledger sum ${ledger}` });
    }
    const floor = sellFloor(state);
    const sellable = sellableUnits(state, nowMs);
    if (floor !== null && sellable < floor) drift.push({ sku, problem: `sellable ${sellable} is below the ${state.policy} floor ${floor}` });
    const expected = publicStockOf(state, nowMs);
    const implies = `${expected.summary.available} ${expected.summary.status}`;
    // A lapsed hold counts for nothing at once, but the public view is republished by the next write or the sweep.
    const why = Object.values(state.holds).some((h) => h.expiresAtMs <= nowMs) ? " (expired holds not yet swept)" : "";
    const stock = stockDocs[i]?.data();
    if (!stock) drift.push({ sku, problem: "stock/{sku} is missing" });
    else if (!sameFields(stock, expected.stock, ["available", "status", "productId", "leadTimeDays"])) {
      drift.push({ sku, problem: `stock/{sku} says ${stock.available} ${stock.status}, inventory implies ${implies}${why}` });
    }
    if (data.status !== expected.inventory.status)
      drift.push({ sku, problem: `inventory/{sku} says ${data.status ?? "no status"}, its stock implies ${expected.inventory.status}${why}` });
    const entry = summaries.get(state.productId)?.skus?.[sku] as DocumentData | undefined;
    if (!entry) drift.push({ sku, problem: `productStock/${state.productId} has no entry` });
    else if (!sameFields(entry, expected.summary, ["available", "status", "leadTimeDays"])) {
      drift.push({ sku, problem: `productStock/${state.productId} says ${entry.available} ${entry.status}, inventory implies ${implies}${why}` });
    }
  });
  return { checked: inventories.length, drift };
}

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
