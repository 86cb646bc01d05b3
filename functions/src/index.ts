// Declares the deployed functions; each lives in its domain folder.
export { setUserRoleCallable as setUserRole } from "./staff/set-user-role.js";
export { placeOrderCallable as placeOrder, cancelOrderCallable as cancelOrder } from "./orders/callables.js";
export { updateOrderStatusCallable as updateOrderStatus } from "./orders/update-order-status.js";
export { holdCartCallable as holdCart, releaseHoldCallable as releaseHold, adjustStockCallable as adjustStock } from "./inventory/callables.js";
export { upsertProductCallable as upsertProduct } from "./inventory/upsert-product.js";
export { sweepExpiredHoldsSchedule as sweepExpiredHolds } from "./inventory/sweep.js";
// Emulator only (undefined when deployed, so it is never deployed): the flash-sale benchmark's baseline.
export { benchNaivePlaceOrderCallable as benchNaivePlaceOrder } from "./orders/callables.js";
// Staff console.
export { receiveShipmentCallable as receiveShipment } from "./staff/receive-shipment.js";
export { listStaffCallable as listStaff } from "./staff/list-staff.js";
export { setProductActiveCallable as setProductActive } from "./staff/set-product-active.js";
export { upsertLocationCallable as upsertLocation, deleteLocationCallable as deleteLocation } from "./staff/locations.js";
// Customer data (issue 7): profiles, consent history and audit, back-in-stock alerts, export, erasure, staff lookup.
export { onUserCreated, onCustomerWritten, onStockWritten } from "./customers/triggers.js";
export { syncMyProfileCallable as syncMyProfile } from "./customers/profile.js";
export { exportMyDataCallable as exportMyData } from "./customers/export-data.js";
export { deleteMyAccountCallable as deleteMyAccount } from "./customers/erase-account.js";
export { lookupCustomerCallable as lookupCustomer } from "./customers/lookup-customer.js";
export { cleanUpAnonymousAccountsSchedule as cleanUpAnonymousAccounts } from "./customers/anonymous-cleanup.js";
// Events (issue 11): the outbox relay to Pub/Sub and its catch-up.
export { relayCommit, relayEventsCatchUp } from "./events/triggers.js";
// Events (issue 11): webhooks (endpoints, delivery through Cloud Tasks) and mail, both consumers of `showroom-events`.
export {
  webhooksOnEvent,
  deliverWebhook,
  webhooksCatchUp,
  createWebhookEndpointCallable as createWebhookEndpoint,
  updateWebhookEndpointCallable as updateWebhookEndpoint,
  rotateWebhookSecretCallable as rotateWebhookSecret,
  deleteWebhookEndpointCallable as deleteWebhookEndpoint,
  resendWebhookDeliveryCallable as resendWebhookDelivery,
  replayWebhookEventsCallable as replayWebhookEvents,
} from "./webhooks/triggers.js";
export { sendMail, mailOnEvent } from "./mail/triggers.js";
// REST API (issue 12): the `api` HTTPS function and its key callables.
export { apiFunction as api } from "./api/http.js";
export { createApiKeyCallable as createApiKey, revokeApiKeyCallable as revokeApiKey } from "./api/keys.js";
// Customer feedback (issue 14): answers, aggregates, survey invitations.
export { submitFeedbackCallable as submitFeedback } from "./feedback/submit.js";
export { openSurveyCallable as openSurvey } from "./feedback/open-survey.js";
export { onOrderDelivered, sendSurveyInvitesSchedule as sendSurveyInvites } from "./feedback/invites.js";
// Operations (issue 13): the reconcile on a schedule and on demand, stock-drift alerts, the health endpoint.
export { scheduledReconcileSchedule as scheduledReconcile, runReconcileCallable as runReconcile } from "./operations/scheduled-reconcile.js";
export { acknowledgeAlertCallable as acknowledgeAlert, resolveAlertCallable as resolveAlert } from "./operations/callables.js";
export { healthFunction as health } from "./operations/health.js";
export { operationsHealthCallable as operationsHealth } from "./operations/operations-health.js";
// On-site questions (issue 14): sold-out and after-checkout questions, and the demand they add up to.
export { answerSiteQuestionCallable as answerSiteQuestion } from "./site-questions/answer.js";
export { demandReportCallable as demandReport } from "./site-questions/demand-report.js";
