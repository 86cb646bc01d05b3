/** Inline stock adjustment through `adjustStock`: a reason is required, and the board updates live from Firestore. */
import { useState, type FormEvent } from "react";
import {
  AdjustmentReasonSchema,
  AdjustStockInputSchema,
  DEFAULT_LOCATION,
  onHandAt,
  type AdjustStockInput,
  type BoardRow,
  type StockLocation,
} from "@showroom/model";
import { SelectField } from "../../../components/admin/filters";
import { adjustStock, staffErrorMessage } from "../../../lib/admin/api/admin-callables";

const reasonLabels: Record<AdjustStockInput["reason"], string> = {
  receive: "Received",
  count: "Stock count",
  damage: "Damaged",
  return: "Customer return",
  correction: "Correction",
};

/** `locations`: the configured ones in draw order; an inactive one is offered only to take stock out. */
export function AdjustForm({ row, locations, onDone }: { row: BoardRow; locations: readonly StockLocation[]; onDone: () => void }) {
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const mode = form.get("mode");
    const amount = Number(form.get("amount"));
    const note = String(form.get("note") ?? "").trim();
    const parsed = AdjustStockInputSchema.safeParse({
      sku: row.sku,
      location: form.get("location"),
      ...(mode === "set" ? { setTo: amount } : { delta: amount }),
      reason: form.get("reason"),
      ...(note ? { note } : {}),
    });
    if (!parsed.success) {
      setResult({ ok: false, message: parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ") });
      return;
    }
    setBusy(true);
    try {
      const out = await adjustStock(parsed.data);
      setResult({ ok: true, message: `${out.sku}: now ${out.onHand} on hand, ${out.available} available.` });
    } catch (error) {
      setResult({ ok: false, message: staffErrorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="admin-adjust" onSubmit={(e) => void submit(e)} aria-label={`Adjust stock of ${row.sku}`}>
      <SelectField
        label="Location"
        name="location"
        defaultValue={locations.some((l) => l.code === DEFAULT_LOCATION) ? DEFAULT_LOCATION : locations[0]?.code}
        options={locations.map((l) => ({ value: l.code, label: `${l.code} (${onHandAt(row, l.code)} on hand${l.active ? "" : ", inactive"})` }))}
      />
      <SelectField
        label="Change"
        name="mode"
        defaultValue="delta"
        options={[
          { value: "delta", label: "Add / remove" },
          { value: "set", label: "Set count to" },
        ]}
      />
      <label className="admin-field">
        Quantity
        <input name="amount" type="number" step={1} required className="admin-input--narrow" />
      </label>
      <SelectField
        label="Reason"
        name="reason"
        required
        defaultValue=""
        options={[{ value: "", label: "Choose…", disabled: true }, ...AdjustmentReasonSchema.options.map((r) => ({ value: r, label: reasonLabels[r] }))]}
      />
      <label className="admin-field admin-field--grow">
        Note
        <input name="note" maxLength={500} placeholder="Optional: count sheet, damage report…" />
      </label>
      <div className="admin-row">
        <button type="submit" className="admin-button admin-button--primary" disabled={busy}>
          {busy ? "Saving…" : "Apply"}
        </button>
        <button type="button" className="admin-link" onClick={onDone}>
          Close
        </button>
      </div>
      {result && (
        <p role={result.ok ? "status" : "alert"} className={result.ok ? "admin-ok" : "admin-error"}>
          {result.message}
        </p>
      )}
    </form>
  );
}
