/**
 * Survey results: NPS per week and the most common differences over the
 * latest answers, per-product rating and "matches the photos" rate from the
 * server-kept `productRatings`, and the answers themselves with filters.
 * Free text is rendered as text (React escapes it), never as HTML.
 */
import { useState } from "react";
import { commonDifferences, npsByWeek } from "@showroom/model";
import { ErrorNote, Loading } from "../../../components/ui/status";
import { RESULTS_PAGE, useProductRatings, useRecentAnswers, type AnswerRow } from "../api/use-feedback";
import { AdminTable } from "../../../components/admin/ui";

interface Filters {
  product: string;
  maxNps: string;
  since: string;
}

function matches(a: AnswerRow, f: Filters): boolean {
  if (f.product && !a.lines.some((l) => l.productId === f.product || l.sku === f.product)) return false;
  if (f.maxNps !== "" && (a.nps === undefined || a.nps > Number(f.maxNps))) return false;
  if (f.since && a.submittedAtMs < Date.parse(f.since)) return false;
  return true;
}

export function FeedbackResultsPage() {
  const answers = useRecentAnswers();
  const ratings = useProductRatings();
  const [filters, setFilters] = useState<Filters>({ product: "", maxNps: "", since: "" });
  if (answers.status === "loading" || ratings.status === "loading") return <Loading />;
  if (answers.status === "error" || ratings.status === "error") return <ErrorNote>We couldn’t load the survey results.</ErrorNote>;
  const shown = answers.data.filter((a) => matches(a, filters));
  const set = (key: keyof Filters) => (e: React.ChangeEvent<HTMLInputElement>) => setFilters({ ...filters, [key]: e.target.value });

  return (
    <section aria-labelledby="results-title" className="feedback-results">
      <h1 id="results-title">Survey results</h1>
      <p className="muted">The latest {RESULTS_PAGE} answers; ratings per product are kept by the server over every answer.</p>

      <h2>NPS per week</h2>
      <AdminTable label="NPS per week" columns={["Week of", "NPS", "Answers"]}>
        {npsByWeek(answers.data).map((w) => (
          <tr key={w.week}>
            <td>{w.week}</td>
            <td>{w.nps}</td>
            <td>{w.answers}</td>
          </tr>
        ))}
      </AdminTable>

      <h2>Products</h2>
      <AdminTable label="Product ratings" columns={["Product", "Rating", "Ratings", "Matches the photos"]}>
        {ratings.data.map((r) => (
          <tr key={r.id}>
            <td>{r.id}</td>
            <td>{r.average.toFixed(1)}</td>
            <td>{r.count}</td>
            <td>{r.matchesPhotosRate === undefined ? `${r.matchYes}/${r.matchAnswers}` : `${Math.round(r.matchesPhotosRate * 100)}%`}</td>
          </tr>
        ))}
      </AdminTable>

      <h2>Most common differences</h2>
      <ul aria-label="Most common differences">
        {commonDifferences(answers.data.flatMap((a) => a.lines)).map((d) => (
          <li key={d.difference}>
            {d.difference}: {d.count}
          </li>
        ))}
      </ul>

      <h2>Answers</h2>
      <div className="filters">
        <label>
          Product or SKU <input value={filters.product} onChange={set("product")} />
        </label>
        <label>
          NPS at most <input type="number" min={0} max={10} value={filters.maxNps} onChange={set("maxNps")} />
        </label>
        <label>
          Since <input type="date" value={filters.since} onChange={set("since")} />
        </label>
      </div>
      <AdminTable label="Answers" columns={["Date", "Order", "NPS", "Ratings", "Comment"]}>
        {shown.map((a) => (
          <tr key={a.id}>
            <td>{new Date(a.submittedAtMs).toISOString().slice(0, 10)}</td>
            <td>{a.orderId}</td>
            <td>{a.nps ?? "—"}</td>
            <td>
              {a.lines.map((l) => `${l.sku} ${l.rating}★${l.matchesPhotos === false ? ` ≠ ${(l.differences ?? []).join("/") || "photos"}` : ""}`).join("; ")}
            </td>
            <td className="comment">{a.comment ?? ""}</td>
          </tr>
        ))}
      </AdminTable>
    </section>
  );
}
