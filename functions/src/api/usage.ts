/**
 * A key's last-used time and use count, without a write per request: uses are
 * counted in memory and written at most once a minute per key and instance
 * (the first use at once). Counts an instance had not flushed when it stopped
 * are lost, so `useCount` is a lower bound.
 */
import { FieldValue } from "firebase-admin/firestore";
import { Collections } from "@showroom/model";
import { db } from "../app.js";
import { config } from "../config.js";
import { apiUsageNotRecorded } from "../logs.js";

const pending = new Map<string, { count: number; flushedAtMs: number }>();

export async function recordUse(keyId: string, nowMs: number): Promise<void> {
  const entry = pending.get(keyId) ?? { count: 0, flushedAtMs: Number.NEGATIVE_INFINITY };
  entry.count += 1;
  pending.set(keyId, entry);
  if (nowMs - entry.flushedAtMs < config.apiUsageFlushMs) return;
  const count = entry.count;
  entry.count = 0;
  entry.flushedAtMs = nowMs;
  await db()
    .collection(Collections.apiKeys)
    .doc(keyId)
    .update({ lastUsedAt: FieldValue.serverTimestamp(), useCount: FieldValue.increment(count) })
    .catch((error: unknown) => apiUsageNotRecorded(keyId, error));
}
