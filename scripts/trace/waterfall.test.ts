import { describe, expect, it } from "vitest";
import type { SpanRecord } from "../../functions/src/operations/span-record.js";
import { formatWaterfall, selectTrace } from "./waterfall.js";

const ORDER_TRACE = "a".repeat(32);
const BATCH_TRACE = "b".repeat(32);
const OTHER_TRACE = "c".repeat(32);

const span = (over: Partial<SpanRecord> & Pick<SpanRecord, "traceId" | "spanId" | "name" | "startMs" | "durationMs">): SpanRecord => ({
  parentSpanId: null,
  ok: true,
  attributes: {},
  links: [],
  ...over,
});

const callable = span({
  traceId: ORDER_TRACE,
  spanId: "1".repeat(16),
  name: "callable placeOrder",
  startMs: 1000,
  durationMs: 100,
  attributes: { "showroom.order_id": "o1" },
});
const batch = span({
  traceId: BATCH_TRACE,
  spanId: "2".repeat(16),
  name: "inventory.stock_batch",
  startMs: 1020,
  durationMs: 50,
  attributes: { "showroom.requests": 2, "showroom.trace_ids": [ORDER_TRACE, OTHER_TRACE] },
  links: [
    { traceId: ORDER_TRACE, spanId: "1".repeat(16) },
    { traceId: OTHER_TRACE, spanId: "9".repeat(16) },
  ],
});
const relay = span({ traceId: ORDER_TRACE, spanId: "3".repeat(16), parentSpanId: "1".repeat(16), name: "trigger relayCommit", startMs: 1150, durationMs: 20 });
const attempt = span({
  traceId: ORDER_TRACE,
  spanId: "4".repeat(16),
  parentSpanId: "3".repeat(16),
  name: "webhooks.attempt",
  startMs: 1190,
  durationMs: 10,
  ok: false,
});
const other = span({
  traceId: OTHER_TRACE,
  spanId: "9".repeat(16),
  name: "callable placeOrder",
  startMs: 1000,
  durationMs: 90,
  attributes: { "showroom.order_id": "o2" },
});
const all = [attempt, other, relay, batch, callable];

describe("selectTrace", () => {
  it("finds an order's trace by its order id, with the batch that links to it and not the other request", () => {
    expect(
      selectTrace(all, "o1")
        .map((s) => s.name)
        .sort(),
    ).toEqual(["callable placeOrder", "inventory.stock_batch", "trigger relayCommit", "webhooks.attempt"]);
    expect(selectTrace(all, "o1")).not.toContain(other);
  });

  it("finds a trace by its id, and nothing for an unknown query", () => {
    expect(selectTrace(all, OTHER_TRACE)).toEqual([other, batch]);
    expect(selectTrace(all, "nope")).toEqual([]);
    expect(selectTrace(all, "f".repeat(32))).toEqual([]);
  });
});

describe("formatWaterfall", () => {
  it("indents children under parents, puts a linked batch under the request it serves, and draws bars on one axis", () => {
    const lines = formatWaterfall(selectTrace(all, "o1"), 20);
    expect(lines[0]).toBe(`trace ${ORDER_TRACE}, ${BATCH_TRACE} — 4 spans, 200.0 ms`);
    expect(lines.slice(2)).toEqual([
      "     +0.0 ms     100.0 ms  callable placeOrder (order_id=o1)       |██████████          |",
      "    +20.0 ms      50.0 ms    ↪ inventory.stock_batch (requests=2)  |  █████             |",
      "   +150.0 ms      20.0 ms    trigger relayCommit                   |               ██   |",
      "   +190.0 ms      10.0 ms      webhooks.attempt ✗                  |                   █|",
    ]);
  });

  it("draws a span too short to see as one block, and nothing for no spans", () => {
    const tiny = span({ traceId: ORDER_TRACE, spanId: "5".repeat(16), parentSpanId: "1".repeat(16), name: "tiny", startMs: 1050, durationMs: 0.01 });
    expect(formatWaterfall([callable, tiny], 10)[3]).toContain("|     █    |");
    expect(formatWaterfall([])).toEqual([]);
  });
});
