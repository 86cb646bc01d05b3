import { InsteadLabels, NeedByLabels, type Instead, type NeedBy } from "@showroom/model";
import { useMayAskSiteQuestion } from "../api/site-question";
import { QuestionCard } from "./question-card";

const prompts = [
  { name: "needBy", legend: "How soon do you need it?", options: NeedByLabels },
  { name: "instead", legend: "What would you buy instead?", options: InsteadLabels },
];

/** On a sold-out or backorder page: what the visitor would have bought, for the console's reorder view. */
export function SoldOutQuestion({ sku }: { sku: string }) {
  if (!useMayAskSiteQuestion()) return null;
  return (
    <QuestionCard
      question="sold-out"
      title="Help us restock"
      prompts={prompts}
      toInput={({ needBy, instead }) =>
        needBy || instead
          ? { kind: "sold-out", sku, ...(needBy ? { needBy: needBy as NeedBy } : {}), ...(instead ? { instead: instead as Instead } : {}) }
          : null
      }
    />
  );
}
