/**
 * `receiveShipment`: a validated receiving CSV applied as ONE transaction — a
 * ledger entry per row, the SKUs' inventory and public availability, and one
 * audit entry for the whole receipt. Either every row lands or none does.
 * The ledger ids derive from `receiptId`, so a retried apply receives once.
 */
import { FieldValue } from "firebase-admin/firestore";
import { Collections, locationRefusal, parseInventoryDoc, type ReceiveShipmentInput, type ReceiveShipmentOutput } from "@showroom/model";
import { appendAudit } from "../shared/audit.js";
import { defineCallable, refusal, type Caller } from "../shared/callable.js";
import { deps, type Deps } from "../app.js";
import { readLocations, writeStockState } from "../inventory/store.js";
import { stockEvents } from "../events/build.js";
import { writeEvents } from "../events/outbox.js";

export const receiptLedgerId = (receiptId: string, row: number) => `receipt-${receiptId}-${row}`;

export async function receiveShipment(deps: Pick<Deps, "db" | "now">, input: ReceiveShipmentInput, caller: Caller): Promise<ReceiveShipmentOutput> {
  const units = input.rows.reduce((sum, r) => sum + r.quantity, 0);
  const skus = [...new Set(input.rows.map((r) => r.sku))];
  const applied = await deps.db.runTransaction(async (tx) => {
    const marker = await tx.get(deps.db.collection(Collections.stockLedger).doc(receiptLedgerId(input.receiptId, 0)));
    if (marker.exists) return false;
    const [snaps, locations] = await Promise.all([
      tx.getAll(...skus.map((sku) => deps.db.collection(Collections.inventory).doc(sku))),
      readLocations(tx, deps.db),
    ]);
    const unknown = snaps.filter((s) => !s.exists).map((s) => s.id);
    if (unknown.length > 0) {
      throw refusal("not-found", `Unknown SKU${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}: nothing was received.`, {
        reason: "unknown-sku",
        sku: unknown[0],
        skus: unknown,
      });
    }

    for (const row of input.rows) {
      const reason = locationRefusal(locations, row.location, row.quantity);
      if (reason) {
        const problem = reason === "unknown-location" ? "is not a configured location" : "is inactive and takes no new stock";
        throw refusal(reason === "unknown-location" ? "not-found" : "failed-precondition", `${row.location} ${problem}: nothing was received.`, {
          reason,
          location: row.location,
        });
      }
    }

    const nowMs = await deps.now();
    const states = new Map(snaps.map((s) => [s.id, parseInventoryDoc(s.id, s.data())]));
    const before = new Map([...states].map(([sku, state]) => [sku, structuredClone(state)]));
    input.rows.forEach((row, index) => {
      const state = states.get(row.sku)!;
      const before = state.locations[row.location]?.onHand ?? 0;
      state.locations[row.location] = { onHand: before + row.quantity };
      tx.create(deps.db.collection(Collections.stockLedger).doc(receiptLedgerId(input.receiptId, index)), {
        sku: row.sku,
        location: row.location,
        delta: row.quantity,
        reason: "receive",
        actorUid: caller.uid,
        receiptId: input.receiptId,
        ...(input.note ? { note: input.note } : {}),
        before,
        after: before + row.quantity,
        at: FieldValue.serverTimestamp(),
      });
    });

    // Events first: they advance each SKU's eventSeq, which the stock write carries.
    const events = [...states.values()].flatMap((state) => stockEvents(before.get(state.sku)!, state, "receive", nowMs));
    // The same writes as the inventory engine's (store.ts), so both stay interchangeable.
    writeStockState(tx, deps.db, [...states.values()], nowMs);
    writeEvents(tx, deps.db, events);

    appendAudit(tx, {
      actor: caller,
      action: "stock.receive",
      target: { kind: "receipt", id: input.receiptId },
      after: { rows: input.rows, units },
      ...(input.note ? { note: input.note } : {}),
    });
    return true;
  });
  return { receiptId: input.receiptId, rows: input.rows.length, units, alreadyApplied: !applied };
}

export const receiveShipmentCallable = defineCallable("receiveShipment", (input, caller) => receiveShipment(deps(), input, caller));
