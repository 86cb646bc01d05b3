/** The callables behind the Operations page, typed by the contract in `@showroom/model`. */
import { AcknowledgeAlertOutputSchema, ResolveAlertOutputSchema, RunReconcileOutputSchema, type RunReconcileOutput } from "@showroom/model";
import { callable, callError } from "../../../lib/callables";

export const runReconcile = callable<Record<string, never>, RunReconcileOutput>("runReconcile", RunReconcileOutputSchema);
export const acknowledgeAlert = callable<{ alertId: string }, ReturnType<typeof AcknowledgeAlertOutputSchema.parse>>(
  "acknowledgeAlert",
  AcknowledgeAlertOutputSchema,
);
export const resolveAlert = callable<{ alertId: string; note?: string }, ReturnType<typeof ResolveAlertOutputSchema.parse>>(
  "resolveAlert",
  ResolveAlertOutputSchema,
);

export function operationsErrorMessage(error: unknown): string {
  const { code } = callError(error);
  if (code === "permission-denied") return "Only admins can run the check; staff can acknowledge and resolve.";
  if (code === "failed-precondition") return "Someone else already changed that alert.";
  if (code === "not-found") return "That alert no longer exists.";
  return "Something went wrong. Please try again.";
}
