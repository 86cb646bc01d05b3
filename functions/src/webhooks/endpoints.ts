/**
 * Endpoint management, shared by the admin callables and the REST API: each
 * takes (Firestore, input, actor), validates, writes in one transaction with
 * its audit entry, and throws `HttpsError` on bad input with nothing stored.
 */
import { lookup } from "node:dns/promises";
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/https";
import {
  checkResolvedAddresses,
  checkWebhookUrl,
  Collections,
  DEFAULT_ROTATION_GRACE_SECONDS,
  isLoopbackHost,
  type CreateWebhookEndpointInput,
  type CreateWebhookEndpointOutput,
  type RotateWebhookSecretInput,
  type RotateWebhookSecretOutput,
  type UpdateWebhookEndpointInput,
  type UrlPolicy,
} from "@showroom/model";
import { appendAudit } from "../shared/audit.js";
import type { Caller } from "../shared/callable.js";
import { newSecret, type SecretsDoc } from "./secrets.js";

export interface EndpointDeps {
  db: Firestore;
  policy: UrlPolicy;
  /** Host name → addresses (DNS); tests pass their own. */
  resolve?: (hostname: string) => Promise<string[]>;
}

async function resolveHost(hostname: string): Promise<string[]> {
  try {
    return (await lookup(hostname, { all: true })).map((a) => a.address);
  } catch {
    return [];
  }
}

function invalidUrl(reason: string): HttpsError {
  return new HttpsError("invalid-argument", `url: ${reason}`, { issues: [{ path: ["url"], message: reason }] });
}

/** The URL rules plus, in production, what its host resolves to (a public name pointing at 10.0.0.1 is refused too). */
export async function assertEndpointUrl(raw: string, deps: Pick<EndpointDeps, "policy" | "resolve">): Promise<string> {
  const verdict = checkWebhookUrl(raw, deps.policy);
  if (!verdict.ok) throw invalidUrl(verdict.reason);
  const host = verdict.url.hostname.replace(/^\[|\]$/g, "");
  if (deps.policy === "emulator" && isLoopbackHost(host)) return verdict.url.toString();
  const dnsProblem = checkResolvedAddresses(await (deps.resolve ?? resolveHost)(host));
  if (dnsProblem) throw invalidUrl(dnsProblem);
  return verdict.url.toString();
}

function notFound(id: string): HttpsError {
  return new HttpsError("not-found", "No such webhook endpoint.", { reason: "unknown-endpoint", id });
}

/** `owner.ownerKeyId`: the API key that subscribed it through the REST API (hooks.ts), if any. */
export async function createEndpoint(
  deps: EndpointDeps,
  input: CreateWebhookEndpointInput,
  actor: Caller,
  owner: { ownerKeyId?: string } = {},
): Promise<CreateWebhookEndpointOutput> {
  const url = await assertEndpointUrl(input.url, deps);
  const ref = deps.db.collection(Collections.webhookEndpoints).doc();
  const secret = newSecret();
  const secrets: SecretsDoc = { current: secret, previous: null, previousExpiresAt: null };
  const batch = deps.db.batch();
  batch.create(ref, {
    url,
    eventTypes: input.eventTypes,
    ...(input.description ? { description: input.description } : {}),
    enabled: true,
    disabledReason: null,
    createdAt: FieldValue.serverTimestamp(),
    updatedAt: FieldValue.serverTimestamp(),
    previousSecretExpiresAt: null,
    failure: { consecutive: 0, since: null },
    ...owner,
  });
  batch.create(deps.db.collection(Collections.webhookSecrets).doc(ref.id), secrets);
  appendAudit(batch, { actor, action: "webhook.create", target: { kind: "webhookEndpoint", id: ref.id }, after: { url, eventTypes: input.eventTypes } });
  await batch.commit();
  return { id: ref.id, secret };
}

/** Returns whether the endpoint went from disabled to enabled (its waiting deliveries then resume). */
export async function updateEndpoint(
  deps: EndpointDeps,
  input: UpdateWebhookEndpointInput,
  actor: Caller,
): Promise<{ id: string; enabled: boolean; resumed: boolean }> {
  const url = input.url === undefined ? undefined : await assertEndpointUrl(input.url, deps);
  const ref = deps.db.collection(Collections.webhookEndpoints).doc(input.id);
  return deps.db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) throw notFound(input.id);
    const wasEnabled = snap.get("enabled") === true;
    const enabled = input.enabled ?? wasEnabled;
    const change: Record<string, unknown> = {
      ...(url === undefined ? {} : { url }),
      ...(input.eventTypes === undefined ? {} : { eventTypes: input.eventTypes }),
      ...(input.description === undefined ? {} : { description: input.description }),
      enabled,
      updatedAt: FieldValue.serverTimestamp(),
    };
    if (enabled !== wasEnabled) {
      change.disabledReason = enabled ? null : "admin";
      // Re-enabling starts a fresh failure streak, so it is not disabled again on its first failure.
      if (enabled) change.failure = { consecutive: 0, since: null };
    }
    tx.update(ref, change);
    appendAudit(tx, {
      actor,
      action: "webhook.update",
      target: { kind: "webhookEndpoint", id: input.id },
      before: { url: snap.get("url"), eventTypes: snap.get("eventTypes"), enabled: wasEnabled },
      after: { url: url ?? snap.get("url"), eventTypes: input.eventTypes ?? snap.get("eventTypes"), enabled },
    });
    return { id: input.id, enabled, resumed: enabled && !wasEnabled };
  });
}

export async function rotateSecret(
  deps: EndpointDeps,
  input: RotateWebhookSecretInput,
  actor: Caller,
  nowMs: number = Date.now(),
): Promise<RotateWebhookSecretOutput> {
  const endpointRef = deps.db.collection(Collections.webhookEndpoints).doc(input.id);
  const secretsRef = deps.db.collection(Collections.webhookSecrets).doc(input.id);
  const secret = newSecret();
  const previousExpiresAt = Timestamp.fromMillis(nowMs + (input.graceSeconds ?? DEFAULT_ROTATION_GRACE_SECONDS) * 1000);
  await deps.db.runTransaction(async (tx) => {
    const [endpoint, secrets] = await tx.getAll(endpointRef, secretsRef);
    if (!endpoint?.exists || !secrets?.exists) throw notFound(input.id);
    const next: SecretsDoc = { current: secret, previous: secrets.get("current") as string, previousExpiresAt };
    tx.set(secretsRef, next);
    tx.update(endpointRef, { previousSecretExpiresAt: previousExpiresAt, updatedAt: FieldValue.serverTimestamp() });
    appendAudit(tx, { actor, action: "webhook.rotate", target: { kind: "webhookEndpoint", id: input.id }, after: { graceSeconds: input.graceSeconds } });
  });
  return { id: input.id, secret, previousSecretExpiresAt: previousExpiresAt.toDate().toISOString() };
}

/** Deletes the endpoint and its secrets; its deliveries stay (they expire with their TTL) but are never sent. */
export async function deleteEndpoint(deps: Pick<EndpointDeps, "db">, input: { id: string }, actor: Caller): Promise<{ id: string; deleted: true }> {
  const endpointRef = deps.db.collection(Collections.webhookEndpoints).doc(input.id);
  await deps.db.runTransaction(async (tx) => {
    const snap = await tx.get(endpointRef);
    if (!snap.exists) throw notFound(input.id);
    tx.delete(endpointRef);
    tx.delete(deps.db.collection(Collections.webhookSecrets).doc(input.id));
    appendAudit(tx, { actor, action: "webhook.delete", target: { kind: "webhookEndpoint", id: input.id }, before: { url: snap.get("url") } });
  });
  return { id: input.id, deleted: true };
}
