/**
 * The last hour of per-minute health, live: one listener on the `opsMinutes`
 * shards (staff read) since the start of the previous clock hour, so the
 * query changes once an hour (one re-read) and holds at most two hours of
 * documents; the model sums the shards of each minute.
 */
import { useMemo } from "react";
import { collection, query, Timestamp, where } from "firebase/firestore";
import { Collections, minuteSeries, OpsMinuteDocSchema, type MinuteTotals } from "@showroom/model";
import { db } from "../../../lib/firebase";
import { useLiveQuery, type Live } from "../../../lib/live";

const HOUR_MS = 60 * 60_000;

const parseMinute = (data: unknown) => OpsMinuteDocSchema.parse(data);

export function useMinuteSeries(now: number): Live<MinuteTotals[]> {
  const since = Math.floor(now / HOUR_MS) * HOUR_MS - HOUR_MS;
  const q = useMemo(() => query(collection(db, Collections.opsMinutes), where("minute", ">=", Timestamp.fromMillis(since))), [since]);
  const live = useLiveQuery(q, `ops-minutes-${since}`, parseMinute);
  return useMemo(() => (live.status === "ready" ? { status: "ready", data: minuteSeries(live.data, now) } : live), [live, now]);
}
