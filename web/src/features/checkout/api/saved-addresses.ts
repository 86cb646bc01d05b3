/**
 * The delivery form prefilled from the signed-in customer's address book. The
 * first saved address is the default (the account page moves the one the
 * customer prefers to the front): it fills the form until the shopper picks
 * another saved address or a new one, or edits the fields. Guests and
 * customers without saved addresses start with an empty form.
 */
import { useState } from "react";
import { useCustomer } from "../../account";
import { useAuthUser } from "../../../lib/auth";
import { emptyShipping, NEW_ADDRESS, prefill, type AddressChoice, type ShippingValues } from "../../../lib/shipping-form";

export function useShippingForm() {
  const auth = useAuthUser();
  const user = auth.status === "ready" ? auth.user : null;
  const customer = useCustomer(user && !user.isAnonymous ? user.uid : null);
  const addresses = customer.status === "ready" ? (customer.data?.addresses ?? []) : [];
  const [choice, setChoice] = useState<AddressChoice>({ picked: null, edited: null });
  const { selectedId, values } = prefill(addresses, choice);
  return {
    addresses,
    selectedId,
    values,
    choose: (id: string) => setChoice({ picked: id, edited: id === NEW_ADDRESS ? emptyShipping : null }),
    // Editing keeps the option that was selected (so an address book arriving later does not take over the form).
    edit: (next: ShippingValues) => setChoice({ picked: selectedId, edited: next }),
  };
}
