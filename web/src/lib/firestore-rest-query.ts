/**
 * The pure half of a minimal Firestore REST reader (`firestore-rest.ts` does
 * the I/O): query encoding and value decoding, for the catalog's first paint.
 * The catalog's critical path must stay ≤ 120 KB gzip; Firestore
 * Lite plus firebase/app cost ~30 KB of that, while the two public, read-only
 * queries a catalog page needs are a few hundred lines of JSON. The product
 * page paints the same way, from one batchGet. Everything live (availability,
 * checkout) uses the real SDK, loaded right after paint. The query shape mirrors the SDK's: inequality fields are
 * ordered implicitly after the explicit orderBy, then the document name, so
 * the same composite indexes serve both.
 */

export type RestValue =
  | { nullValue: null }
  | { booleanValue: boolean }
  | { integerValue: string }
  | { doubleValue: number }
  | { timestampValue: string }
  | { stringValue: string }
  | { bytesValue: string }
  | { referenceValue: string }
  | { geoPointValue: { latitude: number; longitude: number } }
  | { arrayValue: { values?: RestValue[] } }
  | { mapValue: { fields?: Record<string, RestValue> } };

export interface RestDoc {
  name: string;
  fields?: Record<string, RestValue>;
}

export type Filter = { field: string; op: "==" | ">=" | "<=" | "<" | "array-contains"; value: string | number | boolean };
export type Order = { field: string; direction: "asc" | "desc" };

export interface RestQuery {
  collection: string;
  filters: Filter[];
  orderBy: Order[];
  limit?: number;
  /** Start after this document (the last one of the previous page). */
  after?: RestDoc;
  /** Only these fields of each document; a cursor needs the order fields among them. */
  select?: readonly string[];
}

const OPS: Record<Filter["op"], string> = {
  "==": "EQUAL",
  ">=": "GREATER_THAN_OR_EQUAL",
  "<=": "LESS_THAN_OR_EQUAL",
  "<": "LESS_THAN",
  "array-contains": "ARRAY_CONTAINS",
};

export function encodeValue(value: string | number | boolean): RestValue {
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "boolean") return { booleanValue: value };
  return Number.isInteger(value) ? { integerValue: String(value) } : { doubleValue: value };
}

/** REST values to plain JSON: integers as numbers, timestamps as ISO strings. */
export function decodeValue(value: RestValue): unknown {
  if ("mapValue" in value) return decodeFields(value.mapValue.fields ?? {});
  if ("arrayValue" in value) return (value.arrayValue.values ?? []).map(decodeValue);
  if ("integerValue" in value) return Number(value.integerValue);
  if ("nullValue" in value) return null;
  if ("booleanValue" in value) return value.booleanValue;
  if ("doubleValue" in value) return Number(value.doubleValue);
  if ("timestampValue" in value) return value.timestampValue;
  if ("stringValue" in value) return value.stringValue;
  if ("bytesValue" in value) return value.bytesValue;
  if ("referenceValue" in value) return value.referenceValue;
  return value.geoPointValue;
}

export function decodeFields(fields: Record<string, RestValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, decodeValue(v)]));
}

/** The orderBy the server applies: explicit, then inequality fields, then `__name__` (as the SDK sends it). */
export function normalizedOrderBy(q: Pick<RestQuery, "filters" | "orderBy">): Order[] {
  const order = [...q.orderBy];
  const direction = order.at(-1)?.direction ?? "asc";
  const inequalities = [...new Set(q.filters.filter((f) => f.op !== "==" && f.op !== "array-contains").map((f) => f.field))].sort();
  for (const field of inequalities) if (!order.some((o) => o.field === field)) order.push({ field, direction });
  order.push({ field: "__name__", direction });
  return order;
}

export function structuredQuery(q: RestQuery): Record<string, unknown> {
  const filters = q.filters.map((f) => ({ fieldFilter: { field: { fieldPath: f.field }, op: OPS[f.op], value: encodeValue(f.value) } }));
  const order = normalizedOrderBy(q);
  const fromDoc = (doc: RestDoc, field: string): RestValue =>
    field === "__name__" ? { referenceValue: doc.name } : (doc.fields?.[field] ?? { nullValue: null });
  return {
    ...(q.select ? { select: { fields: q.select.map((fieldPath) => ({ fieldPath })) } } : {}),
    from: [{ collectionId: q.collection }],
    ...(filters.length === 1 ? { where: filters[0] } : filters.length > 1 ? { where: { compositeFilter: { op: "AND", filters } } } : {}),
    orderBy: order.map((o) => ({ field: { fieldPath: o.field }, direction: o.direction === "asc" ? "ASCENDING" : "DESCENDING" })),
    ...(q.after ? { startAt: { values: order.map((o) => fromDoc(q.after!, o.field)), before: false } } : {}),
    ...(q.limit !== undefined ? { limit: q.limit } : {}),
  };
}

export const docId = (doc: RestDoc) => doc.name.slice(doc.name.lastIndexOf("/") + 1);

/** One row of a batchGet answer: a document, or the name of one that does not exist. */
export type BatchGetRow = { found: RestDoc } | { missing: string };

/** batchGet answers in any order: each asked name's document, null where missing. */
export function inRequestOrder(names: readonly string[], rows: readonly BatchGetRow[]): (RestDoc | null)[] {
  const found = new Map(rows.flatMap((row) => ("found" in row ? [[row.found.name, row.found] as const] : [])));
  return names.map((name) => found.get(name) ?? null);
}
