import { describe, expect, it } from "vitest";
import { holdRefusal } from "./hold-refusal";

const nameOf = (sku: string) => (sku === "SOFA-1" ? "Alba sofa" : "An item");

describe("holdRefusal", () => {
  it("words each hold cap, naming the item", () => {
    expect(holdRefusal({ code: "failed-precondition", details: { reason: "hold-limit", rule: "per-sku", sku: "SOFA-1", limit: 10 } }, nameOf)).toMatch(
      /^We can hold at most 10 of Alba sofa per order\. You can still place your order/,
    );
    expect(holdRefusal({ code: "failed-precondition", details: { reason: "hold-limit", rule: "per-cart", limit: 30 } }, nameOf)).toMatch(
      /^We can hold at most 30 items per cart\./,
    );
    expect(holdRefusal({ code: "failed-precondition", details: { reason: "hold-limit", rule: "held-share", sku: "SOFA-1", limit: 0 } }, nameOf)).toMatch(
      /^Alba sofa is in high demand/,
    );
  });

  it("words a rate limit with its retry time", () => {
    expect(holdRefusal({ code: "resource-exhausted", details: { retryAfterSeconds: 41.2 } }, nameOf)).toMatch(
      /^Too many tries in a short time — please wait 42 s\./,
    );
  });

  it("leaves other errors to the caller", () => {
    expect(holdRefusal({ code: "failed-precondition", details: { reason: "out-of-stock", sku: "SOFA-1", available: 0 } }, nameOf)).toBeNull();
    expect(holdRefusal({ code: "internal", details: {} }, nameOf)).toBeNull();
  });
});
