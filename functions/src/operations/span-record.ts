/**
 * One finished span as a line of the emulator's trace file (JSON lines): what
 * the file exporter writes and `npm run trace` reads. Times are epoch
 * milliseconds so a developer can read the file as it is.
 */
import type { HrTime } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { z } from "zod";

/** Span attribute names that `npm run trace` and Cloud Trace searches rely on. */
export const SpanAttributes = {
  operation: "showroom.operation",
  outcome: "showroom.outcome",
  orderId: "showroom.order_id",
  requests: "showroom.requests",
  traceIds: "showroom.trace_ids",
  subject: "showroom.subject",
  eventId: "showroom.event_id",
  deliveryId: "showroom.delivery_id",
  attempt: "showroom.attempt",
} as const;

const SpanRefSchema = z.object({ traceId: z.string(), spanId: z.string() });

export const SpanRecordSchema = z.object({
  traceId: z.string(),
  spanId: z.string(),
  parentSpanId: z.string().nullable(),
  name: z.string(),
  startMs: z.number(),
  durationMs: z.number(),
  ok: z.boolean(),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()]))])),
  /** Other traces this span serves: a stock batch links every request in it. */
  links: z.array(SpanRefSchema),
});
export type SpanRecord = z.infer<typeof SpanRecordSchema>;

const millis = ([seconds, nanos]: HrTime) => seconds * 1000 + nanos / 1e6;

export function toSpanRecord(span: ReadableSpan): SpanRecord {
  const { traceId, spanId } = span.spanContext();
  const attributes: SpanRecord["attributes"] = {};
  for (const [key, value] of Object.entries(span.attributes)) {
    if (value === undefined || value === null) continue;
    attributes[key] = Array.isArray(value) ? value.filter((v): v is string | number | boolean => v !== null && v !== undefined) : value;
  }
  return {
    traceId,
    spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? null,
    name: span.name,
    startMs: millis(span.startTime),
    durationMs: millis(span.duration),
    // SpanStatusCode.ERROR is 2.
    ok: span.status.code !== 2,
    attributes,
    links: span.links.map((link) => ({ traceId: link.context.traceId, spanId: link.context.spanId })),
  };
}

/** The file's spans; a line that does not parse (a write cut short) is skipped, not fatal. */
export function parseSpanLines(text: string): SpanRecord[] {
  return text.split("\n").flatMap((line) => {
    if (!line.trim()) return [];
    try {
      const parsed = SpanRecordSchema.safeParse(JSON.parse(line));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}
