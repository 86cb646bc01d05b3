/**
 * Production tidy-up: expired holds already stop counting inside every stock
 * transaction; this marks them `expired`, drops them from their SKUs and
 * republishes their status (`stock/{sku}` and inventory's copy, through the
 * engine) for SKUs nobody touched since (the per-hold timer in holdCart does
 * the same sooner when its instance is still alive).
 */
import { onSchedule } from "firebase-functions/scheduler";
import { Timestamp } from "firebase-admin/firestore";
import { Collections, type OrderLineInput } from "@showroom/model";
import { db } from "../app.js";
import { config } from "../config.js";
import { holdsSwept } from "../logs.js";
import { submitStock } from "./engine.js";

const PAGE = 200;

export async function sweepExpiredHolds(nowMs: number): Promise<number> {
  const active = db().collection(Collections.holds).where("status", "==", "active");
  const expired = await active.where("expiresAt", "<=", Timestamp.fromMillis(nowMs)).limit(PAGE).get();
  const skus = new Set(expired.docs.flatMap((d) => (d.get("lines") as OrderLineInput[]).map((l) => l.sku)));
  if (!expired.empty) await submitStock({ kind: "sweep", skus: [...skus], holdIds: expired.docs.map((d) => d.id) });
  // Counted after the sweep, so the holds-active metric leaves out what was just swept (one read per 1,000 holds).
  const stillActive = (await active.count().get()).data().count;
  holdsSwept(expired.size, skus.size, stillActive);
  return expired.size;
}

export const sweepExpiredHoldsSchedule = onSchedule({ schedule: "every 5 minutes", region: config.region }, async () => {
  await sweepExpiredHolds(Date.now());
});
