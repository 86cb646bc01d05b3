/**
 * Tracing (issue 13): OpenTelemetry spans for callables, stock batches,
 * triggers, the relay and webhook attempts, tied together by the W3C
 * `traceparent` that the outbox event, the Pub/Sub message and the webhook
 * delivery carry (docs/operations.md, "Tracing").
 *
 * Telemetry never slows or fails a request: spans go through a
 * BatchSpanProcessor, which queues them in memory (dropping them when full)
 * and exports in the background, so a slow or failing exporter costs the
 * request nothing; and any fault of the tracing code itself only loses the span.
 */
import { context, ROOT_CONTEXT, SpanStatusCode, trace, TraceFlags, type Attributes, type Context, type Span, type Tracer } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { ExportResultCode, type ExportResult } from "@opentelemetry/core";
import { BasicTracerProvider, BatchSpanProcessor, type ReadableSpan, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { HttpsError, type CallableRequest } from "firebase-functions/https";
import { traceContext } from "firebase-functions/v2";
import { config } from "../config.js";
import { FileSpanExporter } from "./file-span-exporter.js";
import { SpanAttributes } from "./span-record.js";
import { formatTraceparent, parseTraceparent } from "./traceparent.js";

const FLUSH_QUEUE = 2048;
const EXPORT_BATCH = 512;
const EXPORT_TIMEOUT_MS = 10_000;

let tracer: Tracer | null | undefined;
let contextManaged = false;

/**
 * Sets where spans go (null = tracing off). Called once lazily with the
 * configured exporter; tests call it with their own.
 */
export function startTracing(exporter: SpanExporter | null, flushMs: number = config.tracing.flushMs): void {
  if (!exporter) {
    tracer = null;
    return;
  }
  // Without a context manager the active span would not follow awaits.
  if (!contextManaged) contextManaged = context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const processor = new BatchSpanProcessor(exporter, {
    scheduledDelayMillis: flushMs,
    maxQueueSize: FLUSH_QUEUE,
    maxExportBatchSize: EXPORT_BATCH,
    exportTimeoutMillis: EXPORT_TIMEOUT_MS,
  });
  tracer = new BasicTracerProvider({ spanProcessors: [processor] }).getTracer("showroom");
}

/** Cloud Trace in production, loaded on the first export so a cold start does not pay for its gRPC client. */
class CloudTraceExporter implements SpanExporter {
  private inner: Promise<SpanExporter> | undefined;

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.inner ??= import("@google-cloud/opentelemetry-cloud-trace-exporter").then(({ TraceExporter }) => new TraceExporter());
    this.inner.then(
      (exporter) => exporter.export(spans, done),
      (error: unknown) => done({ code: ExportResultCode.FAILED, error: error instanceof Error ? error : new Error(String(error)) }),
    );
  }

  async shutdown(): Promise<void> {
    await (await this.inner)?.shutdown();
  }
}

function configuredExporter(): SpanExporter | null {
  if (!config.tracing.enabled) return null;
  if (config.emulator) return config.tracing.file ? new FileSpanExporter(config.tracing.file) : null;
  return new CloudTraceExporter();
}

function tracerOf(): Tracer | null {
  if (tracer === undefined) {
    try {
      startTracing(configuredExporter());
    } catch {
      tracer = null;
    }
  }
  return tracer ?? null;
}

/** The context a span starts under: the given header's (null or a bad header = a new trace), or the active one. */
function parentContext(parent: string | null | undefined): Context {
  if (parent === undefined) return context.active();
  const parsed = parseTraceparent(parent);
  if (!parsed) return ROOT_CONTEXT;
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId: parsed.traceId,
    spanId: parsed.spanId,
    traceFlags: parsed.sampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
    isRemote: true,
  });
}

export interface SpanOptions {
  /** A traceparent to continue (null: start a new trace); absent: the active span's child. */
  parent?: string | null;
  /** Traceparents of other traces this span serves (a batch's requests). */
  links?: readonly string[];
  attributes?: Attributes;
}

/** The traceparent to hand on from the active span (stored with the outbox event, sent to webhook receivers). */
export function currentTraceparent(): string | undefined {
  const active = trace.getActiveSpan()?.spanContext();
  if (!active || !trace.isSpanContextValid(active)) return undefined;
  return formatTraceparent({ traceId: active.traceId, spanId: active.spanId, sampled: (active.traceFlags & TraceFlags.SAMPLED) === 1 });
}

/** Sets an attribute on the active span, if any; never throws. */
export function annotateSpan(attributes: Attributes): void {
  try {
    trace.getActiveSpan()?.setAttributes(attributes);
  } catch {
    // Losing an attribute is better than failing the request.
  }
}

function startSpan(name: string, options: SpanOptions): { span: Span; ctx: Context } | null {
  const active = tracerOf();
  if (!active) return null;
  try {
    const links = (options.links ?? []).flatMap((header) => {
      const parsed = parseTraceparent(header);
      return parsed ? [{ context: { traceId: parsed.traceId, spanId: parsed.spanId, traceFlags: TraceFlags.SAMPLED, isRemote: true } }] : [];
    });
    const parent = parentContext(options.parent);
    const span = active.startSpan(name, { attributes: options.attributes ?? {}, links }, parent);
    return { span, ctx: trace.setSpan(parent, span) };
  } catch {
    return null;
  }
}

/**
 * Runs `fn` in a new span. Its log lines carry the trace id too (the
 * firebase-functions logger adds `logging.googleapis.com/trace` from its own
 * trace context, which only a `traceparent` header sets on its own). A
 * thrown error marks the span failed (`outcome` names it) and is rethrown.
 */
export async function inSpan<T>(name: string, options: SpanOptions, fn: () => Promise<T>, outcomeOf: (error: unknown) => string = () => "error"): Promise<T> {
  const started = startSpan(name, options);
  if (!started) return fn();
  const { span, ctx } = started;
  const { traceId, spanId, traceFlags } = span.spanContext();
  const logTrace = { version: "00", traceId, parentId: spanId, sample: (traceFlags & TraceFlags.SAMPLED) === 1 };
  try {
    return await context.with(ctx, () => traceContext.run(logTrace, fn));
  } catch (error) {
    const outcome = outcomeOf(error);
    try {
      span.setAttribute(SpanAttributes.outcome, outcome);
      span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
    } catch {
      // The error matters, not the span.
    }
    throw error;
  } finally {
    try {
      span.end();
    } catch {
      // Ditto.
    }
  }
}

/** The order an event subject names, as a span attribute. */
export function orderIdOf(subject: string): Attributes {
  return subject.startsWith("order/") ? { [SpanAttributes.orderId]: subject.slice("order/".length) } : {};
}

/** The order a callable's input or answer names, as a span attribute (`npm run trace -- <orderId>` finds it). */
function orderAttribute(value: unknown): Attributes {
  const orderId = typeof value === "object" && value !== null ? (value as { orderId?: unknown }).orderId : undefined;
  return typeof orderId === "string" ? { [SpanAttributes.orderId]: orderId } : {};
}

/**
 * A callable handler in its span: it continues the caller's `traceparent`
 * header, or starts the trace when there is none (the Firebase web SDK sends
 * none). The span's outcome is "ok" or the HttpsError code.
 */
export function tracedCallable<T>(name: string, handler: (request: CallableRequest<unknown>) => Promise<T>): (request: CallableRequest<unknown>) => Promise<T> {
  return (request) => {
    const header = request.rawRequest?.headers?.traceparent;
    return inSpan(
      `callable ${name}`,
      { parent: typeof header === "string" ? header : null, attributes: { [SpanAttributes.operation]: name, ...orderAttribute(request.data) } },
      async () => {
        const result = await handler(request);
        annotateSpan({ [SpanAttributes.outcome]: "ok", ...orderAttribute(result) });
        return result;
      },
      (error) => (error instanceof HttpsError ? error.code : "internal"),
    );
  };
}
