/**
 * `demandReport` (staff): what a buyer needs to decide what to reorder — per
 * SKU, the sold-out question's answers (`demandSignals`) next to the number
 * of back-in-stock subscriptions and the current availability. It covers the
 * most-asked-about SKUs and the most recently sold-out ones (up to
 * DEMAND_REPORT_LIMIT of each). Subscriptions live under each customer
 * (`customers/{uid}/alerts/{sku}`, owner-only), so the function counts them
 * with an aggregate query rather than the console reading them.
 */
import type { Firestore } from "firebase-admin/firestore";
import {
  byDemand,
  Collections,
  CustomerSubcollections,
  DEMAND_REPORT_LIMIT,
  DemandSignalSchema,
  HEARD_ABOUT_US_TOTALS,
  HeardAboutUsTotalsSchema,
  type DemandReportOutput,
  type DemandRow,
  type DemandSignal,
} from "@showroom/model";
import { db } from "../app.js";
import { defineCallable } from "../shared/callable.js";

export async function demandReport(firestore: Firestore): Promise<DemandReportOutput> {
  const col = (name: string) => firestore.collection(name);
  const [signalSnap, soldOutSnap, totalsSnap] = await Promise.all([
    col(Collections.demandSignals).orderBy("answers", "desc").limit(DEMAND_REPORT_LIMIT).get(),
    // The most recently sold out first: the ones a buyer has not reordered yet.
    col(Collections.stock).where("status", "in", ["out_of_stock", "backorder"]).orderBy("updatedAt", "desc").limit(DEMAND_REPORT_LIMIT).get(),
    col(Collections.siteQuestionTotals).doc(HEARD_ABOUT_US_TOTALS).get(),
  ]);
  const signals = new Map<string, DemandSignal>();
  for (const d of signalSnap.docs) {
    const parsed = DemandSignalSchema.safeParse(d.data());
    if (parsed.success) signals.set(d.id, parsed.data);
  }
  const stock = new Map(soldOutSnap.docs.map((d) => [d.id, d.data()]));
  const skus = [...new Set([...signals.keys(), ...stock.keys()])];
  // The other half of each row: stock for the asked-about SKUs, signals for the sold-out ones.
  const missingStock = skus.filter((s) => !stock.has(s));
  const missingSignals = skus.filter((s) => !signals.has(s));
  const [stockSnaps, signalSnaps] = await Promise.all([
    missingStock.length ? firestore.getAll(...missingStock.map((s) => col(Collections.stock).doc(s))) : [],
    missingSignals.length ? firestore.getAll(...missingSignals.map((s) => col(Collections.demandSignals).doc(s))) : [],
  ]);
  for (const s of stockSnaps) if (s.exists) stock.set(s.id, s.data() ?? {});
  for (const s of signalSnaps) {
    const parsed = DemandSignalSchema.safeParse(s.data());
    if (parsed.success) signals.set(s.id, parsed.data);
  }
  const subscribers = await Promise.all(
    skus.map(async (sku) => (await firestore.collectionGroup(CustomerSubcollections.alerts).where("sku", "==", sku).count().get()).data().count),
  );

  const rows: DemandRow[] = skus.map((sku, i) => {
    const signal = signals.get(sku);
    const s = stock.get(sku);
    return {
      sku,
      productId: signal?.productId ?? String(s?.productId ?? ""),
      status: typeof s?.status === "string" ? s.status : null,
      available: typeof s?.available === "number" ? s.available : null,
      answers: signal?.answers ?? 0,
      needBy: signal?.needBy ?? {},
      instead: signal?.instead ?? {},
      subscribers: subscribers[i] ?? 0,
    };
  });
  const totals = HeardAboutUsTotalsSchema.safeParse(totalsSnap.data());
  return { rows: rows.sort(byDemand), heardAboutUs: totals.success ? totals.data : { answers: 0, sources: {} } };
}

export const demandReportCallable = defineCallable("demandReport", () => demandReport(db()));
