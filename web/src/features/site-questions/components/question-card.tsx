/**
 * One short on-site question: a few choices per prompt, "Send" and "Not now".
 * It sits beside the page's own actions and never blocks them; after either
 * button it thanks the visitor and stays out of the way.
 */
import { useState } from "react";
import { callError } from "../../../lib/callables";
import { answerSiteQuestion } from "../api/site-question";
import type { AnswerSiteQuestionInput, SiteQuestion } from "@showroom/model";

export interface Prompt {
  name: string;
  legend: string;
  options: Record<string, string>;
}

interface Props {
  question: SiteQuestion;
  title: string;
  prompts: Prompt[];
  /** The answer to send for the chosen values (`name` → option key), or null until enough is chosen. */
  toInput: (chosen: Record<string, string>) => AnswerSiteQuestionInput | null;
}

export function QuestionCard({ question, title, prompts, toInput }: Props) {
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [state, setState] = useState<"open" | "sending" | "thanked" | "dismissed" | "failed">("open");
  const input = toInput(chosen);

  const send = async (what: AnswerSiteQuestionInput) => {
    setState("sending");
    try {
      await answerSiteQuestion(what);
      setState(what.kind === "dismissed" ? "dismissed" : "thanked");
    } catch (error) {
      // Asked recently on another tab or device: nothing to show, just step aside.
      setState(callError(error).details.reason === "asked-recently" ? "dismissed" : "failed");
    }
  };

  if (state === "dismissed") return null;
  if (state === "thanked") {
    return (
      <p role="status" className="site-question site-question--done">
        Thank you — that helps us decide what to stock.
      </p>
    );
  }
  return (
    <form
      className="site-question"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        if (input) void send(input);
      }}
    >
      <h2 className="site-question__title">{title}</h2>
      {prompts.map((p) => (
        <fieldset key={p.name}>
          <legend>{p.legend}</legend>
          {Object.entries(p.options).map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name={`${question}-${p.name}`}
                value={value}
                checked={chosen[p.name] === value}
                onChange={() => setChosen({ ...chosen, [p.name]: value })}
              />{" "}
              {label}
            </label>
          ))}
        </fieldset>
      ))}
      {state === "failed" && <p className="muted">We couldn’t send that. You can try again, or carry on shopping.</p>}
      <div className="site-question__actions">
        <button type="submit" className="button" disabled={!input || state === "sending"}>
          Send
        </button>
        <button type="button" className="button" disabled={state === "sending"} onClick={() => void send({ kind: "dismissed", question })}>
          Not now
        </button>
      </div>
    </form>
  );
}
