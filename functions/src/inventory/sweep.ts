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
  const expired = await db()
    .collection(Collections.holds)
    .where("status", "==", "active")
    .where("expiresAt", "<=", Timestamp.fromMillis(nowMs))
    .limit(PAGE)
    .get();
  if (expired.empty) return 0;
  const skus = new Set(expired.docs.flatMap((d) => (d.get("lines") as OrderLineInput[]).map((l) => l.sku)));
  await submitStock({ kind: "sweep", skus: [...skus], holdIds: expired.docs.map((d) => d.id) });
  holdsSwept(expired.size, skus.size);
  return expired.size;
}

export const sweepExpiredHoldsSchedule = onSchedule({ schedule: "every 5 minutes", region: config.region }, async () => {
  await sweepExpiredHolds(Date.now());
});
