/** The survey's two callables, typed from the model's contract. */
import {
  OpenSurveyOutputSchema,
  SubmitFeedbackOutputSchema,
  type OpenSurveyInput,
  type OpenSurveyOutput,
  type SubmitFeedbackInput,
  type SubmitFeedbackOutput,
} from "@showroom/model";
import { callable } from "../../../lib/callables";
import { ensureShopper } from "../../../lib/auth";

const open = callable<OpenSurveyInput, OpenSurveyOutput>("openSurvey", OpenSurveyOutputSchema);
const submit = callable<SubmitFeedbackInput, SubmitFeedbackOutput>("submitFeedback", SubmitFeedbackOutputSchema);

/** A link works without an account: a guest session is enough to call with the token. */
export async function openSurvey(input: OpenSurveyInput): Promise<OpenSurveyOutput> {
  await ensureShopper();
  return open(input);
}

export async function submitFeedback(input: SubmitFeedbackInput): Promise<SubmitFeedbackOutput> {
  await ensureShopper();
  return submit(input);
}
