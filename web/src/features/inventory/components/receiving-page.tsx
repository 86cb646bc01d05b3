/**
 * Receive a shipment: a CSV (`sku,location,quantity`) is validated row by row
 * in the browser, and only a file with no problems can be applied — as one
 * audited receipt (`receiveShipment`), which re-checks everything on the server.
 */
import { Fragment, useMemo, useState, type ChangeEvent } from "react";
import { Link } from "react-router";
import { Collections, previewReceivingCsv, receivingCsvSkus, type Location, type ReceivingPreview } from "@showroom/model";
import { receiveShipment, staffErrorMessage } from "../../../lib/admin/api/admin-callables";
import { parseInventory } from "../../../lib/admin/api/docs";
import { useLiveDocs } from "../../../lib/use-live-docs";
import { readCsv } from "../api/read-csv";
import { LoadState, PageHeader } from "../../../components/admin/ui";
import { useLocations } from "../../locations";

const inventoryParser = () => parseInventory;

interface Loaded {
  name: string;
  text: string;
  /** One id per loaded file: applying twice receives once. */
  receiptId: string;
}

export function ReceivingPage() {
  const [file, setFile] = useState<Loaded | null>(null);
  // Only the SKUs the file names are read (live), however large the catalog.
  const records = useMemo(() => (file ? readCsv(file.text) : []), [file]);
  const skus = useMemo(() => receivingCsvSkus(records), [records]);
  const inventory = useLiveDocs(Collections.inventory, skus, inventoryParser).all;
  const [note, setNote] = useState("");
  const [state, setState] = useState<{ kind: "idle" | "busy" } | { kind: "done" | "failed"; message: string }>({ kind: "idle" });

  const locations = useLocations();
  // New stock goes only to active locations (the server checks again).
  const receiving = useMemo(() => (locations.status === "ready" ? locations.data.filter((l) => l.active).map((l) => l.code) : null), [locations]);
  const bySku = inventory.status === "ready" ? inventory.data : null;
  const preview: ReceivingPreview | null = useMemo(
    () => (file && bySku && receiving ? previewReceivingCsv(records, bySku, receiving) : null),
    [file, records, bySku, receiving],
  );
  const onHand = (sku: string, location: Location) => bySku?.get(sku)?.locations[location]?.onHand ?? 0;

  async function load(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    setState({ kind: "idle" });
    setFile({ name: chosen.name, text: await chosen.text(), receiptId: `rcpt-${crypto.randomUUID()}` });
  }

  async function apply() {
    if (!file || !preview || preview.errors.length > 0) return;
    setState({ kind: "busy" });
    try {
      const out = await receiveShipment({
        receiptId: file.receiptId,
        rows: preview.rows.map(({ sku, location, quantity }) => ({ sku, location, quantity })),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setState({
        kind: "done",
        message: out.alreadyApplied
          ? `This receipt was already applied; nothing changed.`
          : `Received ${out.units} units in ${out.rows} rows (receipt ${out.receiptId}).`,
      });
    } catch (error) {
      setState({ kind: "failed", message: staffErrorMessage(error) });
    }
  }

  const lines = preview
    ? [...preview.rows.map((r) => ({ line: r.line, row: r, error: null })), ...preview.errors.map((e) => ({ line: e.line, row: null, error: e }))].toSorted(
        (a, b) => a.line - b.line,
      )
    : [];

  return (
    <>
      <PageHeader title="Receive a shipment" />
      <section className="admin-card">
        <p>
          Upload a CSV with the header <code>sku,location,quantity</code> (locations:{" "}
          {receiving
            ? receiving.map((code, i) => (
                <Fragment key={code}>
                  {i > 0 && ", "}
                  <code>{code}</code>
                </Fragment>
              ))
            : "…"}
          ). Every row is checked first; a file with any problem changes nothing.
        </p>
        <div className="admin-row admin-row--wrap">
          <label className="admin-field">
            Shipment CSV
            <input type="file" accept=".csv,text/csv" onChange={(e) => void load(e)} />
          </label>
          <label className="admin-field admin-field--grow">
            Note
            <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} placeholder="Optional: supplier, PO number…" />
          </label>
        </div>
      </section>
      {file && inventory.status !== "ready" && <LoadState live={inventory} />}
      {preview && file && (
        <section className="admin-card" aria-labelledby="receipt-preview">
          <h2 id="receipt-preview">Preview of {file.name}</h2>
          {preview.errors.length > 0 ? (
            <div role="alert" className="admin-error">
              <p>
                <strong>
                  {preview.errors.length} problem{preview.errors.length === 1 ? "" : "s"}: nothing will be applied.
                </strong>{" "}
                Fix the file and upload it again.
              </p>
              <ul>
                {preview.errors.map((e) => (
                  <li key={`${e.line}-${e.problem}`}>
                    Line {e.line}: {e.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="admin-ok" role="status">
              All {preview.rows.length} rows are valid: {preview.units} units to receive.
            </p>
          )}
          <table className="admin-table" aria-label="Receipt rows">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Line
                </th>
                <th scope="col">SKU</th>
                <th scope="col">Location</th>
                <th scope="col" className="num">
                  Quantity
                </th>
                <th scope="col" className="num">
                  On hand now → after
                </th>
                <th scope="col">Check</th>
              </tr>
            </thead>
            <tbody>
              {lines.map(({ line, row, error }) => (
                <tr key={`${line}-${error?.problem ?? "ok"}`} className={error ? "is-error" : undefined}>
                  <td className="num">{line}</td>
                  <td className="mono">{row?.sku ?? error?.sku ?? "—"}</td>
                  <td>{row?.location ?? "—"}</td>
                  <td className="num">{row?.quantity ?? "—"}</td>
                  <td className="num">{row ? `${onHand(row.sku, row.location)} → ${onHand(row.sku, row.location) + row.quantity}` : "—"}</td>
                  <td>{error ? <span className="admin-error-text">{error.message}</span> : <span className="admin-ok-text">OK</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="admin-row">
            <button
              type="button"
              className="admin-button admin-button--primary"
              disabled={preview.errors.length > 0 || state.kind === "busy" || state.kind === "done"}
              onClick={() => void apply()}
            >
              {state.kind === "busy" ? "Applying…" : `Apply receipt (${preview.units} units)`}
            </button>
            {state.kind === "done" && <Link to="/admin/inventory">Back to the board</Link>}
          </div>
          {(state.kind === "done" || state.kind === "failed") && (
            <p role={state.kind === "done" ? "status" : "alert"} className={state.kind === "done" ? "admin-ok" : "admin-error"}>
              {state.message}
            </p>
          )}
        </section>
      )}
    </>
  );
}
