/** API keys for the console: the two admin callables and a live list of keys' metadata (never their hashes). */
import { collection, orderBy, query, Timestamp } from "firebase/firestore";
import {
  ApiKeyDocSchema,
  Collections,
  CreateApiKeyOutputSchema,
  RevokeApiKeyOutputSchema,
  type ApiScope,
  type CreateApiKeyInput,
  type CreateApiKeyOutput,
  type RevokeApiKeyOutput,
} from "@showroom/model";
import { callable } from "../../../lib/callables";
import { db } from "../../../lib/firebase";
import { useLiveQuery } from "../../../lib/live";

export const createApiKey = callable<CreateApiKeyInput, CreateApiKeyOutput>("createApiKey", CreateApiKeyOutputSchema);
export const revokeApiKey = callable<{ keyId: string }, RevokeApiKeyOutput>("revokeApiKey", RevokeApiKeyOutputSchema);

export interface ApiKeyRow {
  keyId: string;
  name: string;
  scopes: ApiScope[];
  prefix: string;
  createdAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  useCount: number;
}

const dateOf = (value: unknown) => (value instanceof Timestamp ? value.toDate() : null);

function apiKeyRow(data: unknown, keyId: string): ApiKeyRow {
  const doc = ApiKeyDocSchema.parse(data);
  return {
    keyId,
    name: doc.name,
    scopes: doc.scopes,
    prefix: doc.prefix,
    createdAt: dateOf(doc.createdAt),
    expiresAt: dateOf(doc.expiresAt),
    revokedAt: dateOf(doc.revokedAt),
    lastUsedAt: dateOf(doc.lastUsedAt),
    useCount: doc.useCount,
  };
}

const keysQuery = () => query(collection(db, Collections.apiKeys), orderBy("createdAt", "desc"));

export function useApiKeys() {
  return useLiveQuery(keysQuery(), "apiKeys", apiKeyRow);
}
