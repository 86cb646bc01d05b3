/**
 * The post-delivery survey (`/survey/:orderId`, `?t=` from the email link): NPS,
 * a 1–5 rating per line with "matches the photos?", and free text. The answer
 * goes to `submitFeedback`; nothing here writes Firestore.
 */
import "../feedback.css";
import { useEffect, useState } from "react";
import { useParams, useSearchParams } from "react-router";
import { FeedbackDifferences, MAX_FEEDBACK_COMMENT, type FeedbackDifference, type FeedbackLineInput, type OpenSurveyOutput } from "@showroom/model";
import { ErrorNote, Loading } from "../../../components/ui/status";
import { callError } from "../../../lib/callables";
import { openSurvey, submitFeedback } from "../api/survey";

type LineAnswer = { rating?: number; matchesPhotos?: boolean; differences: FeedbackDifference[] };

const problemText: Record<string, string> = {
  "invalid-link": "This survey link is not valid.",
  "link-expired": "This survey link has expired.",
  "not-your-order": "This survey belongs to another account. Open the link from your email instead.",
  "not-delivered": "This order has not been delivered yet.",
  "unknown-order": "We couldn’t find this order.",
  "already-answered": "You have already answered for this order.",
  "edit-window-closed": "Answers can only be changed for 14 days.",
};

function explain(error: unknown): string {
  const { code, details } = callError(error);
  if (code === "resource-exhausted") return "Too many answers in a short time. Please try again in a few minutes.";
  return problemText[String(details.reason)] ?? "Something went wrong. Please try again.";
}

export function SurveyPage() {
  const { orderId = "" } = useParams();
  const [search] = useSearchParams();
  const token = search.get("t") ?? undefined;
  const [survey, setSurvey] = useState<{ status: "loading" } | { status: "error"; message: string } | { status: "ready"; data: OpenSurveyOutput }>({
    status: "loading",
  });
  useEffect(() => {
    openSurvey({ orderId, ...(token ? { token } : {}) }).then(
      (data) => setSurvey({ status: "ready", data }),
      (error: unknown) => setSurvey({ status: "error", message: explain(error) }),
    );
  }, [orderId, token]);
  if (survey.status === "loading") return <Loading>Loading the survey…</Loading>;
  if (survey.status === "error") return <ErrorNote>{survey.message}</ErrorNote>;
  return <SurveyForm survey={survey.data} token={token} />;
}

function SurveyForm({ survey, token }: { survey: OpenSurveyOutput; token: string | undefined }) {
  const earlier = survey.answer;
  const [nps, setNps] = useState<number | undefined>(earlier?.nps);
  const [lines, setLines] = useState<Record<string, LineAnswer>>(() =>
    Object.fromEntries(
      survey.lines.map((l) => {
        const before = earlier?.lines.find((e) => e.sku === l.sku);
        return [
          l.sku,
          {
            ...(before?.rating ? { rating: before.rating } : {}),
            ...(before?.matchesPhotos === undefined ? {} : { matchesPhotos: before.matchesPhotos }),
            differences: before?.differences ?? [],
          },
        ];
      }),
    ),
  );
  const [comment, setComment] = useState(earlier?.comment ?? "");
  const [state, setState] = useState<{ kind: "idle" | "sending" | "done" } | { kind: "error"; message: string }>({ kind: "idle" });

  if (earlier && !survey.editable) return <p role="status">Thank you — your answer is in, and can no longer be changed.</p>;
  if (state.kind === "done") return <p role="status">Thank you for your answer!</p>;

  const setLine = (sku: string, patch: Partial<LineAnswer>) => setLines((all) => ({ ...all, [sku]: { ...all[sku]!, ...patch } }));
  const send = (e: React.FormEvent) => {
    e.preventDefault();
    const rated: FeedbackLineInput[] = Object.entries(lines).flatMap(([sku, l]) =>
      l.rating === undefined
        ? []
        : [
            {
              sku,
              rating: l.rating,
              ...(l.matchesPhotos === undefined ? {} : { matchesPhotos: l.matchesPhotos }),
              ...(l.matchesPhotos === false && l.differences.length > 0 ? { differences: l.differences } : {}),
            },
          ],
    );
    const text = comment.trim();
    setState({ kind: "sending" });
    submitFeedback({
      orderId: survey.orderId,
      ...(token ? { token } : {}),
      ...(nps === undefined ? {} : { nps }),
      ...(rated.length > 0 ? { lines: rated } : {}),
      ...(text ? { comment: text } : {}),
      ...(earlier ? { edit: true } : {}),
    }).then(
      () => setState({ kind: "done" }),
      (error: unknown) => setState({ kind: "error", message: explain(error) }),
    );
  };
  const nothing = nps === undefined && comment.trim() === "" && Object.values(lines).every((l) => l.rating === undefined);

  return (
    <form className="survey" onSubmit={send} aria-labelledby="survey-title">
      <h1 id="survey-title">How did your order turn out?</h1>
      <fieldset>
        <legend>How likely are you to recommend us to a friend? (0 = not at all, 10 = extremely)</legend>
        <div className="survey__scale">
          {Array.from({ length: 11 }, (_, n) => (
            <label key={n}>
              <input type="radio" name="nps" value={n} checked={nps === n} onChange={() => setNps(n)} />
              {n}
            </label>
          ))}
        </div>
      </fieldset>
      {survey.lines.map((line) => {
        const answer = lines[line.sku]!;
        return (
          <fieldset key={line.sku}>
            <legend>
              {line.name} ({line.label})
            </legend>
            <div className="survey__scale" role="radiogroup" aria-label={`Rating for ${line.name}`}>
              {[1, 2, 3, 4, 5].map((r) => (
                <label key={r}>
                  <input type="radio" name={`rating-${line.sku}`} checked={answer.rating === r} onChange={() => setLine(line.sku, { rating: r })} />
                  {r} ★
                </label>
              ))}
            </div>
            <div className="survey__scale" role="radiogroup" aria-label={`Does ${line.name} match the photos and description?`}>
              <label>
                <input
                  type="radio"
                  name={`match-${line.sku}`}
                  checked={answer.matchesPhotos === true}
                  onChange={() => setLine(line.sku, { matchesPhotos: true, differences: [] })}
                />
                Matches the photos
              </label>
              <label>
                <input
                  type="radio"
                  name={`match-${line.sku}`}
                  checked={answer.matchesPhotos === false}
                  onChange={() => setLine(line.sku, { matchesPhotos: false })}
                />
                Doesn’t match
              </label>
            </div>
            {answer.matchesPhotos === false && (
              <div className="survey__scale" role="group" aria-label={`What differed for ${line.name}?`}>
                {FeedbackDifferences.map((d) => (
                  <label key={d}>
                    <input
                      type="checkbox"
                      checked={answer.differences.includes(d)}
                      onChange={(e) =>
                        setLine(line.sku, { differences: e.target.checked ? [...answer.differences, d] : answer.differences.filter((x) => x !== d) })
                      }
                    />
                    {d}
                  </label>
                ))}
              </div>
            )}
          </fieldset>
        );
      })}
      <label className="survey__comment">
        Anything else?
        <textarea value={comment} maxLength={MAX_FEEDBACK_COMMENT} rows={4} onChange={(e) => setComment(e.target.value)} />
      </label>
      {state.kind === "error" && <ErrorNote>{state.message}</ErrorNote>}
      <button type="submit" className="button button--primary" disabled={state.kind === "sending" || nothing}>
        {earlier ? "Update my answer" : "Send my answer"}
      </button>
    </form>
  );
}
