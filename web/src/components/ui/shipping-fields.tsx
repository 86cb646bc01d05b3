import { countryOptions } from "../../config/countries";
import type { ShippingField, ShippingValues } from "../../lib/shipping-form";

const LABELS: Record<ShippingField, string> = {
  name: "Full name",
  line1: "Address line 1",
  line2: "Address line 2 (optional)",
  city: "Town or city",
  postalCode: "Postal code",
  country: "Country",
  phone: "Phone (optional)",
};

const AUTOCOMPLETE: Record<ShippingField, string> = {
  name: "name",
  line1: "address-line1",
  line2: "address-line2",
  city: "address-level2",
  postalCode: "postal-code",
  country: "country",
  phone: "tel",
};

const COUNTRIES = countryOptions();

/** Address inputs with labels and per-field errors; used by checkout and the address book. */
export function ShippingFieldsInputs({
  idPrefix,
  values,
  errors,
  onChange,
}: {
  idPrefix: string;
  values: ShippingValues;
  errors: Partial<Record<ShippingField, string>>;
  onChange: (values: ShippingValues) => void;
}) {
  const field = (name: ShippingField) => {
    const id = `${idPrefix}-${name}`;
    const error = errors[name];
    const common = {
      id,
      name,
      value: values[name],
      autoComplete: AUTOCOMPLETE[name],
      "aria-invalid": error ? true : undefined,
      "aria-describedby": error ? `${id}-error` : undefined,
    };
    return (
      <div className={`field field--${name}`} key={name}>
        <label htmlFor={id}>{LABELS[name]}</label>
        {name === "country" ? (
          <select {...common} onChange={(e) => onChange({ ...values, country: e.target.value })}>
            {COUNTRIES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        ) : (
          <input {...common} type={name === "phone" ? "tel" : "text"} onChange={(e) => onChange({ ...values, [name]: e.target.value })} />
        )}
        {error && (
          <p id={`${id}-error`} className="field__error">
            {error}
          </p>
        )}
      </div>
    );
  };
  return <div className="address-fields">{(["name", "line1", "line2", "city", "postalCode", "country", "phone"] as const).map(field)}</div>;
}
