import { HeardFromLabels, type HeardFrom } from "@showroom/model";
import { useMayAskSiteQuestion } from "../api/site-question";
import { QuestionCard } from "./question-card";

const prompts = [{ name: "source", legend: "How did you hear about us?", options: HeardFromLabels }];

/** After checkout, on the order's confirmation: where the buyer found the store. */
export function HeardAboutUsQuestion({ orderId }: { orderId: string }) {
  if (!useMayAskSiteQuestion()) return null;
  return (
    <QuestionCard
      question="heard-about-us"
      title="One quick question"
      prompts={prompts}
      toInput={({ source }) => (source ? { kind: "heard-about-us", orderId, source: source as HeardFrom } : null)}
    />
  );
}
