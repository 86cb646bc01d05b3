/**
 * `npm run trace`'s pure part: picks one request's spans out of the emulator's
 * trace file and draws them as a waterfall (indented span names, start offset,
 * duration, a bar on a shared time axis).
 */
import { SpanAttributes, type SpanRecord } from "../../functions/src/operations/span-record.js";

const TRACE_ID = /^[0-9a-f]{32}$/;

/**
 * The spans of the traces `query` names — a trace id, or an order id (the
 * `showroom.order_id` attribute) — plus the traces of spans that link to
 * them: a stock batch serves many requests and has its own trace.
 */
export function selectTrace(spans: readonly SpanRecord[], query: string): SpanRecord[] {
  const traces = new Set(TRACE_ID.test(query) ? [query] : spans.filter((s) => s.attributes[SpanAttributes.orderId] === query).map((s) => s.traceId));
  const linked = spans.filter((s) => s.links.some((link) => traces.has(link.traceId))).map((s) => s.traceId);
  const shown = new Set([...traces, ...linked]);
  return spans.filter((s) => shown.has(s.traceId));
}

interface Row {
  span: SpanRecord;
  depth: number;
  linked: boolean;
}

/**
 * Parent before children, children by start time. A span of another trace
 * that links to a shown span sits under the first one it links to.
 */
function rows(spans: readonly SpanRecord[]): Row[] {
  const ids = new Set(spans.map((s) => s.spanId));
  const parentOf = (s: SpanRecord): { parent: string | null; linked: boolean } => {
    if (s.parentSpanId && ids.has(s.parentSpanId)) return { parent: s.parentSpanId, linked: false };
    const link = s.links.find((l) => ids.has(l.spanId) && l.spanId !== s.spanId);
    return link ? { parent: link.spanId, linked: true } : { parent: null, linked: false };
  };
  const children = new Map<string | null, { span: SpanRecord; linked: boolean }[]>();
  for (const span of [...spans].sort((a, b) => a.startMs - b.startMs)) {
    const { parent, linked } = parentOf(span);
    children.set(parent, [...(children.get(parent) ?? []), { span, linked }]);
  }
  const out: Row[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const { span, linked } of children.get(parent) ?? []) {
      if (seen.has(span.spanId)) continue;
      seen.add(span.spanId);
      out.push({ span, depth, linked });
      visit(span.spanId, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** The attributes worth a glance on one line: `showroom.*` ones but the (long) list of trace ids. */
function label(row: Row): string {
  const facts = Object.entries(row.span.attributes)
    .filter(([key]) => key.startsWith("showroom.") && key !== SpanAttributes.traceIds)
    .map(([key, value]) => `${key.slice("showroom.".length)}=${String(value)}`);
  const name = `${"  ".repeat(row.depth)}${row.linked ? "↪ " : ""}${row.span.name}${row.span.ok ? "" : " ✗"}`;
  return facts.length ? `${name} (${facts.join(", ")})` : name;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
/** Wide enough for "+99999.9 ms": a trace through the relay and Pub/Sub can take a minute on a busy emulator. */
const COLUMN = 12;

/** The waterfall as text lines; `width` is the bar's width in characters. */
export function formatWaterfall(spans: readonly SpanRecord[], width = 40): string[] {
  if (spans.length === 0) return [];
  const start = Math.min(...spans.map((s) => s.startMs));
  const end = Math.max(...spans.map((s) => s.startMs + s.durationMs));
  const scale = width / Math.max(end - start, 1e-9);
  const all = rows(spans);
  const labels = all.map(label);
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const traceIds = [...new Set(all.map(({ span }) => span.traceId))];
  const header = [`trace ${traceIds.join(", ")} — ${spans.length} spans, ${ms(end - start)}`, `${"start".padStart(COLUMN)} ${"took".padStart(COLUMN)}  span`];
  return [
    ...header,
    ...all.map(({ span }, i) => {
      const from = Math.min(width - 1, Math.floor((span.startMs - start) * scale));
      const length = Math.max(1, Math.min(width - from, Math.round(span.durationMs * scale)));
      const bar = `|${" ".repeat(from)}${"█".repeat(length)}${" ".repeat(width - from - length)}|`;
      return `${("+" + ms(span.startMs - start)).padStart(COLUMN)} ${ms(span.durationMs).padStart(COLUMN)}  ${labels[i]!.padEnd(labelWidth)}  ${bar}`;
    }),
  ];
}
