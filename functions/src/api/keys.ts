/**
 * API keys: created and revoked by admins (callables), checked on every
 * request. A key is `shr_<keyId>_<secret>`; only sha256(secret) is stored, in
 * `apiKeyHashes/{keyId}` apart from the metadata admins read, so the console
 * never sees it. Revoking deletes the hash, so the key stops working at once.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { HttpsError } from "firebase-functions/https";
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import {
  apiKeyText,
  ApiKeyDocSchema,
  Collections,
  DEFAULT_API_RATE_PER_MINUTE,
  parseApiKey,
  type ApiScope,
  type CreateApiKeyOutput,
  type RevokeApiKeyOutput,
} from "@showroom/model";
import { db } from "../app.js";
import { apiKeyChanged } from "../logs.js";
import { appendAudit } from "../shared/audit.js";
import { defineCallable, type Caller } from "../shared/callable.js";
import { ApiProblem } from "./problem.js";

const hashOf = (secret: string) => createHash("sha256").update(secret).digest();

export const createApiKeyCallable = defineCallable("createApiKey", async (input, caller): Promise<CreateApiKeyOutput> => {
  if (input.expiresAt && Date.parse(input.expiresAt) <= Date.now()) {
    throw new HttpsError("invalid-argument", "expiresAt must be in the future.", { issues: [{ path: ["expiresAt"], message: "Must be in the future" }] });
  }
  const ref = db().collection(Collections.apiKeys).doc();
  const secret = randomBytes(32).toString("base64url");
  const key = apiKeyText(ref.id, secret);
  const metadata = {
    name: input.name,
    scopes: input.scopes,
    prefix: key.slice(0, 29),
    rateLimitPerMinute: input.rateLimitPerMinute ?? DEFAULT_API_RATE_PER_MINUTE,
    createdBy: caller.uid,
    createdAt: FieldValue.serverTimestamp(),
    ...(input.expiresAt ? { expiresAt: Timestamp.fromMillis(Date.parse(input.expiresAt)) } : {}),
    useCount: 0,
  };
  const batch = db().batch();
  batch.create(ref, metadata);
  batch.create(db().collection(Collections.apiKeyHashes).doc(ref.id), { sha256: hashOf(secret).toString("hex") });
  const { createdAt: _createdAt, ...audited } = metadata;
  appendAudit(batch, { actor: caller, action: "apiKey.create", target: { kind: "apiKey", id: ref.id }, after: audited });
  await batch.commit();
  apiKeyChanged(caller.uid, ref.id, "created");
  return { keyId: ref.id, key };
});

export const revokeApiKeyCallable = defineCallable("revokeApiKey", async ({ keyId }, caller): Promise<RevokeApiKeyOutput> => {
  const ref = db().collection(Collections.apiKeys).doc(keyId);
  await db().runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) throw new HttpsError("not-found", "No such API key.", { reason: "unknown-api-key", keyId });
    // Revoking twice answers the same and audits once.
    if (snap.get("revokedAt")) return;
    tx.update(ref, { revokedAt: FieldValue.serverTimestamp() });
    tx.delete(db().collection(Collections.apiKeyHashes).doc(keyId));
    appendAudit(tx, {
      actor: caller,
      action: "apiKey.revoke",
      target: { kind: "apiKey", id: keyId },
      before: { name: snap.get("name"), scopes: snap.get("scopes") },
    });
  });
  apiKeyChanged(caller.uid, keyId, "revoked");
  return { keyId, revoked: true };
});

export interface ApiClient {
  keyId: string;
  scopes: ApiScope[];
  rateLimitPerMinute: number;
}

/** The key as the audit log and the ledger name it. */
export const apiCaller = (client: ApiClient): Caller => ({ uid: `apikey:${client.keyId}`, role: null, anonymous: false });

const unauthenticated = (detail: string) => new ApiProblem(401, "unauthenticated", detail);

/** The key in `Authorization: Bearer …`, checked against its stored hash, expiry and revocation: one read round trip. */
export async function authenticate(authorization: string | undefined, nowMs: number): Promise<ApiClient> {
  const match = /^Bearer (\S+)$/.exec(authorization ?? "");
  if (!match) throw unauthenticated("Send the key as `Authorization: Bearer <key>`.");
  const parsed = parseApiKey(match[1] as string);
  if (!parsed) throw unauthenticated("That is not an API key.");
  const [meta, hash] = await db().getAll(db().collection(Collections.apiKeys).doc(parsed.keyId), db().collection(Collections.apiKeyHashes).doc(parsed.keyId));
  const stored = hash?.get("sha256");
  const given = hashOf(parsed.secret);
  if (!meta?.exists || typeof stored !== "string" || !timingSafeEqual(Buffer.from(stored, "hex"), given)) throw unauthenticated("Unknown or revoked API key.");
  const doc = ApiKeyDocSchema.parse(meta.data());
  if (doc.revokedAt) throw unauthenticated("Unknown or revoked API key.");
  if (doc.expiresAt instanceof Timestamp && doc.expiresAt.toMillis() <= nowMs) throw unauthenticated("This API key has expired.");
  return { keyId: parsed.keyId, scopes: doc.scopes, rateLimitPerMinute: doc.rateLimitPerMinute };
}
