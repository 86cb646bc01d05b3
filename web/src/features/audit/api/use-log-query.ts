/**
 * The query behind the audit log and the stock ledger: equality filters on the
 * fields the page names, a day range on `at`, newest first, at most
 * LOG_LIMIT entries, live. Each single-field filter has an (`field`, `at`
 * desc) index in firestore.indexes.json.
 */
import { useMemo } from "react";
import { collection, limit, orderBy, query, Timestamp, where, type QueryConstraint } from "firebase/firestore";
import { dayRange } from "../../../lib/calendar";
import { db } from "../../../lib/firebase";
import { useLiveQuery, type Live } from "../../../lib/live";

export const LOG_LIMIT = 200;

export interface LogFilters {
  /** Field path → value it must equal; an empty value (or undefined) filters nothing. */
  equals: Record<string, string | undefined>;
  /** `YYYY-MM-DD` days from the date inputs; either may be empty. */
  from: string;
  to: string;
}

/** `at` within the calendar days [from, to], local time; either end may be open. */
function timeRange(from: string, to: string): QueryConstraint[] {
  const { start, end } = dayRange(from, to);
  return [...(start !== null ? [where("at", ">=", Timestamp.fromMillis(start))] : []), ...(end !== null ? [where("at", "<", Timestamp.fromMillis(end))] : [])];
}

export function useLogQuery<T>(collectionName: string, filters: LogFilters, parse: (data: unknown, id: string) => T): Live<T[]> {
  const equals = Object.entries(filters.equals).filter((entry): entry is [string, string] => Boolean(entry[1]));
  const key = JSON.stringify([collectionName, equals, filters.from, filters.to]);
  const q = useMemo(
    () =>
      query(
        collection(db, collectionName),
        ...equals.map(([field, value]) => where(field, "==", value)),
        ...timeRange(filters.from, filters.to),
        orderBy("at", "desc"),
        limit(LOG_LIMIT),
      ),
    // `key` captures the collection and every filter value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  return useLiveQuery(q, key, parse);
}
