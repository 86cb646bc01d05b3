/** The audit log, live: who did what to which record, filterable by actor, action, target and time. */
import { Collections } from "@showroom/model";
import { parseAudit } from "../../../lib/admin/api/docs";
import { useLogQuery } from "../api/use-log-query";
import { LogFilters, SelectField, TextFilter, useLogParams } from "../../../components/admin/filters";
import { AdminTable, formatTime, LiveTable, PageHeader, shortUid } from "../../../components/admin/ui";

const KEYS = ["actor", "action", "target"] as const;
/** Actions the functions write today; the field also accepts any other. */
const KNOWN_ACTIONS = [
  "stock.adjust",
  "stock.receive",
  "order.status",
  "order.cancel",
  "product.create",
  "product.update",
  "product.active",
  "role.set",
  "customer.lookup",
  "customer.erase",
  "customer.profile.create",
  "customer.profile.update",
];

const summary = (value: unknown) => (value === undefined ? "" : JSON.stringify(value));

export function AuditPage() {
  const [f, set] = useLogParams(KEYS);
  const entries = useLogQuery(
    Collections.auditLog,
    { equals: { actorUid: f.actor, action: f.action, "target.id": f.target }, from: f.from, to: f.to },
    parseAudit,
  );

  return (
    <>
      <PageHeader title="Audit log" />
      <LogFilters label="Filter the audit log" from={f.from} to={f.to} onChange={set}>
        <TextFilter label="Actor (user id)" value={f.actor} onChange={(v) => set("actor", v)} placeholder="Anyone" />
        <SelectField
          label="Action"
          value={f.action}
          onChange={(e) => set("action", e.target.value)}
          options={[{ value: "", label: "Any action" }, ...KNOWN_ACTIONS.map((a) => ({ value: a }))]}
        />
        <TextFilter label="Target (SKU, order, user…)" value={f.target} onChange={(v) => set("target", v)} placeholder="Any record" />
      </LogFilters>
      <LiveTable live={entries} empty="No audit entries match.">
        {(rows) => (
          <AdminTable label="Audit entries" columns={["When", "Actor", "Action", "Target", "Before", "After", "Note"]}>
            {rows.map((e) => (
              <tr key={e.id}>
                <td>{formatTime(e.atMs)}</td>
                <td>
                  <button type="button" className="admin-link mono" onClick={() => set("actor", e.actorUid)} title={e.actorUid}>
                    {shortUid(e.actorUid)}
                  </button>{" "}
                  <span className="admin-muted">{e.actorRole ?? ""}</span>
                </td>
                <td>{e.action}</td>
                <td className="mono">
                  {e.target.kind}/{e.target.id}
                </td>
                <td className="admin-json">{summary(e.before)}</td>
                <td className="admin-json">{summary(e.after)}</td>
                <td>{e.note ?? ""}</td>
              </tr>
            ))}
          </AdminTable>
        )}
      </LiveTable>
    </>
  );
}
