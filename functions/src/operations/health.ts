/**
 * `health`: the uptime check's target. 200 `{ ok: true, firestore: "ok" }`
 * after one Firestore read (the reconcile's record, whose `lastRunAt` it also
 * reports); 503 `{ ok: false, firestore: "unreachable" }` when that read fails
 * or takes longer than the limit, so a hung database counts as down.
 */
import { onRequest } from "firebase-functions/https";
import { Collections, RECONCILE_STATE_DOC } from "@showroom/model";
import type { Firestore } from "firebase-admin/firestore";
import { db } from "../app.js";
import { config } from "../config.js";
import { healthCheckFailed } from "../logs.js";

export const HEALTH_READ_TIMEOUT_MS = 5_000;

export interface HealthAnswer {
  status: 200 | 503;
  body: { ok: boolean; firestore: "ok" | "unreachable"; reconcileLastRunAt: string | null; checkedAt: string };
}

/** The answer for one read of `read` (injected, so a failing database is testable without breaking one). */
export async function checkHealth(read: () => Promise<{ lastRunAtMs: number | null }>, timeoutMs = HEALTH_READ_TIMEOUT_MS): Promise<HealthAnswer> {
  const checkedAt = new Date().toISOString();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Firestore read took over ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const { lastRunAtMs } = await Promise.race([read(), timeout]);
    return {
      status: 200,
      body: { ok: true, firestore: "ok", reconcileLastRunAt: lastRunAtMs === null ? null : new Date(lastRunAtMs).toISOString(), checkedAt },
    };
  } catch (error) {
    healthCheckFailed(error);
    return { status: 503, body: { ok: false, firestore: "unreachable", reconcileLastRunAt: null, checkedAt } };
  } finally {
    clearTimeout(timer);
  }
}

export const readReconcileRecord = (firestore: Firestore) => async () => {
  const snap = await firestore.collection(Collections.operations).doc(RECONCILE_STATE_DOC).get();
  const lastRunAt = snap.get("lastRunAt") as { toMillis(): number } | undefined;
  return { lastRunAtMs: lastRunAt ? lastRunAt.toMillis() : null };
};

export const healthFunction = onRequest({ region: config.region, cors: false }, async (req, res) => {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.status(405).set("Allow", "GET, HEAD").json({ ok: false, error: "Use GET." });
    return;
  }
  const { status, body } = await checkHealth(readReconcileRecord(db()));
  res.status(status).set("Cache-Control", "no-store").json(body);
});
