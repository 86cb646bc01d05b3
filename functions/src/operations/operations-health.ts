/**
 * `operationsHealth {}` (staff): the Operations page's tiles that per-minute
 * documents do not hold, each read from where the fact already lives, with
 * aggregation queries where a count is all that is needed (one read per
 * 1,000 documents counted). The page asks every 30 s while it is open.
 * - holds active: `holds` that are `active` and not yet expired (the
 *   sweep's query; the sweep only logs its count, every 5 minutes);
 * - event lag: the outbox's unpublished events (`publishedAt == null`, the
 *   relay's own marker) and the age of the oldest;
 * - failing webhook endpoints: endpoints on a failure streak (the delivery
 *   worker keeps `failure.consecutive`), auto-disabled ones included.
 */
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { Collections, MAX_FAILING_ENDPOINTS_LISTED, type FailingEndpoint, type OperationsHealthOutput } from "@showroom/model";
import { db } from "../app.js";
import { defineCallable } from "../shared/callable.js";

/** The endpoint's description, or only the host of its URL (paths and queries can carry tokens). */
function endpointLabel(url: unknown, description: unknown): string {
  if (typeof description === "string" && description.trim()) return description.trim();
  try {
    return new URL(String(url)).host;
  } catch {
    return "(invalid URL)";
  }
}

const millisOf = (value: unknown) => (value instanceof Timestamp ? value.toMillis() : null);
const isoOf = (value: unknown) => (value instanceof Timestamp ? value.toDate().toISOString() : null);

export async function readOperationsHealth(firestore: Firestore, nowMs: number): Promise<OperationsHealthOutput> {
  const holds = firestore.collection(Collections.holds).where("status", "==", "active").where("expiresAt", ">", Timestamp.fromMillis(nowMs));
  const unpublished = firestore.collection(Collections.events).where("publishedAt", "==", null);
  const failing = firestore.collection(Collections.webhookEndpoints).where("failure.consecutive", ">", 0);
  // One read-only transaction: every figure from the same snapshot, so the count of unpublished events and
  // the oldest of them cannot disagree when the relay publishes between two reads.
  const [holdsActive, unpublishedCount, oldest, failingCount, failingDocs] = await firestore.runTransaction(
    (tx) =>
      Promise.all([
        tx.get(holds.count()),
        tx.get(unpublished.count()),
        tx.get(unpublished.orderBy("createdAt").limit(1)),
        tx.get(failing.count()),
        tx.get(failing.orderBy("failure.consecutive", "desc").limit(MAX_FAILING_ENDPOINTS_LISTED)),
      ]),
    { readOnly: true },
  );
  const oldestCreated = millisOf(oldest.docs[0]?.get("createdAt"));
  const endpoints = failingDocs.docs.map((d): FailingEndpoint => ({
    id: d.id,
    label: endpointLabel(d.get("url"), d.get("description")),
    consecutiveFailures: d.get("failure.consecutive") as number,
    failingSince: isoOf(d.get("failure.since")),
    enabled: d.get("enabled") === true,
  }));
  return {
    holdsActive: holdsActive.data().count,
    unpublishedEvents: unpublishedCount.data().count,
    oldestUnpublishedAgeMs: oldestCreated === null ? null : Math.max(0, nowMs - oldestCreated),
    failingEndpoints: { count: failingCount.data().count, endpoints },
    checkedAt: new Date(nowMs).toISOString(),
  };
}

export const operationsHealthCallable = defineCallable("operationsHealth", async () => readOperationsHealth(db(), Date.now()));
