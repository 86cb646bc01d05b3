import { Link } from "react-router";
import { useSurveyPrompts } from "../api/survey-prompts";

/** "How did your order turn out?" in the account, one line per delivered order awaiting an answer. */
export function SurveyPrompts({ uid }: { uid: string }) {
  const prompts = useSurveyPrompts(uid);
  if (prompts.length === 0) return null;
  return (
    <section className="notice" aria-labelledby="survey-prompts">
      <h2 id="survey-prompts">How did your order turn out?</h2>
      <ul>
        {prompts.map((p) => (
          <li key={p.orderId}>
            <Link to={`/survey/${p.orderId}`}>Tell us about order {p.orderId}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
