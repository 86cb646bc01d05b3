import { describe, expect, it } from "vitest";
import { emptyShipping, parseShipping, remainingErrors } from "./shipping";

const filled = { ...emptyShipping, name: "Ada Lovelace", line1: "12 St James's Square", city: "London", postalCode: "SW1Y 4JH", country: "GB" };

describe("shipping form", () => {
  it("accepts a complete address and drops blank optional fields", () => {
    expect(parseShipping(filled)).toEqual({ ok: true, shipping: { name: "Ada Lovelace", line1: "12 St James's Square", city: "London", postalCode: "SW1Y 4JH", country: "GB" } });
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
