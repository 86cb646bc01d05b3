/**
 * REST hooks: an automation tool subscribes itself (`POST /v1/webhooks`),
 * reads how its deliveries went and unsubscribes (`DELETE /v1/webhooks/{id}`).
 * Endpoints are made by the same code as the console's (endpoints.ts: URL
 * rules, secret, audit) and delivered by the same signed, retried delivery;
 * each remembers the key that made it, and a key sees only its own (another
 * key's endpoint answers 404, so ids cannot be probed).
 */
import { Timestamp, type DocumentSnapshot } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/https";
import { ApiDeliveryViewSchema, Collections, type ApiDeliveryView, type CreateWebhookEndpointInput, type PageQuery } from "@showroom/model";
import { db } from "../app.js";
import { config } from "../config.js";
import { createEndpoint, deleteEndpoint } from "../webhooks/endpoints.js";
import { apiCaller, type ApiClient } from "./keys.js";
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor } from "./cursor.js";
import { ApiProblem } from "./problem.js";

/** The endpoint code's refusals, as problem JSON. */
function asProblem(error: unknown): never {
  if (!(error instanceof HttpsError)) throw error;
  const details = (error.details ?? {}) as { issues?: { path: (string | number)[]; message: string }[] };
  if (error.code === "invalid-argument") {
    throw new ApiProblem(400, "invalid", error.message, { issues: details.issues?.map((i) => ({ path: i.path.map(String), message: i.message })) });
  }
  if (error.code === "not-found") throw new ApiProblem(404, "not-found", error.message);
  throw error;
}

async function ownEndpoint(client: ApiClient, id: string): Promise<DocumentSnapshot> {
  const snap = await db().collection(Collections.webhookEndpoints).doc(id).get();
  if (!snap.exists || snap.get("ownerKeyId") !== client.keyId) throw new ApiProblem(404, "not-found", "No such webhook endpoint for this key.");
  return snap;
}

export async function subscribe(client: ApiClient, input: CreateWebhookEndpointInput) {
  const deps = { db: db(), policy: config.webhooks.urlPolicy };
  return createEndpoint(deps, input, apiCaller(client), { ownerKeyId: client.keyId }).catch(asProblem);
}

export async function unsubscribe(client: ApiClient, id: string) {
  await ownEndpoint(client, id);
  return deleteEndpoint({ db: db() }, { id }, apiCaller(client)).catch(asProblem);
}

const iso = (value: unknown) => (value instanceof Timestamp ? value.toDate().toISOString() : null);

function deliveryView(doc: DocumentSnapshot): ApiDeliveryView {
  return ApiDeliveryViewSchema.parse({
    id: doc.id,
    eventId: doc.get("eventId"),
    type: doc.get("type"),
    subject: doc.get("subject"),
    seq: doc.get("seq"),
    status: doc.get("status"),
    attempts: doc.get("attempts"),
    lastStatus: doc.get("lastStatus") ?? null,
    lastError: doc.get("lastError") ?? null,
    createdAt: iso(doc.get("createdAt")),
    finishedAt: iso(doc.get("finishedAt")),
  });
}

/** Newest first, paged by (createdAt, id). */
export async function listDeliveries(client: ApiClient, id: string, query: Pick<PageQuery, "limit" | "cursor">) {
  await ownEndpoint(client, id);
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  let q = db().collection(Collections.webhookDeliveries).where("endpointId", "==", id).orderBy("createdAt", "desc").orderBy("__name__", "desc");
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    q = q.startAfter(Timestamp.fromMillis(cursor.u ?? 0), cursor.id);
  }
  const snap = await q.limit(limit + 1).get();
  const docs = snap.docs.slice(0, limit);
  const last = docs.at(-1);
  const createdAt = last?.get("createdAt");
  const nextCursor = snap.size > limit && last && createdAt instanceof Timestamp ? encodeCursor({ id: last.id, u: createdAt.toMillis() }) : null;
  return { items: docs.map(deliveryView), nextCursor };
}
