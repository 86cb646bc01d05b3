import { describe, expect, it } from "vitest";
import type { EventEnvelope } from "@showroom/model";
import { arrivalRecorder } from "./arrivals.js";

const arrival = (subject: string, seq: number) => ({ envelope: { subject, seq } as EventEnvelope });

describe("arrivalRecorder", () => {
  it("records a burst per subject in one call each, in arrival order", async () => {
    const calls: [string, number[]][] = [];
    const record = arrivalRecorder(async (subject, arrivals: { envelope: EventEnvelope }[]) => {
      calls.push([subject, arrivals.map((a) => a.envelope.seq)]);
    });
    await Promise.all([arrival("sku/A", 2), arrival("order/x", 1), arrival("sku/A", 1), arrival("sku/A", 3)].map(record));
    expect(calls.sort()).toEqual([
      ["order/x", [1]],
      ["sku/A", [2, 1, 3]],
    ]);
  });

  it("lets arrivals during a recording join the next one", async () => {
    const calls: number[][] = [];
    let release: () => void = () => undefined;
    const record = arrivalRecorder(async (_subject, arrivals: { envelope: EventEnvelope }[]) => {
      calls.push(arrivals.map((a) => a.envelope.seq));
      if (calls.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = record(arrival("sku/A", 1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const later = [2, 3, 4].map((seq) => record(arrival("sku/A", seq)));
    release();
    await Promise.all([first, ...later]);
    expect(calls).toEqual([[1], [2, 3, 4]]);
  });

  it("fails only the arrivals of the subject whose recording failed", async () => {
    const record = arrivalRecorder(async (subject) => {
      if (subject === "sku/BAD") throw new Error("lock timeout");
    });
    const results = await Promise.allSettled([record(arrival("sku/BAD", 1)), record(arrival("sku/OK", 1)), record(arrival("sku/BAD", 2))]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "rejected"]);
  });
});
