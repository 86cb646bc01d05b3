/**
 * The callable registry: each callable's name, who may call it, and its input
 * and output schemas, in one table. The functions take access and input
 * schema from here (`defineCallable`), the web app its output schemas, and the
 * fuzz suite both, so none of them keeps its own copy.
 */
import type { z } from "zod";
import {
  AdjustStockInputSchema,
  AdjustStockOutputSchema,
  CancelOrderInputSchema,
  CancelOrderOutputSchema,
  DeleteMyAccountOutputSchema,
  EmptyInputSchema,
  ExportMyDataOutputSchema,
  HoldCartInputSchema,
  HoldCartOutputSchema,
  ListStaffInputSchema,
  ListStaffOutputSchema,
  LookupCustomerInputSchema,
  LookupCustomerOutputSchema,
  PlaceOrderInputSchema,
  PlaceOrderOutputSchema,
  ReceiveShipmentInputSchema,
  ReceiveShipmentOutputSchema,
  ReleaseHoldInputSchema,
  ReleaseHoldOutputSchema,
  SetProductActiveInputSchema,
  SetProductActiveOutputSchema,
  SetUserRoleInputSchema,
  SetUserRoleOutputSchema,
  SyncMyProfileOutputSchema,
  UpdateOrderStatusInputSchema,
  UpdateOrderStatusOutputSchema,
  UpsertProductInputSchema,
  UpsertProductOutputSchema,
} from "./contract.js";
import {
  CreateWebhookEndpointInputSchema,
  CreateWebhookEndpointOutputSchema,
  DeleteWebhookEndpointInputSchema,
  DeleteWebhookEndpointOutputSchema,
  ReplayWebhookEventsInputSchema,
  ReplayWebhookEventsOutputSchema,
  ResendWebhookDeliveryInputSchema,
  ResendWebhookDeliveryOutputSchema,
  RotateWebhookSecretInputSchema,
  RotateWebhookSecretOutputSchema,
  UpdateWebhookEndpointInputSchema,
  UpdateWebhookEndpointOutputSchema,
} from "./webhooks.js";
import { OpenSurveyInputSchema, OpenSurveyOutputSchema, SubmitFeedbackInputSchema, SubmitFeedbackOutputSchema } from "./feedback.js";
import { DeleteLocationInputSchema, DeleteLocationOutputSchema, UpsertLocationInputSchema, UpsertLocationOutputSchema } from "./locations.js";
import {
  AcknowledgeAlertInputSchema,
  AcknowledgeAlertOutputSchema,
  ResolveAlertInputSchema,
  ResolveAlertOutputSchema,
  RunReconcileOutputSchema,
} from "./alerts.js";
import { OperationsHealthOutputSchema } from "./ops-minutes.js";
import { AnswerSiteQuestionInputSchema, AnswerSiteQuestionOutputSchema, DemandReportInputSchema, DemandReportOutputSchema } from "./site-questions.js";
import { CreateApiKeyInputSchema, CreateApiKeyOutputSchema, RevokeApiKeyInputSchema, RevokeApiKeyOutputSchema } from "./api.js";

/** Who may call: any signed-in user (anonymous too), staff (or admin), or admin only. Finer checks (owner of an order) are the callable's own. */
export type CallableAccess = "signed-in" | "staff" | "admin";

export interface CallableContract {
  access: CallableAccess;
  input: z.ZodType;
  output: z.ZodType;
}

export const CallableContracts = {
  placeOrder: { access: "signed-in", input: PlaceOrderInputSchema, output: PlaceOrderOutputSchema },
  // Owners while placed; staff before delivered (decided by the engine).
  cancelOrder: { access: "signed-in", input: CancelOrderInputSchema, output: CancelOrderOutputSchema },
  holdCart: { access: "signed-in", input: HoldCartInputSchema, output: HoldCartOutputSchema },
  releaseHold: { access: "signed-in", input: ReleaseHoldInputSchema, output: ReleaseHoldOutputSchema },
  adjustStock: { access: "staff", input: AdjustStockInputSchema, output: AdjustStockOutputSchema },
  upsertProduct: { access: "staff", input: UpsertProductInputSchema, output: UpsertProductOutputSchema },
  updateOrderStatus: { access: "staff", input: UpdateOrderStatusInputSchema, output: UpdateOrderStatusOutputSchema },
  setUserRole: { access: "admin", input: SetUserRoleInputSchema, output: SetUserRoleOutputSchema },
  exportMyData: { access: "signed-in", input: EmptyInputSchema, output: ExportMyDataOutputSchema },
  deleteMyAccount: { access: "signed-in", input: EmptyInputSchema, output: DeleteMyAccountOutputSchema },
  // Staff console (docs: web/src/features/admin).
  receiveShipment: { access: "staff", input: ReceiveShipmentInputSchema, output: ReceiveShipmentOutputSchema },
  listStaff: { access: "admin", input: ListStaffInputSchema, output: ListStaffOutputSchema },
  setProductActive: { access: "staff", input: SetProductActiveInputSchema, output: SetProductActiveOutputSchema },
  // Customer data (issue 7): profile sync after sign-in/linking, staff customer lookup.
  syncMyProfile: { access: "signed-in", input: EmptyInputSchema, output: SyncMyProfileOutputSchema },
  lookupCustomer: { access: "staff", input: LookupCustomerInputSchema, output: LookupCustomerOutputSchema },
  // Webhooks (issue 11): admin endpoint management, resend and replay.
  createWebhookEndpoint: { access: "admin", input: CreateWebhookEndpointInputSchema, output: CreateWebhookEndpointOutputSchema },
  updateWebhookEndpoint: { access: "admin", input: UpdateWebhookEndpointInputSchema, output: UpdateWebhookEndpointOutputSchema },
  rotateWebhookSecret: { access: "admin", input: RotateWebhookSecretInputSchema, output: RotateWebhookSecretOutputSchema },
  deleteWebhookEndpoint: { access: "admin", input: DeleteWebhookEndpointInputSchema, output: DeleteWebhookEndpointOutputSchema },
  resendWebhookDelivery: { access: "admin", input: ResendWebhookDeliveryInputSchema, output: ResendWebhookDeliveryOutputSchema },
  replayWebhookEvents: { access: "admin", input: ReplayWebhookEventsInputSchema, output: ReplayWebhookEventsOutputSchema },
  // REST API keys (issue 12).
  createApiKey: { access: "admin", input: CreateApiKeyInputSchema, output: CreateApiKeyOutputSchema },
  revokeApiKey: { access: "admin", input: RevokeApiKeyInputSchema, output: RevokeApiKeyOutputSchema },
  // Stock locations as data (issue 12): admins add, edit, deactivate and delete (only when empty) locations.
  upsertLocation: { access: "admin", input: UpsertLocationInputSchema, output: UpsertLocationOutputSchema },
  deleteLocation: { access: "admin", input: DeleteLocationInputSchema, output: DeleteLocationOutputSchema },
  // Feedback (issue 14): a verified buyer (signed in, or holding a survey link) answers; the survey page opens one order's survey.
  submitFeedback: { access: "signed-in", input: SubmitFeedbackInputSchema, output: SubmitFeedbackOutputSchema },
  openSurvey: { access: "signed-in", input: OpenSurveyInputSchema, output: OpenSurveyOutputSchema },
  // Operations (issue 13): reconcile now; staff acknowledge and resolve alerts.
  runReconcile: { access: "admin", input: EmptyInputSchema, output: RunReconcileOutputSchema },
  acknowledgeAlert: { access: "staff", input: AcknowledgeAlertInputSchema, output: AcknowledgeAlertOutputSchema },
  resolveAlert: { access: "staff", input: ResolveAlertInputSchema, output: ResolveAlertOutputSchema },
  // The Operations page's health tiles that the minute documents do not hold: holds, outbox lag, failing webhooks.
  operationsHealth: { access: "staff", input: EmptyInputSchema, output: OperationsHealthOutputSchema },
  // On-site questions (issue 14): any visitor answers or dismisses one; staff read the demand next to back-in-stock subscriptions.
  answerSiteQuestion: { access: "signed-in", input: AnswerSiteQuestionInputSchema, output: AnswerSiteQuestionOutputSchema },
  demandReport: { access: "staff", input: DemandReportInputSchema, output: DemandReportOutputSchema },
} as const satisfies Record<string, CallableContract>;

export type CallableName = keyof typeof CallableContracts;
export const CallableNames = Object.keys(CallableContracts) as CallableName[];

/** What a client sends to a callable. */
export type CallableInput<N extends CallableName> = z.input<(typeof CallableContracts)[N]["input"]>;
/** The input as the callable's handler receives it, parsed. */
export type CallableParsedInput<N extends CallableName> = z.output<(typeof CallableContracts)[N]["input"]>;
/** What a callable answers (the handler returns it; a client parses it with the output schema). */
export type CallableOutput<N extends CallableName> = z.output<(typeof CallableContracts)[N]["output"]>;

/** N's output schema, typed by N (a lookup by a generic key loses the link between name and schema). */
export const callableOutputSchema = <N extends CallableName>(name: N) => CallableContracts[name].output as z.ZodType as z.ZodType<CallableOutput<N>>;
