/**
 * Health at a glance (docs/operations.md, "Live health"): tiles over the last
 * few minutes and charts of the last hour, live from the functions' per-minute
 * documents; holds, event lag and failing webhook endpoints from the
 * `operationsHealth` callable; open alerts from a live query.
 */
import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { healthTiles, OPS_TILE_MINUTES, quantileFromBuckets, type MinuteTotals } from "@showroom/model";
import { useNow } from "../../../lib/use-now";
import { useUnresolvedAlerts } from "../api/use-alerts";
import { useMinuteSeries } from "../api/use-ops-minutes";
import { useOperationsHealth } from "../api/use-operations-health";

const PENDING = "…";

function Tile({ label, value, detail, tone }: { label: string; value: string; detail?: string; tone?: "bad" }) {
  return (
    <div className={tone === "bad" ? "admin-kpi admin-kpi--out" : "admin-kpi"} role="group" aria-label={label}>
      <span className="admin-kpi__value">{value}</span>
      <span className="admin-kpi__label">{label}</span>
      {detail && <span className="admin-muted">{detail}</span>}
    </div>
  );
}

const perMinute = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const clock = (ms: number) => new Date(ms).toLocaleTimeString("en-US", { hour: "2-digit", minute: "2-digit", hour12: false });

function formatAge(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 60 * 60_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

/** The chart rows: one per minute, p95 null where a minute had no answers (a gap in the line). */
function chartRows(series: MinuteTotals[]) {
  return series.map((m) => ({ minute: m.minuteMs, orders: m.orders, errors: m.failed, p95: quantileFromBuckets(m.latencyMs, 0.95) }));
}

export function HealthSection() {
  const now = useNow(10_000);
  const series = useMinuteSeries(now);
  const health = useOperationsHealth();
  const alerts = useUnresolvedAlerts();
  const minutes = series.status === "ready" ? series.data : null;
  const tiles = useMemo(() => (minutes ? healthTiles(minutes) : null), [minutes]);
  const rows = useMemo(() => (minutes ? chartRows(minutes) : []), [minutes]);
  const checked = health.status === "ready" ? health.data : null;
  const open = alerts.status === "ready" ? alerts.data.filter((a) => a.status === "open").length : null;
  const acknowledged = alerts.status === "ready" ? alerts.data.length - (open ?? 0) : 0;
  const tileWindow = `last ${OPS_TILE_MINUTES} min`;

  return (
    <section aria-labelledby="health-heading">
      <h2 id="health-heading">Health</h2>
      <div className="admin-kpis">
        <Tile label="Orders / min" value={tiles ? perMinute(tiles.ordersPerMinute) : PENDING} detail={tileWindow} />
        <Tile
          label="Errors / min"
          value={tiles ? perMinute(tiles.errorsPerMinute) : PENDING}
          detail={tileWindow}
          tone={tiles && tiles.errorsPerMinute > 0 ? "bad" : undefined}
        />
        <Tile
          label="p95 latency"
          value={!tiles ? PENDING : tiles.p95Ms === null ? "—" : `${Math.round(tiles.p95Ms)} ms`}
          detail={tiles?.p95Ms === null ? "no calls" : `all callables, ${tileWindow}`}
        />
        <Tile label="Holds active" value={checked ? String(checked.holdsActive) : PENDING} />
        <Tile
          label="Event lag"
          value={!checked ? PENDING : checked.oldestUnpublishedAgeMs === null ? "0 s" : formatAge(checked.oldestUnpublishedAgeMs)}
          detail={checked ? `${checked.unpublishedEvents} unpublished` : undefined}
          tone={checked && checked.oldestUnpublishedAgeMs !== null && checked.oldestUnpublishedAgeMs > 60_000 ? "bad" : undefined}
        />
        <Tile
          label="Failing endpoints"
          value={checked ? String(checked.failingEndpoints.count) : PENDING}
          detail={checked?.failingEndpoints.endpoints.map((e) => `${e.label}${e.enabled ? "" : " (disabled)"}`).join(", ") || undefined}
          tone={checked && checked.failingEndpoints.count > 0 ? "bad" : undefined}
        />
        <Tile
          label="Open alerts"
          value={open === null ? PENDING : String(open)}
          detail={acknowledged > 0 ? `${acknowledged} acknowledged` : undefined}
          tone={open ? "bad" : undefined}
        />
      </div>
      {series.status === "error" && <p className="admin-error">Could not load the minute counts: {series.error.message}</p>}
      {health.status === "error" && <p className="admin-error">Could not load holds, events and webhooks: {health.error.message}</p>}
      <div className="admin-grid-2">
        <section className="admin-card" aria-labelledby="per-minute-heading">
          <h3 id="per-minute-heading">Orders and errors per minute, last hour</h3>
          <div className="admin-chart">
            <ResponsiveContainer width="100%" height={200}>
              <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                <CartesianGrid stroke="#e5e7eb" vertical={false} />
                <XAxis dataKey="minute" tickFormatter={clock} fontSize={12} minTickGap={24} />
                <YAxis allowDecimals={false} fontSize={12} />
                <Tooltip labelFormatter={(m) => clock(Number(m))} />
                <Legend />
                <Bar dataKey="orders" name="Orders" fill="#2563eb" isAnimationActive={false} />
                <Bar dataKey="errors" name="Errors" fill="#dc2626" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </section>
        <section className="admin-card" aria-labelledby="latency-heading">
          <h3 id="latency-heading">p95 callable latency (ms), last hour</h3>
          <div className="admin-chart">
            <ResponsiveContainer width="100%" height={200}>
              <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
                <CartesianGrid stroke="#e5e7eb" vertical={false} />
                <XAxis dataKey="minute" tickFormatter={clock} fontSize={12} minTickGap={24} />
                <YAxis fontSize={12} />
                <Tooltip labelFormatter={(m) => clock(Number(m))} formatter={(v) => `${Math.round(Number(v))} ms`} />
                <Line dataKey="p95" name="p95" stroke="#7c3aed" dot={false} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </section>
      </div>
    </section>
  );
}
