/**
 * Live reads for the webhooks page: endpoints, one endpoint's recent
 * deliveries, and one delivery's attempts (admin-read collections; secrets
 * are never readable from a client).
 */
import { collection, limit, orderBy, query, where } from "firebase/firestore";
import { Collections, WEBHOOK_ATTEMPTS, WebhookAttemptDocSchema, WebhookDeliveryDocSchema, WebhookEndpointDocSchema } from "@showroom/model";
import { db } from "../../../lib/firebase";
import { useLiveQuery } from "../../../lib/live";

export const RECENT_DELIVERIES = 50;

const endpoint = (data: unknown, id: string) => ({ id, ...WebhookEndpointDocSchema.parse(data) });
const delivery = (data: unknown, id: string) => ({ id, ...WebhookDeliveryDocSchema.parse(data) });
const attempt = (data: unknown, id: string) => ({ id, ...WebhookAttemptDocSchema.parse(data) });
export type EndpointRow = ReturnType<typeof endpoint>;
export type DeliveryRow = ReturnType<typeof delivery>;
export type AttemptRow = ReturnType<typeof attempt>;

export function useEndpoints() {
  return useLiveQuery(query(collection(db, Collections.webhookEndpoints), orderBy("createdAt", "desc")), "endpoints", endpoint);
}

/** Newest first; needs the (endpointId, createdAt desc) index in firestore.indexes.json. */
export function useDeliveries(endpointId: string | null) {
  const q = endpointId
    ? query(collection(db, Collections.webhookDeliveries), where("endpointId", "==", endpointId), orderBy("createdAt", "desc"), limit(RECENT_DELIVERIES))
    : null;
  return useLiveQuery(q, `deliveries:${endpointId ?? ""}`, delivery);
}

export function useAttempts(deliveryId: string) {
  return useLiveQuery(query(collection(db, Collections.webhookDeliveries, deliveryId, WEBHOOK_ATTEMPTS), orderBy("n")), `attempts:${deliveryId}`, attempt);
}
