import { describe, expect, it } from "vitest";
import type { EventEnvelope } from "@showroom/model";
import { ReplayInputSchema, replayOrder } from "./replay.js";
import { messageAttributes } from "./pubsub.js";

const e = (subject: string, seq: number): EventEnvelope => ({
  id: `${subject}-${seq}`,
  type: "inventory.updated",
  occurredAt: "2026-11-30T10:00:00.000Z",
  subject,
  seq,
  data: {},
});

describe("replay", () => {
  it("orders events per subject by seq, whatever order they were read in", () => {
    expect(replayOrder([e("sku/B", 2), e("sku/A", 3), e("sku/B", 1), e("sku/A", 1)]).map((x) => x.id)).toEqual(["sku/A-1", "sku/A-3", "sku/B-1", "sku/B-2"]);
  });

  it("refuses a missing or malformed --since, an unknown type and unknown options", () => {
    expect(ReplayInputSchema.safeParse({}).success).toBe(false);
    expect(ReplayInputSchema.safeParse({ since: "yesterday" }).success).toBe(false);
    expect(ReplayInputSchema.safeParse({ since: "2026-11-30T10:00:00Z", type: "order.exploded" }).success).toBe(false);
    expect(ReplayInputSchema.safeParse({ since: "2026-11-30T10:00:00Z", extra: 1 }).success).toBe(false);
    expect(ReplayInputSchema.parse({ since: "2026-11-30T10:00:00Z", type: "order.placed", endpointId: "ep1" }).endpointId).toBe("ep1");
  });

  it("marks replayed messages, with the endpoint when one asked", () => {
    const envelope = e("sku/A", 7);
    expect(messageAttributes(envelope)).toEqual({ type: "inventory.updated", subject: "sku/A", seq: "7" });
    expect(messageAttributes(envelope, { replay: true, endpointId: "ep1" })).toEqual({
      type: "inventory.updated",
      subject: "sku/A",
      seq: "7",
      replay: "1",
      endpointId: "ep1",
    });
  });
});
