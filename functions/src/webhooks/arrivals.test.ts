import { describe, expect, it } from "vitest";
import type { EventEnvelope } from "@showroom/model";
import { arrivalRecorder } from "./arrivals.js";

const arrival = (subject: string, seq: number) => ({ envelope: { subject, seq } as EventEnvelope });

describe("arrivalRecorder", () => {
  it("records a burst per subject in one call each, in arrival order", async () => {
    const calls: [string, number[]][] = [];
    const pumped: string[] = [];
    const record = arrivalRecorder(
      async (subject, arrivals: { envelope: EventEnvelope }[]) => {
        calls.push([subject, arrivals.map((a) => a.envelope.seq)]);
      },
      async (subject) => void pumped.push(subject),
    );
    await Promise.all([arrival("sku/A", 2), arrival("order/x", 1), arrival("sku/A", 1), arrival("sku/A", 3)].map(record));
    expect(calls.sort()).toEqual([
      ["order/x", [1]],
      ["sku/A", [2, 1, 3]],
    ]);
    expect(pumped.sort()).toEqual(["order/x", "sku/A"]);
  });

  it("lets arrivals during a recording join the next one", async () => {
    const calls: number[][] = [];
    let release: () => void = () => undefined;
    const record = arrivalRecorder(
      async (_subject, arrivals: { envelope: EventEnvelope }[]) => {
        calls.push(arrivals.map((a) => a.envelope.seq));
        if (calls.length === 1) await new Promise<void>((resolve) => (release = resolve));
      },
      async () => undefined,
    );
    const first = record(arrival("sku/A", 1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const later = [2, 3, 4].map((seq) => record(arrival("sku/A", seq)));
    release();
    await Promise.all([first, ...later]);
    expect(calls).toEqual([[1], [2, 3, 4]]);
  });

  it("fails only the arrivals of the subject whose recording failed", async () => {
    const record = arrivalRecorder(
      async (subject) => {
        if (subject === "sku/BAD") throw new Error("lock timeout");
      },
      async () => undefined,
    );
    const results = await Promise.allSettled([record(arrival("sku/BAD", 1)), record(arrival("sku/OK", 1)), record(arrival("sku/BAD", 2))]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "rejected"]);
  });

  it("does not hold the next recording while a subject's pump is still sending", async () => {
    const recorded: number[] = [];
    let releasePump: () => void = () => undefined;
    const record = arrivalRecorder(
      async (_subject, arrivals: { envelope: EventEnvelope }[]) => void recorded.push(...arrivals.map((a) => a.envelope.seq)),
      (subject) => (subject === "sku/SLOW" ? new Promise<void>((resolve) => (releasePump = resolve)) : Promise.resolve()),
    );
    const slow = record(arrival("sku/SLOW", 1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    await record(arrival("sku/FAST", 1));
    expect(recorded).toEqual([1, 1]);
    releasePump();
    await slow;
  });
});
