import { describe, expect, it } from "vitest";
import type { SavedAddress } from "@showroom/model";
import { emptyShipping, NEW_ADDRESS, parseShipping, prefill, remainingErrors } from "./shipping-form";

const filled = { ...emptyShipping, name: "Ada Lovelace", line1: "12 St James's Square", city: "London", postalCode: "SW1Y 4JH", country: "GB" };

describe("shipping form", () => {
  it("accepts a complete address and drops blank optional fields", () => {
    expect(parseShipping(filled)).toEqual({
      ok: true,
      shipping: { name: "Ada Lovelace", line1: "12 St James's Square", city: "London", postalCode: "SW1Y 4JH", country: "GB" },
    });
  });

  it("names each missing or malformed field in plain words", () => {
    const result = parseShipping({ ...filled, name: "  ", city: "", phone: "call me" });
    expect(result).toEqual({
      ok: false,
      errors: { name: "Enter the recipient’s name.", city: "Enter the town or city.", phone: "Use digits, spaces, ( ) - and an optional leading +." },
    });
  });

  it("clears the error of a field once the shopper edits it, keeping the others", () => {
    const errors = { name: "Enter the recipient’s name.", city: "Enter the town or city." };
    const before = { ...filled, name: "", city: "" };
    expect(remainingErrors(errors, before, { ...before, name: "A" })).toEqual({ city: "Enter the town or city." });
  });

  it("rejects a country that is not a two-letter code", () => {
    expect(parseShipping({ ...filled, country: "United Kingdom" })).toMatchObject({ ok: false, errors: { country: "Choose a country." } });
  });
});

describe("saved addresses at checkout", () => {
  const home: SavedAddress = {
    id: "home",
    label: "Home",
    name: "Ada Lovelace",
    line1: "12 St James's Square",
    city: "London",
    postalCode: "SW1Y 4JH",
    country: "GB",
  };
  const work: SavedAddress = {
    id: "work",
    name: "Ada Lovelace",
    line1: "1 Analytical Row",
    line2: "Floor 2",
    city: "Leeds",
    postalCode: "LS1 1AA",
    country: "GB",
    phone: "+44 113 000",
  };

  it("preselects the default (first) address and fills the form from it", () => {
    expect(prefill([home, work], { picked: null, edited: null })).toEqual({
      selectedId: "home",
      values: { ...emptyShipping, name: "Ada Lovelace", line1: "12 St James's Square", city: "London", postalCode: "SW1Y 4JH", country: "GB" },
    });
  });

  it("fills the form from the address the shopper picks, and keeps their edits to it", () => {
    expect(prefill([home, work], { picked: "work", edited: null }).values).toMatchObject({ line2: "Floor 2", phone: "+44 113 000", city: "Leeds" });
    const edited = { ...emptyShipping, name: "Someone else" };
    expect(prefill([home, work], { picked: "work", edited })).toEqual({ selectedId: "work", values: edited });
  });

  it("starts empty for a new address or without an address book", () => {
    expect(prefill([home], { picked: NEW_ADDRESS, edited: emptyShipping })).toEqual({ selectedId: NEW_ADDRESS, values: emptyShipping });
    expect(prefill([], { picked: null, edited: null })).toEqual({ selectedId: NEW_ADDRESS, values: emptyShipping });
  });
});
