import { describe, expect, it } from "vitest";
import {
  becameSellable,
  changedProfileFields,
  consentChanges,
  CustomerEditableFields,
  CustomerEditableSchema,
  CustomerProfileSchema,
  defaultProfile,
  redactOthers,
  scrubStrings,
} from "./customer.js";

describe("defaultProfile", () => {
  it("gives a guest a valid profile with no email and no consent", () => {
    const profile = defaultProfile({ uid: "u1" });
    expect(CustomerProfileSchema.parse(profile)).toEqual(profile);
    expect(profile).not.toHaveProperty("email");
    expect(profile.marketing).toEqual({ email: { granted: false }, sms: { granted: false } });
  });
  it("keeps the account's name and email, trimmed", () => {
    expect(defaultProfile({ uid: "u1", email: "a@b.c", displayName: "  Ada " })).toMatchObject({ email: "a@b.c", displayName: "Ada" });
  });
});

describe("CustomerEditableSchema", () => {
  it("rejects server-owned fields", () => {
    const editable = { displayName: "Ada", addresses: [], marketing: { email: { granted: true }, sms: { granted: false } } };
    expect(CustomerEditableSchema.safeParse(editable).success).toBe(true);
    expect(CustomerEditableSchema.safeParse({ ...editable, email: "x@y.z" }).success).toBe(false);
  });
});

describe("changedProfileFields", () => {
  it("names changed top-level fields, ignoring updatedAt", () => {
    const before = { displayName: "A", phone: "123456", addresses: [{ id: "a" }], updatedAt: 1 };
    const after = { displayName: "A", addresses: [{ id: "b" }], marketing: { email: { granted: true } }, updatedAt: 2 };
    expect(changedProfileFields(before, after)).toEqual(["addresses", "marketing", "phone"]);
  });
  it("treats equal nested values as unchanged", () => {
    expect(changedProfileFields({ addresses: [{ id: "a", city: "X" }] }, { addresses: [{ id: "a", city: "X" }] })).toEqual([]);
  });
});

describe("consentChanges", () => {
  it("reports each channel that flipped", () => {
    const off = { marketing: { email: { granted: false }, sms: { granted: true } } };
    const on = { marketing: { email: { granted: true }, sms: { granted: true } } };
    expect(consentChanges(off, on)).toEqual([{ channel: "email", granted: true }]);
    expect(consentChanges(on, off)).toEqual([{ channel: "email", granted: false }]);
  });
  it("counts a new profile as not granted before", () => {
    expect(consentChanges(undefined, { marketing: { email: { granted: false }, sms: { granted: true } } })).toEqual([{ channel: "sms", granted: true }]);
  });
});

describe("becameSellable", () => {
  it.each([
    [undefined, "in_stock", false],
    ["out_of_stock", "low_stock", true],
    ["out_of_stock", "made_to_order", true],
    ["out_of_stock", "backorder", true],
    ["in_stock", "low_stock", false],
    ["out_of_stock", "out_of_stock", false],
    ["low_stock", "out_of_stock", false],
  ])("%s → %s: %s", (before, after, expected) => {
    expect(becameSellable(before ? { status: before } : undefined, { status: after })).toBe(expected);
  });
});

describe("scrubStrings", () => {
  class Stamp {
    constructor(readonly seconds: number) {}
  }
  it("replaces in nested strings and keys, leaving class instances alone", () => {
    const stamp = new Stamp(5);
    const out = scrubStrings({ uid: "u1", by: ["u1", "x-u1-y"], map: { u1_k: { at: stamp } }, n: 3 }, [{ from: "u1", to: "erased-z" }]);
    expect(out).toEqual({ uid: "erased-z", by: ["erased-z", "x-erased-z-y"], map: { "erased-z_k": { at: stamp } }, n: 3 });
    expect(out.map["erased-z_k" as "u1_k"]?.at).toBe(stamp);
  });
  it("ignores empty search strings", () => {
    expect(scrubStrings({ a: "abc" }, [{ from: "", to: "X" }])).toEqual({ a: "abc" });
  });
});

describe("redactOthers", () => {
  it("hides staff uids in audit entries and order history, keeping the customer's own", () => {
    expect(redactOthers("auditLog", { actorUid: "staff-1", action: "customer.lookup" }, "u1")).toEqual({ actorUid: "staff", action: "customer.lookup" });
    expect(redactOthers("auditLog", { actorUid: "u1", action: "customer.profile.update" }, "u1")).toEqual({
      actorUid: "u1",
      action: "customer.profile.update",
    });
    const order = {
      uid: "u1",
      statusHistory: [
        { status: "placed", by: "u1" },
        { status: "fulfilled", by: "staff-1" },
      ],
    };
    expect(redactOthers("orders", order, "u1")).toEqual({
      uid: "u1",
      statusHistory: [
        { status: "placed", by: "u1" },
        { status: "fulfilled", by: "staff" },
      ],
    });
    expect(redactOthers("customers", { uid: "u1" }, "u1")).toEqual({ uid: "u1" });
  });
});

describe("CustomerEditableFields", () => {
  it("names the editable schema's fields plus the updatedAt stamp (tests/rules/customer-fields.test.ts proves the rules agree)", () => {
    expect([...CustomerEditableFields].sort()).toEqual([...Object.keys(CustomerEditableSchema.shape), "updatedAt"].sort());
  });
});
