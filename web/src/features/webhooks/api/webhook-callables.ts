/** The admin callables behind the webhooks page, typed by the contract in `@showroom/model`. */
import {
  CreateWebhookEndpointOutputSchema,
  DeleteWebhookEndpointOutputSchema,
  ReplayWebhookEventsOutputSchema,
  ResendWebhookDeliveryOutputSchema,
  RotateWebhookSecretOutputSchema,
  UpdateWebhookEndpointOutputSchema,
  type CreateWebhookEndpointInput,
  type ReplayWebhookEventsInput,
  type RotateWebhookSecretInput,
  type UpdateWebhookEndpointInput,
} from "@showroom/model";
import { callable, callError } from "../../../lib/callables";

export const createWebhookEndpoint = callable<CreateWebhookEndpointInput, ReturnType<typeof CreateWebhookEndpointOutputSchema.parse>>(
  "createWebhookEndpoint",
  CreateWebhookEndpointOutputSchema,
);
export const updateWebhookEndpoint = callable<UpdateWebhookEndpointInput, ReturnType<typeof UpdateWebhookEndpointOutputSchema.parse>>(
  "updateWebhookEndpoint",
  UpdateWebhookEndpointOutputSchema,
);
export const rotateWebhookSecret = callable<RotateWebhookSecretInput, ReturnType<typeof RotateWebhookSecretOutputSchema.parse>>(
  "rotateWebhookSecret",
  RotateWebhookSecretOutputSchema,
);
export const deleteWebhookEndpoint = callable<{ id: string }, ReturnType<typeof DeleteWebhookEndpointOutputSchema.parse>>(
  "deleteWebhookEndpoint",
  DeleteWebhookEndpointOutputSchema,
);
export const resendWebhookDelivery = callable<{ deliveryId: string }, ReturnType<typeof ResendWebhookDeliveryOutputSchema.parse>>(
  "resendWebhookDelivery",
  ResendWebhookDeliveryOutputSchema,
);
export const replayWebhookEvents = callable<ReplayWebhookEventsInput, ReturnType<typeof ReplayWebhookEventsOutputSchema.parse>>(
  "replayWebhookEvents",
  ReplayWebhookEventsOutputSchema,
);

/** The server's message for bad input (it names the field), a plain sentence otherwise. */
export function webhookErrorMessage(error: unknown): string {
  const { code } = callError(error);
  if (code === "invalid-argument" && error instanceof Error) return error.message;
  if (code === "permission-denied") return "Only admins can manage webhooks.";
  if (code === "not-found") return "That endpoint or delivery no longer exists.";
  return "Something went wrong. Please try again.";
}
