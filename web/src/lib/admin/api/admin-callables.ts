/** The staff console's callables, typed and checked by the model's callable registry. */
import { callableOutputSchema, type CallableInput, type CallableName, type CallableOutput } from "@showroom/model";
import { callable, callError } from "../../../lib/callables";

const registered = <N extends CallableName>(name: N) => callable<CallableInput<N>, CallableOutput<N>>(name, callableOutputSchema(name));

export const adjustStock = registered("adjustStock");
export const receiveShipment = registered("receiveShipment");
export const updateOrderStatus = registered("updateOrderStatus");
export const cancelOrder = registered("cancelOrder");
export const upsertProduct = registered("upsertProduct");
export const setProductActive = registered("setProductActive");
export const lookupCustomer = registered("lookupCustomer");
export const listStaff = registered("listStaff");
export const setUserRole = registered("setUserRole");

/** A callable's failure in words staff can act on. */
export function staffErrorMessage(error: unknown): string {
  const { code, details } = callError(error);
  const message = error instanceof Error ? error.message : "";
  switch (code) {
    case "permission-denied":
      return "You are not allowed to do that.";
    case "unauthenticated":
      return "Your session ended. Sign in again.";
    case "invalid-argument":
    case "not-found":
    case "failed-precondition":
      return message || `Refused (${code}${typeof details.reason === "string" ? `: ${details.reason}` : ""}).`;
    default:
      return "Something went wrong. Please try again.";
  }
}
