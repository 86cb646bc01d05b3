/** The staff console's callables, typed from the contract. */
import {
  AdjustStockOutputSchema,
  CancelOrderOutputSchema,
  ListStaffOutputSchema,
  LookupCustomerOutputSchema,
  ReceiveShipmentOutputSchema,
  SetProductActiveOutputSchema,
  SetUserRoleOutputSchema,
  UpdateOrderStatusOutputSchema,
  UpsertProductOutputSchema,
  type AdjustStockInput,
  type CancelOrderInput,
  type ListStaffInput,
  type LookupCustomerInput,
  type ReceiveShipmentInput,
  type SetProductActiveInput,
  type SetUserRoleInput,
  type UpdateOrderStatusInput,
  type UpsertProductInput,
} from "@showroom/model";
import { callable, callError } from "../../../lib/callables";

export const adjustStock = callable<AdjustStockInput, ReturnType<typeof AdjustStockOutputSchema.parse>>("adjustStock", AdjustStockOutputSchema);
export const receiveShipment = callable<ReceiveShipmentInput, ReturnType<typeof ReceiveShipmentOutputSchema.parse>>(
  "receiveShipment",
  ReceiveShipmentOutputSchema,
);
export const updateOrderStatus = callable<UpdateOrderStatusInput, ReturnType<typeof UpdateOrderStatusOutputSchema.parse>>(
  "updateOrderStatus",
  UpdateOrderStatusOutputSchema,
);
export const cancelOrder = callable<CancelOrderInput, ReturnType<typeof CancelOrderOutputSchema.parse>>("cancelOrder", CancelOrderOutputSchema);
export const upsertProduct = callable<UpsertProductInput, ReturnType<typeof UpsertProductOutputSchema.parse>>("upsertProduct", UpsertProductOutputSchema);
export const setProductActive = callable<SetProductActiveInput, ReturnType<typeof SetProductActiveOutputSchema.parse>>(
  "setProductActive",
  SetProductActiveOutputSchema,
);
export const lookupCustomer = callable<LookupCustomerInput, ReturnType<typeof LookupCustomerOutputSchema.parse>>("lookupCustomer", LookupCustomerOutputSchema);
export const listStaff = callable<ListStaffInput, ReturnType<typeof ListStaffOutputSchema.parse>>("listStaff", ListStaffOutputSchema);
export const setUserRole = callable<SetUserRoleInput, ReturnType<typeof SetUserRoleOutputSchema.parse>>("setUserRole", SetUserRoleOutputSchema);

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
