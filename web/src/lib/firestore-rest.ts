/**
 * A minimal Firestore REST reader (runQuery, count and batchGet) for the first
 * paint of the catalog and the product page; see `firestore-rest-query.ts` for
 * why and for the query encoding.
 */
import { config } from "../config/env";
import { decodeValue, inRequestOrder, structuredQuery, type BatchGetRow, type RestDoc, type RestQuery, type RestValue } from "./firestore-rest-query";

export { decodeFields, docId } from "./firestore-rest-query";
export type { RestDoc } from "./firestore-rest-query";

type Method = "runQuery" | "runAggregationQuery" | "batchGet";

function endpoint(method: Method): string {
  const { projectId, apiKey } = config.firebase;
  const origin = config.emulators ? `http://${config.emulators.host}:${config.emulators.firestorePort}` : "https://firestore.googleapis.com";
  return `${origin}/v1/projects/${projectId}/databases/(default)/documents:${method}${apiKey && !config.emulators ? `?key=${apiKey}` : ""}`;
}

async function post<T>(method: Method, body: unknown): Promise<T> {
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

/** Documents by path (`products/alba`), in the order asked, null where missing: one round trip, all read at the same time. */
export async function readDocs(paths: readonly string[]): Promise<(RestDoc | null)[]> {
  const names = paths.map((p) => `projects/${config.firebase.projectId}/databases/(default)/documents/${p}`);
  return inRequestOrder(names, await post<BatchGetRow[]>("batchGet", { documents: names }));
}
