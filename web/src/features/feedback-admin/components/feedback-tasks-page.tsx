import { Link } from "react-router";
import { ErrorNote, Loading } from "../../../components/ui/status";
import { markTaskDone, useOpenTasks } from "../api/use-feedback";
import { ACTIONS, AdminTable } from "../../../components/admin/ui";

const reasonText = { detractor: "Detractor", mismatch: "Doesn’t match the photos" } as const;

/** Open follow-up tasks, live: a detractor or "doesn't match" answer appears here within seconds. */
export function FeedbackTasksPage() {
  const tasks = useOpenTasks();
  if (tasks.status === "loading") return <Loading />;
  if (tasks.status === "error") return <ErrorNote>We couldn’t load the follow-up tasks.</ErrorNote>;
  return (
    <section aria-labelledby="tasks-title">
      <h1 id="tasks-title">Feedback follow-up</h1>
      {tasks.data.length === 0 ? (
        <p>No open tasks.</p>
      ) : (
        <AdminTable label="Follow-up tasks" columns={["Order", "Why", "NPS", "SKUs", ACTIONS]}>
          {tasks.data.map((t) => (
            <tr key={t.id}>
              <td>
                <Link to={`/admin/orders/${t.orderId}`}>{t.orderId}</Link>
              </td>
              <td>{t.reasons.map((r) => reasonText[r]).join(", ")}</td>
              <td>{t.nps ?? "—"}</td>
              <td>{t.mismatchedSkus.join(", ") || "—"}</td>
              <td>
                <button type="button" onClick={() => void markTaskDone(t.orderId)}>
                  Mark {t.orderId} done
                </button>
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
    </section>
  );
}
