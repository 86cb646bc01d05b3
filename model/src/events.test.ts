import { describe, expect, it } from "vitest";
import { parseEventEnvelope, subjectOf } from "./events.js";

const envelope = {
  id: "evt_1",
  type: "inventory.updated",
  occurredAt: "2026-11-30T10:00:00.000Z",
  subject: subjectOf.sku("SOFA-VELVET-GRN"),
  seq: 1,
  data: { sku: "SOFA-VELVET-GRN", productId: "p1", available: 3, status: "low_stock", onHand: 4, locations: { main: { onHand: 4 } }, reason: "order" },
};

describe("event envelope", () => {
  it("accepts a well-formed event", () => {
    expect(parseEventEnvelope(envelope).subject).toBe("sku/SOFA-VELVET-GRN");
  });

  it("rejects an unknown type, a bad subject, seq 0 and data that does not fit its type", () => {
    expect(() => parseEventEnvelope({ ...envelope, type: "order.exploded" })).toThrow();
    expect(() => parseEventEnvelope({ ...envelope, subject: "warehouse/1" })).toThrow();
    expect(() => parseEventEnvelope({ ...envelope, seq: 0 })).toThrow();
    expect(() => parseEventEnvelope({ ...envelope, data: { sku: "SOFA-VELVET-GRN" } })).toThrow();
  });

  it("lets customer.erased carry the uid and nothing else", () => {
    const erased = { ...envelope, type: "customer.erased", subject: subjectOf.customer("u1"), data: { uid: "u1" } };
    expect(parseEventEnvelope(erased).data).toEqual({ uid: "u1" });
    expect(() => parseEventEnvelope({ ...erased, data: { uid: "u1", email: "a@b.c" } })).toThrow();
  });
});
