/**
 * Endpoint secrets (`whsec_<base64>`) and signing. Secrets sit in the
 * server-only `webhookSecrets/{endpointId}`, apart from the endpoint the
 * console reads. During a rotation's grace period both secrets sign, as
 * space-separated signatures the Standard Webhooks verifier accepts.
 */
import { randomBytes } from "node:crypto";
import { Timestamp } from "firebase-admin/firestore";
import { Webhook } from "standardwebhooks";
import { WEBHOOK_SECRET_PREFIX } from "@showroom/model";

export interface SecretsDoc {
  current: string;
  previous: string | null;
  previousExpiresAt: Timestamp | null;
}

export function newSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString("base64")}`;
}

/** The secrets that sign at `nowMs`: the current one, and the previous one while its grace lasts. */
export function signingSecrets(doc: SecretsDoc, nowMs: number): string[] {
  const previousValid = doc.previous !== null && doc.previousExpiresAt !== null && doc.previousExpiresAt.toMillis() > nowMs;
  return previousValid ? [doc.current, doc.previous!] : [doc.current];
}

export interface SignedHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

export function signWebhook(secrets: string[], messageId: string, at: Date, body: string): SignedHeaders {
  const signature = secrets.map((secret) => new Webhook(secret).sign(messageId, at, body)).join(" ");
  return { "webhook-id": messageId, "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": signature };
}
