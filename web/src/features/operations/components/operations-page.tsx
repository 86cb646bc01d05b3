/**
 * Operations: live health (health-section.tsx), then stock-drift alerts, live (open first), with Acknowledge and
 * Resolve for staff, and "Check now" (the full reconcile) for admins. The
 * scheduled reconcile's last run shows when the store was last checked.
 */
import { useState } from "react";
import { AdminTable, formatTime, LiveTable, PageHeader, shortUid } from "../../../components/admin/ui";
import { acknowledgeAlert, operationsErrorMessage, resolveAlert, runReconcile } from "../api/alert-callables";
import { useAlerts, useReconcileRecord, type AlertRow } from "../api/use-alerts";
import { HealthSection } from "./health-section";

type Message = { ok: boolean; text: string } | null;

const statusWords: Record<AlertRow["status"], string> = { open: "Open", acknowledged: "Acknowledged", resolved: "Resolved" };

function LastCheck() {
  const record = useReconcileRecord();
  if (record.status !== "ready" || !record.data?.lastRunAt) return <p className="admin-muted">No reconcile has run yet.</p>;
  const { lastRunAt, lastRun } = record.data;
  return (
    <p className="admin-muted" data-testid="last-check">
      Last check {formatTime(lastRunAt)}
      {lastRun && ` (${lastRun.trigger === "schedule" ? "scheduled" : "check now"}): ${lastRun.checked} SKUs, ${lastRun.drift} with drift`}
    </p>
  );
}

function AlertActions({ alert, onMessage }: { alert: AlertRow; onMessage: (m: Message) => void }) {
  const [busy, setBusy] = useState(false);
  async function act(action: "acknowledge" | "resolve") {
    setBusy(true);
    try {
      if (action === "acknowledge") await acknowledgeAlert({ alertId: alert.id });
      else await resolveAlert({ alertId: alert.id });
      onMessage({ ok: true, text: `${alert.sku}: ${action === "acknowledge" ? "acknowledged" : "resolved"}.` });
    } catch (error) {
      onMessage({ ok: false, text: operationsErrorMessage(error) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="admin-row">
      {alert.status === "open" && (
        <button type="button" disabled={busy} onClick={() => void act("acknowledge")}>
          Acknowledge
        </button>
      )}
      {alert.status !== "resolved" && (
        <button type="button" disabled={busy} onClick={() => void act("resolve")}>
          Resolve
        </button>
      )}
    </div>
  );
}

function who(alert: AlertRow): string {
  if (alert.resolvedBy) return `Resolved by ${shortUid(alert.resolvedBy)}`;
  if (alert.acknowledgedBy) return `Acknowledged by ${shortUid(alert.acknowledgedBy)}`;
  return "—";
}

export function OperationsPage({ isAdmin }: { isAdmin: boolean }) {
  const alerts = useAlerts();
  const [message, setMessage] = useState<Message>(null);
  const [checking, setChecking] = useState(false);

  async function checkNow() {
    setChecking(true);
    setMessage(null);
    try {
      const { checked, drift, opened } = await runReconcile({});
      setMessage({ ok: true, text: `Checked ${checked} SKUs: ${drift} with drift, ${opened} new alerts.` });
    } catch (error) {
      setMessage({ ok: false, text: operationsErrorMessage(error) });
    } finally {
      setChecking(false);
    }
  }

  return (
    <>
      <PageHeader title="Operations">
        {isAdmin && (
          <button type="button" disabled={checking} onClick={() => void checkNow()}>
            {checking ? "Checking…" : "Check now"}
          </button>
        )}
      </PageHeader>
      <LastCheck />
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "admin-ok" : "admin-error"}>
          {message.text}
        </p>
      )}
      <HealthSection />
      <h2>Alerts</h2>
      <LiveTable live={alerts} empty="No alerts: stock reconciles.">
        {(rows) => (
          <AdminTable label="Alerts" columns={["SKU", "Status", "Problems", "Opened", "Last seen", "Handled", "Actions"]}>
            {rows.map((alert) => (
              <tr key={alert.id} data-status={alert.status}>
                <th scope="row">{alert.sku}</th>
                <td>{statusWords[alert.status]}</td>
                <td>
                  <ul className="admin-plain-list">
                    {alert.problems.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                </td>
                <td>{formatTime(alert.openedAt)}</td>
                <td>
                  {formatTime(alert.lastSeenAt)} ({alert.seenCount}×)
                </td>
                <td>{who(alert)}</td>
                <td>
                  <AlertActions alert={alert} onMessage={setMessage} />
                </td>
              </tr>
            ))}
          </AdminTable>
        )}
      </LiveTable>
    </>
  );
}
