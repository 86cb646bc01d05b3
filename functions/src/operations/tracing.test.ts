import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { InMemorySpanExporter, type ReadableSpan, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { HttpsError, type CallableRequest } from "firebase-functions/https";
import { traceContext } from "firebase-functions/v2";
import { describe, expect, it, vi } from "vitest";
import { FileSpanExporter } from "./file-span-exporter.js";
import { parseSpanLines } from "./span-record.js";
import { currentTraceparent, inSpan, startTracing, tracedCallable } from "./tracing.js";
import { parseTraceparent } from "./traceparent.js";

const CALLER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

function recording(): InMemorySpanExporter {
  const exporter = new InMemorySpanExporter();
  startTracing(exporter, 5);
  return exporter;
}

async function finished(exporter: InMemorySpanExporter, count: number): Promise<ReadableSpan[]> {
  await vi.waitFor(() => expect(exporter.getFinishedSpans().length).toBeGreaterThanOrEqual(count), { timeout: 2000, interval: 5 });
  return exporter.getFinishedSpans();
}

const callRequest = (data: unknown, headers: Record<string, string> = {}) => ({ data, rawRequest: { headers } }) as unknown as CallableRequest<unknown>;

describe("inSpan", () => {
  it("continues a caller's traceparent, nests the spans inside it and hands the active span on", async () => {
    const exporter = recording();
    let inner: string | undefined;
    await inSpan("outer", { parent: CALLER }, () => inSpan("inner", {}, async () => void (inner = currentTraceparent())));
    const [innerSpan, outer] = await finished(exporter, 2);
    expect(outer!.spanContext().traceId).toBe(parseTraceparent(CALLER)!.traceId);
    expect(outer!.parentSpanContext?.spanId).toBe(parseTraceparent(CALLER)!.spanId);
    expect(innerSpan!.parentSpanContext?.spanId).toBe(outer!.spanContext().spanId);
    expect(parseTraceparent(inner)).toEqual({ traceId: innerSpan!.spanContext().traceId, spanId: innerSpan!.spanContext().spanId, sampled: true });
    expect(currentTraceparent()).toBeUndefined();
  });

  it("starts a new trace for no header or a malformed one, and links the traces a batch serves", async () => {
    const exporter = recording();
    await inSpan("fresh", { parent: null }, async () => {});
    await inSpan("bad header", { parent: "00-zz-01" }, async () => {});
    await inSpan("batch", { parent: null, links: [CALLER, "garbage"] }, async () => {});
    const [fresh, bad, batch] = await finished(exporter, 3);
    expect(fresh!.parentSpanContext).toBeUndefined();
    expect(bad!.parentSpanContext).toBeUndefined();
    expect(fresh!.spanContext().traceId).not.toBe(bad!.spanContext().traceId);
    expect(batch!.links.map((l) => l.context.traceId)).toEqual([parseTraceparent(CALLER)!.traceId]);
  });

  it("gives log lines inside the span the trace id (the firebase-functions logger reads it)", async () => {
    recording();
    const seen = await inSpan("logged", { parent: CALLER }, async () => traceContext.getStore()?.traceId);
    expect(seen).toBe(parseTraceparent(CALLER)!.traceId);
  });

  it("rethrows the error and marks the span failed with its outcome", async () => {
    const exporter = recording();
    await expect(
      inSpan(
        "fails",
        {},
        () => Promise.reject(new Error("boom")),
        () => "boom-outcome",
      ),
    ).rejects.toThrow("boom");
    const [span] = await finished(exporter, 1);
    expect(span!.status.code).toBe(2);
    expect(span!.attributes["showroom.outcome"]).toBe("boom-outcome");
  });

  it("runs the work once, untraced, when tracing is off", async () => {
    startTracing(null);
    let runs = 0;
    await expect(inSpan("off", { parent: CALLER }, async () => ++runs)).resolves.toBe(1);
    expect(currentTraceparent()).toBeUndefined();
  });
});

describe("a broken exporter never slows or fails the work", () => {
  const hanging: SpanExporter = { export: () => {}, shutdown: async () => {} };
  const throwing: SpanExporter = {
    export: () => {
      throw new Error("exporter down");
    },
    shutdown: async () => {},
  };

  it.each([
    ["never answers", hanging],
    ["throws", throwing],
  ])("an exporter that %s: 5,000 spans all answer within 3 s", async (_, exporter) => {
    startTracing(exporter, 1);
    const started = performance.now();
    const results = [];
    for (let i = 0; i < 5000; i++) results.push(await inSpan("work", { parent: null }, async () => i));
    // Let the processor's timers fire a few times against the broken exporter.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(results).toHaveLength(5000);
    expect(results[4999]).toBe(4999);
    expect(performance.now() - started).toBeLessThan(3000);
    await expect(inSpan("still answers", {}, async () => "ok")).resolves.toBe("ok");
  });
});

describe("tracedCallable", () => {
  it("continues the caller's header, names the order it placed and records a refusal's code", async () => {
    const exporter = recording();
    const place = tracedCallable("placeOrder", async () => ({ orderId: "o-42" }));
    await expect(place(callRequest({}, { traceparent: CALLER }))).resolves.toEqual({ orderId: "o-42" });
    const cancel = tracedCallable("cancelOrder", () => Promise.reject(new HttpsError("failed-precondition", "no")));
    await expect(cancel(callRequest({ orderId: "o-7" }))).rejects.toThrow("no");
    const [placed, cancelled] = await finished(exporter, 2);
    expect(placed!.name).toBe("callable placeOrder");
    expect(placed!.spanContext().traceId).toBe(parseTraceparent(CALLER)!.traceId);
    expect(placed!.attributes).toMatchObject({ "showroom.operation": "placeOrder", "showroom.outcome": "ok", "showroom.order_id": "o-42" });
    expect(cancelled!.attributes).toMatchObject({ "showroom.order_id": "o-7", "showroom.outcome": "failed-precondition" });
    expect(cancelled!.spanContext().traceId).not.toBe(parseTraceparent(CALLER)!.traceId);
  });
});

describe("FileSpanExporter", () => {
  it("writes spans as JSON lines that read back as span records", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "traces-")), "nested", "traces.jsonl");
    startTracing(new FileSpanExporter(file), 5);
    await inSpan("written", { parent: CALLER, attributes: { "showroom.order_id": "o-1" } }, async () => {});
    await vi.waitFor(() => expect(parseSpanLines(readFileSync(file, "utf8"))).toHaveLength(1), { timeout: 2000, interval: 10 });
    const [record] = parseSpanLines(readFileSync(file, "utf8") + "{cut sho\n");
    expect(record).toMatchObject({
      traceId: parseTraceparent(CALLER)!.traceId,
      parentSpanId: parseTraceparent(CALLER)!.spanId,
      name: "written",
      ok: true,
      attributes: { "showroom.order_id": "o-1" },
      links: [],
    });
    expect(record!.durationMs).toBeGreaterThanOrEqual(0);
    expect(Math.abs(record!.startMs - Date.now())).toBeLessThan(60_000);
  });
});
