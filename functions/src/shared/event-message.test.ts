import { describe, expect, it } from "vitest";
import { parseEventMessage } from "./event-message.js";

const envelope = {
  id: "evt-1",
  type: "customer.erased",
  occurredAt: "2026-11-30T10:00:00.000Z",
  subject: "customer/u1",
  seq: 3,
  data: { uid: "u1" },
};
const encode = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64");

describe("parseEventMessage", () => {
  it("reads the envelope and no replay", () => {
    expect(parseEventMessage({ messageId: "m1", data: encode(envelope), attributes: { type: "customer.erased" } })).toEqual({
      ok: true,
      envelope,
      replay: null,
      traceparent: null,
    });
  });

  it("hands on a well-formed traceparent attribute and drops a malformed one", () => {
    const traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    expect(parseEventMessage({ messageId: "m1", data: encode(envelope), attributes: { traceparent } })).toMatchObject({ traceparent });
    expect(parseEventMessage({ messageId: "m1", data: encode(envelope), attributes: { traceparent: "00-nope-01" } })).toMatchObject({ traceparent: null });
  });

  it("reads replay attributes, with or without an endpoint", () => {
    expect(parseEventMessage({ messageId: "m1", data: encode(envelope), attributes: { replay: "1", endpointId: "w1" } })).toMatchObject({
      replay: { endpointId: "w1" },
    });
    expect(parseEventMessage({ messageId: "m1", data: encode(envelope), attributes: { replay: "1" } })).toMatchObject({ replay: {} });
  });

  it("rejects what is not JSON, not an envelope, or carries data its type does not allow", () => {
    expect(parseEventMessage({ messageId: "m1", data: encode("{nope") })).toEqual({ ok: false, reason: "data is not JSON" });
    expect(parseEventMessage({ messageId: "m1", data: encode({ ...envelope, type: "order.shipped" }) }).ok).toBe(false);
    // customer.erased carries only the uid.
    expect(parseEventMessage({ messageId: "m1", data: encode({ ...envelope, data: { uid: "u1", email: "a@b.c" } }) }).ok).toBe(false);
  });
});
