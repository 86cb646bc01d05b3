import { describe, expect, it } from "vitest";
import { formatTraceparent, newTraceParent, parseTraceparent, traceIdOf } from "./traceparent.js";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const SPAN = "00f067aa0ba902b7";

describe("traceparent", () => {
  it("parses the spec's example", () => {
    expect(parseTraceparent(`00-${TRACE}-${SPAN}-01`)).toEqual({ traceId: TRACE, spanId: SPAN, sampled: true });
    expect(parseTraceparent(`00-${TRACE}-${SPAN}-00`)).toEqual({ traceId: TRACE, spanId: SPAN, sampled: false });
  });

  it("reads the sampled bit of other flags and ignores surrounding spaces", () => {
    expect(parseTraceparent(` 00-${TRACE}-${SPAN}-03 `)?.sampled).toBe(true);
    expect(parseTraceparent(`00-${TRACE}-${SPAN}-02`)?.sampled).toBe(false);
  });

  it("accepts a later version with extra fields, and ignores them", () => {
    expect(parseTraceparent(`01-${TRACE}-${SPAN}-01-extra`)).toEqual({ traceId: TRACE, spanId: SPAN, sampled: true });
  });

  it.each([
    ["absent", undefined],
    ["not a string", 42],
    ["empty", ""],
    ["upper-case hex", `00-${TRACE.toUpperCase()}-${SPAN}-01`],
    ["short trace id", `00-${TRACE.slice(1)}-${SPAN}-01`],
    ["short span id", `00-${TRACE}-${SPAN.slice(1)}-01`],
    ["all-zero trace id", `00-${"0".repeat(32)}-${SPAN}-01`],
    ["all-zero span id", `00-${TRACE}-${"0".repeat(16)}-01`],
    ["version ff", `ff-${TRACE}-${SPAN}-01`],
    ["version 00 with extra fields", `00-${TRACE}-${SPAN}-01-extra`],
    ["Cloud Trace format", `${TRACE}/12345;o=1`],
  ])("rejects a header that is %s", (_, header) => {
    expect(parseTraceparent(header)).toBeNull();
    expect(traceIdOf(header)).toBeNull();
  });

  it("formats what it parses", () => {
    for (const header of [`00-${TRACE}-${SPAN}-01`, `00-${TRACE}-${SPAN}-00`]) expect(formatTraceparent(parseTraceparent(header)!)).toBe(header);
  });

  it("makes fresh, valid, distinct contexts", () => {
    const a = newTraceParent();
    const b = newTraceParent();
    expect(parseTraceparent(formatTraceparent(a))).toEqual(a);
    expect(a.traceId).not.toBe(b.traceId);
  });
});
