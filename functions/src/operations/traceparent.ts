/**
 * W3C Trace Context `traceparent` (https://www.w3.org/TR/trace-context/):
 * `{version}-{trace id: 32 hex}-{parent span id: 16 hex}-{flags: 2 hex}`.
 * Pure, so the callable, the outbox, the relay and webhook delivery all read
 * and write the header the same way.
 */
import { randomBytes } from "node:crypto";

export interface TraceParent {
  traceId: string;
  spanId: string;
  sampled: boolean;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ALL_ZERO = /^0+$/;

/**
 * The header's trace context, or null when it is absent or malformed (a bad
 * header starts a new trace; it never fails a request). Version ff is invalid;
 * a later version may append fields, which are ignored as the spec says.
 */
export function parseTraceparent(header: unknown): TraceParent | null {
  if (typeof header !== "string") return null;
  const match = TRACEPARENT.exec(header.trim());
  if (!match) return null;
  const [, version, traceId, spanId, flags, rest] = match as unknown as [string, string, string, string, string, string | undefined];
  if (version === "ff" || (version === "00" && rest !== undefined)) return null;
  if (ALL_ZERO.test(traceId) || ALL_ZERO.test(spanId)) return null;
  return { traceId, spanId, sampled: (parseInt(flags, 16) & 1) === 1 };
}

export function formatTraceparent(parent: TraceParent): string {
  return `00-${parent.traceId}-${parent.spanId}-${parent.sampled ? "01" : "00"}`;
}

/** A fresh random context, for a request that arrives without one. */
export function newTraceParent(): TraceParent {
  return { traceId: randomBytes(16).toString("hex"), spanId: randomBytes(8).toString("hex"), sampled: true };
}

/** The trace id of a stored or received header, or null. */
export const traceIdOf = (header: unknown): string | null => parseTraceparent(header)?.traceId ?? null;
