/**
 * A minimal Firestore REST reader (runQuery and count) for the catalog's first
 * paint; see `firestore-rest-query.ts` for why and for the query encoding.
 */
import { config } from "../config/env";
import { decodeValue, structuredQuery, type RestDoc, type RestQuery, type RestValue } from "./firestore-rest-query";

export { decodeFields, docId } from "./firestore-rest-query";
export type { RestDoc } from "./firestore-rest-query";

function endpoint(method: "runQuery" | "runAggregationQuery"): string {
  const { projectId, apiKey } = config.firebase;
  const origin = config.emulators ? `http://${config.emulators.host}:${config.emulators.firestorePort}` : "https://firestore.googleapis.com";
  return `${origin}/v1/projects/${projectId}/databases/(default)/documents:${method}${apiKey && !config.emulators ? `?key=${apiKey}` : ""}`;
}

async function post<T>(method: "runQuery" | "runAggregationQuery", body: unknown): Promise<T> {
  const response = await fetch(endpoint(method), { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`Firestore ${method} failed: ${response.status}`);
  return (await response.json()) as T;
}

export async function runQuery(q: RestQuery): Promise<RestDoc[]> {
  const rows = await post<{ document?: RestDoc }[]>("runQuery", { structuredQuery: structuredQuery(q) });
  return rows.flatMap((r) => (r.document ? [r.document] : []));
}

/** How many documents match (one aggregation read per 1000 index entries). */
export async function runCount(q: Omit<RestQuery, "limit" | "after">): Promise<number> {
  const query = structuredQuery(q);
  const rows = await post<{ result?: { aggregateFields?: { count?: RestValue } } }[]>("runAggregationQuery", {
    structuredAggregationQuery: { structuredQuery: query, aggregations: [{ alias: "count", count: {} }] },
  });
  const count = rows[0]?.result?.aggregateFields?.count;
  return count ? Number(decodeValue(count)) : 0;
}
