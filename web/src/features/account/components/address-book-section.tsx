import { useState } from "react";
import { MAX_ADDRESSES, SavedAddressSchema } from "@showroom/model";
import { ErrorNote } from "../../../components/ui/status";
import { emptyShipping, parseShipping, remainingErrors, type ShippingField, type ShippingValues } from "../../../lib/shipping-form";
import { ShippingFieldsInputs } from "../../../components/ui/shipping-fields";
import { saveProfile, type CustomerView } from "../api/customer";

export function AddressBookSection({ uid, customer }: { uid: string; customer: CustomerView }) {
  const [adding, setAdding] = useState(false);
  const [label, setLabel] = useState("");
  const [values, setValues] = useState<ShippingValues>(emptyShipping);
  const [errors, setErrors] = useState<Partial<Record<ShippingField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const save = (addresses: CustomerView["addresses"]) =>
    saveProfile(uid, { addresses }).catch(() => setFailure("We couldn’t save your address book. Please try again."));

  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = parseShipping(values);
    if (!parsed.ok) return setErrors(parsed.errors);
    const address = SavedAddressSchema.safeParse({
      ...parsed.shipping,
      id: crypto.randomUUID().slice(0, 12),
      ...(label.trim() ? { label: label.trim() } : {}),
    });
    if (!address.success) return setFailure("A label may have up to 40 characters.");
    setErrors({});
    await save([...customer.addresses, address.data]);
    setAdding(false);
    setValues(emptyShipping);
    setLabel("");
  };

  return (
    <section className="account-section" aria-labelledby="addresses-heading">
      <h2 id="addresses-heading">Address book</h2>
      {customer.addresses.length === 0 && <p className="muted">No saved addresses yet.</p>}
      <ul className="address-list">
        {customer.addresses.map((a, i) => (
          <li key={a.id}>
            <address>
              {a.label && <strong>{a.label}: </strong>}
              {a.name}, {a.line1}
              {a.line2 ? `, ${a.line2}` : ""}, {a.postalCode} {a.city}, {a.country}
            </address>
            <span className="row">
              {/* The first address is the default: checkout preselects it. */}
              {i === 0 ? (
                <span className="muted">Default</span>
              ) : (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void save([a, ...customer.addresses.filter((x) => x.id !== a.id)])}
                  aria-label={`Make address ${a.label ?? a.line1} the default`}
                >
                  Make default
                </button>
              )}
              <button
                type="button"
                className="link-button"
                onClick={() => void save(customer.addresses.filter((x) => x.id !== a.id))}
                aria-label={`Remove address ${a.label ?? a.line1}`}
              >
                Remove
              </button>
            </span>
          </li>
        ))}
      </ul>
      {failure && <ErrorNote>{failure}</ErrorNote>}
      {adding ? (
        <form onSubmit={add} className="stack" aria-label="New address" noValidate>
          <div className="field">
            <label htmlFor="addr-label">Label (optional, e.g. Home)</label>
            <input id="addr-label" value={label} maxLength={40} onChange={(e) => setLabel(e.target.value)} />
          </div>
          <ShippingFieldsInputs
            idPrefix="addr"
            values={values}
            errors={errors}
            onChange={(next) => {
              setErrors(remainingErrors(errors, values, next));
              setValues(next);
            }}
          />
          <div className="row">
            <button type="submit" className="button">
              Save address
            </button>
            <button type="button" className="link-button" onClick={() => setAdding(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        customer.addresses.length < MAX_ADDRESSES && (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            Add an address
          </button>
        )
      )}
    </section>
  );
}
