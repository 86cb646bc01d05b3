/**
 * Stock locations: staff see them in draw order; admins add, edit, deactivate
 * and delete them (the server refuses deleting one that still has stock). The
 * form checks input with the callable's own schema before sending it.
 */
import { useState, type FormEvent } from "react";
import { LocationKinds, UpsertLocationInputSchema, type StockLocation } from "@showroom/model";
import { SelectField } from "../../../components/admin/filters";
import { ACTIONS, AdminTable, LoadState, PageHeader } from "../../../components/admin/ui";
import { staffErrorMessage } from "../../../lib/admin/api/admin-callables";
import { deleteLocation, upsertLocation, useLocations } from "../api/locations";

export function LocationsPage({ isAdmin }: { isAdmin: boolean }) {
  const locations = useLocations();
  const [editing, setEditing] = useState<StockLocation | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function remove(location: StockLocation) {
    setMessage(null);
    try {
      await deleteLocation({ code: location.code });
      setMessage({ ok: true, text: `Deleted ${location.code}.` });
    } catch (error) {
      setMessage({ ok: false, text: staffErrorMessage(error) });
    }
  }

  return (
    <>
      <PageHeader title="Locations" />
      <p className="admin-muted">
        Orders take stock from active locations in draw order (lowest first), then from inactive ones. An inactive location takes no new stock.
      </p>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "admin-muted" : "admin-error"}>
          {message.text}
        </p>
      )}
      {isAdmin && (
        <LocationForm
          key={editing?.code ?? "new"}
          editing={editing}
          onDone={(text) => {
            setEditing(null);
            setMessage({ ok: true, text });
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <section className="admin-card">
        <h2>Locations in draw order</h2>
        {locations.status !== "ready" ? (
          <LoadState live={locations} />
        ) : (
          <AdminTable label="Locations" columns={["Code", "Name", "Kind", { heading: "Draw order", numeric: true }, "Status", ...(isAdmin ? [ACTIONS] : [])]}>
            {locations.data.map((location) => (
              <tr key={location.code} aria-label={location.code}>
                <td className="mono">{location.code}</td>
                <td>{location.name}</td>
                <td>{location.kind}</td>
                <td className="num">{location.drawOrder}</td>
                <td>{location.active ? "active" : "inactive"}</td>
                {isAdmin && (
                  <td>
                    <button
                      type="button"
                      className="admin-button admin-button--small"
                      aria-label={`Edit ${location.code}`}
                      onClick={() => setEditing(location)}
                    >
                      Edit
                    </button>{" "}
                    <button
                      type="button"
                      className="admin-button admin-button--small admin-button--danger"
                      aria-label={`Delete ${location.code}`}
                      onClick={() => void remove(location)}
                    >
                      Delete
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </AdminTable>
        )}
      </section>
    </>
  );
}

function LocationForm({ editing, onDone, onCancel }: { editing: StockLocation | null; onDone: (text: string) => void; onCancel: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = UpsertLocationInputSchema.safeParse({
      code: editing?.code ?? String(form.get("code") ?? "").trim(),
      name: String(form.get("name") ?? ""),
      kind: form.get("kind"),
      drawOrder: Number(form.get("drawOrder")),
      active: form.get("active") === "on",
    });
    if (!parsed.success) return setError(parsed.error.issues.map((i) => `${i.path.join(".") || "form"}: ${i.message}`).join("; "));
    setError(null);
    setBusy(true);
    try {
      const out = await upsertLocation(parsed.data);
      onDone(`${out.created ? "Added" : "Saved"} ${out.code}.`);
    } catch (e) {
      setError(staffErrorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="admin-card">
      <h2>{editing ? `Edit ${editing.code}` : "Add a location"}</h2>
      {error && (
        <p role="alert" className="admin-error">
          {error}
        </p>
      )}
      <form className="admin-row admin-row--wrap" aria-label={editing ? `Edit ${editing.code}` : "Add a location"} onSubmit={(e) => void submit(e)}>
        {!editing && (
          <label className="admin-field">
            Code
            <input name="code" required maxLength={24} placeholder="e.g. showroom-nyc" />
          </label>
        )}
        <label className="admin-field admin-field--grow">
          Name
          <input name="name" required maxLength={80} defaultValue={editing?.name} />
        </label>
        <SelectField label="Kind" name="kind" defaultValue={editing?.kind ?? "warehouse"} options={LocationKinds.map((k) => ({ value: k }))} />
        <label className="admin-field">
          Draw order
          <input name="drawOrder" type="number" min={0} max={1000} step={1} required defaultValue={editing?.drawOrder ?? 10} className="admin-input--narrow" />
        </label>
        <label>
          <input name="active" type="checkbox" defaultChecked={editing?.active ?? true} /> Active
        </label>
        <button type="submit" className="admin-button" disabled={busy}>
          {editing ? "Save location" : "Add location"}
        </button>
        {editing && (
          <button type="button" className="admin-link" onClick={onCancel}>
            Cancel
          </button>
        )}
      </form>
    </section>
  );
}
