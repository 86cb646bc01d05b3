/** The stock ledger, live: every movement, filterable; with a SKU chosen, its stock over time. */
import { useMemo } from "react";
import { Link } from "react-router";
import { collection, limit, orderBy, query, where } from "firebase/firestore";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Collections, LedgerReasonSchema, stockHistory } from "@showroom/model";
import { db } from "../../../lib/firebase";
import { useLiveQuery } from "../../../lib/live";
import { parseLedger } from "../../../lib/admin/api/docs";
import { useLogQuery } from "../api/use-log-query";
import { LogFilters, SelectField, TextFilter, useLogParams } from "../../../components/admin/filters";
import { formatTime, LiveTable, PageHeader, shortUid } from "../../../components/admin/ui";

const KEYS = ["sku", "actor", "reason"] as const;
/** One line colour per location, in the order the SKU's history first names them. */
const LOCATION_COLOURS = ["#16a34a", "#d97706", "#9333ea", "#0891b2", "#dc2626", "#4b5563"];

export function LedgerPage() {
  const [f, set] = useLogParams(KEYS);
  const reason = LedgerReasonSchema.safeParse(f.reason).data;
  const entries = useLogQuery(Collections.stockLedger, { equals: { sku: f.sku, actorUid: f.actor, reason }, from: f.from, to: f.to }, parseLedger);

  return (
    <>
      <PageHeader title="Stock ledger" />
      <LogFilters label="Filter the ledger" from={f.from} to={f.to} onChange={set}>
        <TextFilter label="SKU" value={f.sku} onChange={(v) => set("sku", v)} placeholder="Any SKU" upper />
        <TextFilter label="Actor (user id)" value={f.actor} onChange={(v) => set("actor", v)} placeholder="Anyone" />
        <SelectField
          label="Reason"
          value={f.reason}
          onChange={(e) => set("reason", e.target.value)}
          options={[{ value: "", label: "Any reason" }, ...LedgerReasonSchema.options.map((r) => ({ value: r }))]}
        />
      </LogFilters>
      {f.sku && <SkuHistory sku={f.sku} />}
      <LiveTable live={entries} empty="No movements match.">
        {(rows) => (
          <table className="admin-table" aria-label="Ledger entries">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">SKU</th>
                <th scope="col">Location</th>
                <th scope="col" className="num">
                  Change
                </th>
                <th scope="col" className="num">
                  Before → after
                </th>
                <th scope="col">Reason</th>
                <th scope="col">By</th>
                <th scope="col">Reference</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id}>
                  <td>{formatTime(e.atMs)}</td>
                  <td className="mono">
                    <Link to={`/admin/ledger?sku=${encodeURIComponent(e.sku)}`}>{e.sku}</Link>
                  </td>
                  <td>{e.location}</td>
                  <td className={`num ${e.delta < 0 ? "admin-error-text" : "admin-ok-text"}`}>{e.delta > 0 ? `+${e.delta}` : e.delta}</td>
                  <td className="num">
                    {e.before} → {e.after}
                  </td>
                  <td>{e.reason}</td>
                  <td className="mono">{shortUid(e.actorUid)}</td>
                  <td>
                    {e.orderId && <Link to={`/admin/orders/${e.orderId}`}>order {e.orderId}</Link>}
                    {e.receiptId && <span className="mono">{e.receiptId}</span>}
                    {e.note && <span className="admin-muted"> {e.note}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LiveTable>
    </>
  );
}

function SkuHistory({ sku }: { sku: string }) {
  const q = useMemo(() => query(collection(db, Collections.stockLedger), where("sku", "==", sku), orderBy("at", "desc"), limit(500)), [sku]);
  const entries = useLiveQuery(q, `history-${sku}`, parseLedger);
  const points = useMemo(() => (entries.status === "ready" ? stockHistory(entries.data) : []), [entries]);
  const codes = useMemo(() => [...new Set(entries.status === "ready" ? entries.data.map((e) => e.location) : [])], [entries]);
  // Keys prefixed, so a location named like a chart field ("at", "total") cannot collide with it.
  const data = points.map((p) => ({ at: p.atMs, total: p.onHand, ...Object.fromEntries(codes.map((c) => [`loc:${c}`, p.byLocation[c] ?? 0])) }));
  return (
    <section className="admin-card" aria-label={`Stock history of ${sku}`}>
      <h2>On hand over time · {sku}</h2>
      {points.length === 0 ? (
        <p className="admin-muted">No movements yet.</p>
      ) : (
        <div className="admin-chart">
          <ResponsiveContainer width="100%" height={220}>
            <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid stroke="#e5e7eb" vertical={false} />
              <XAxis
                dataKey="at"
                type="number"
                scale="time"
                domain={["dataMin", "dataMax"]}
                tickFormatter={(v: number) => new Date(v).toLocaleDateString("en-US", { month: "short", day: "numeric" })}
                fontSize={12}
              />
              <YAxis allowDecimals={false} fontSize={12} width={40} />
              <Tooltip labelFormatter={(v) => formatTime(Number(v))} />
              <Line type="stepAfter" dataKey="total" name="Total" stroke="#2563eb" strokeWidth={2} dot={false} isAnimationActive={false} />
              {codes.map((code, i) => (
                <Line
                  key={code}
                  type="stepAfter"
                  dataKey={`loc:${code}`}
                  name={code}
                  stroke={LOCATION_COLOURS[i % LOCATION_COLOURS.length]}
                  dot={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </section>
  );
}
