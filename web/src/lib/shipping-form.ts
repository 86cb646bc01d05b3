/** The shipping form's values, validated by the shared `ShippingAddressSchema` (the same one `placeOrder` parses with). */
import { ShippingAddressSchema, type SavedAddress, type ShippingAddress } from "@showroom/model";

export const ShippingFields = ["name", "line1", "line2", "city", "postalCode", "country", "phone"] as const;
export type ShippingField = (typeof ShippingFields)[number];
export type ShippingValues = Record<ShippingField, string>;

export const emptyShipping: ShippingValues = { name: "", line1: "", line2: "", city: "", postalCode: "", country: "US", phone: "" };

const MESSAGES: Partial<Record<ShippingField, string>> = {
  name: "Enter the recipient’s name.",
  line1: "Enter the street address.",
  city: "Enter the town or city.",
  postalCode: "Enter the postal code.",
  country: "Choose a country.",
  phone: "Use digits, spaces, ( ) - and an optional leading +.",
};

export type ShippingResult = { ok: true; shipping: ShippingAddress } | { ok: false; errors: Partial<Record<ShippingField, string>> };

export function parseShipping(values: ShippingValues): ShippingResult {
  // Blank optional fields are absent, not empty strings.
  const input = Object.fromEntries(Object.entries(values).filter(([k, v]) => v.trim() !== "" || (k !== "line2" && k !== "phone")));
  const parsed = ShippingAddressSchema.safeParse(input);
  if (parsed.success) return { ok: true, shipping: parsed.data };
  const errors: Partial<Record<ShippingField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as ShippingField;
    errors[field] ??= MESSAGES[field] ?? issue.message;
  }
  return { ok: false, errors };
}

/** The errors still standing after an edit: a field the shopper changed loses its error until the next submit. */
export function remainingErrors(
  errors: Partial<Record<ShippingField, string>>,
  before: ShippingValues,
  after: ShippingValues,
): Partial<Record<ShippingField, string>> {
  return Object.fromEntries(Object.entries(errors).filter(([field]) => before[field as ShippingField] === after[field as ShippingField]));
}

export function shippingValues(address: Partial<ShippingAddress>): ShippingValues {
  return { ...emptyShipping, ...Object.fromEntries(Object.entries(address).filter(([k]) => (ShippingFields as readonly string[]).includes(k))) };
}

/** The picker's choice for typing an address that is not in the book. */
export const NEW_ADDRESS = "new";

export interface AddressChoice {
  /** A saved address id or NEW_ADDRESS; null until the shopper picks one. */
  picked: string | null;
  /** The form as the shopper edited it; null while it shows the picked address. */
  edited: ShippingValues | null;
}

/** Which option is selected and what the form shows. */
export function prefill(addresses: readonly SavedAddress[], choice: AddressChoice): { selectedId: string; values: ShippingValues } {
  const selectedId = choice.picked ?? addresses[0]?.id ?? NEW_ADDRESS;
  const selected = addresses.find((a) => a.id === selectedId);
  return { selectedId, values: choice.edited ?? (selected ? shippingValues(selected) : emptyShipping) };
}
