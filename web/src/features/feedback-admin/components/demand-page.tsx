/**
 * Demand: what sold-out pages tell a buyer. Per SKU, how many visitors
 * answered the sold-out question and what they said (how soon they need it,
 * what they would buy instead) next to the back-in-stock subscriptions and
 * today's availability, most wanted first; and where buyers heard of us.
 */
import { useState } from "react";
import { HeardFromLabels, InsteadLabels, NeedByLabels, type DemandRow } from "@showroom/model";
import { ErrorNote, Loading } from "../../../components/ui/status";
import { useDemandReport } from "../api/use-demand";

/** "Within 2 weeks 3 · No rush 1", in the order the question offers them. */
function breakdown(counts: Partial<Record<string, number>>, labels: Record<string, string>): string {
  const parts = Object.entries(labels).flatMap(([key, label]) => (counts[key] ? [`${label} ${counts[key]}`] : []));
  return parts.length > 0 ? parts.join(" · ") : "—";
}

function DemandTable({ rows }: { rows: DemandRow[] }) {
  if (rows.length === 0) return <p>Nothing is sold out, and nobody has asked about a sold-out piece.</p>;
  return (
    <table aria-label="Demand per SKU">
      <thead>
        <tr>
          <th scope="col">SKU</th>
          <th scope="col">Status</th>
          <th scope="col">Available</th>
          <th scope="col">Answers</th>
          <th scope="col">Needed</th>
          <th scope="col">Would buy instead</th>
          <th scope="col">Back-in-stock subscribers</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.sku}>
            <th scope="row">{r.sku}</th>
            <td>{r.status ?? "—"}</td>
            <td>{r.available ?? "—"}</td>
            <td>{r.answers}</td>
            <td>{breakdown(r.needBy, NeedByLabels)}</td>
            <td>{breakdown(r.instead, InsteadLabels)}</td>
            <td>{r.subscribers}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DemandPage() {
  const [generation, setGeneration] = useState(0);
  const report = useDemandReport(generation);
  return (
    <section aria-labelledby="demand-title" className="feedback-results">
      <h1 id="demand-title">Demand</h1>
      <p className="muted">Sold-out and backorder SKUs and the ones visitors asked about, with their back-in-stock subscriptions: what to reorder first.</p>
      <button type="button" className="button" onClick={() => setGeneration(generation + 1)}>
        Refresh
      </button>
      {report.status === "loading" && <Loading />}
      {report.status === "error" && <ErrorNote>We couldn’t load the demand report.</ErrorNote>}
      {report.status === "ready" && (
        <>
          <DemandTable rows={report.data.rows} />
          <h2>How did you hear about us?</h2>
          <p className="muted">{report.data.heardAboutUs.answers} answers after checkout.</p>
          <ul aria-label="How buyers heard about us">
            {Object.entries(HeardFromLabels).map(([key, label]) => (
              <li key={key}>
                {label}: {report.data.heardAboutUs.sources[key as keyof typeof HeardFromLabels] ?? 0}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
