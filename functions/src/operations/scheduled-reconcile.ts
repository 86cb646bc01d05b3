/**
 * The reconcile on a schedule, incremental: each run checks the SKUs whose
 * inventory moved since the last run (`updatedAt`, stamped by every stock
 * write) plus the next slice of all SKUs in id order, so every SKU is seen
 * within (catalog ÷ slice) runs and a run's cost does not grow with the
 * catalog. Drift opens alerts (alerts.ts); the run records itself in
 * `operations/reconcile` and in one log line.
 */
import * as v1 from "firebase-functions/v1";
import { FieldPath, FieldValue, Timestamp, type DocumentSnapshot, type Firestore, type Transaction } from "firebase-admin/firestore";
import { Collections, RECONCILE_STATE_DOC, ReconcileStateSchema, type ReconcileState } from "@showroom/model";
import { db } from "../app.js";
import { config } from "../config.js";
import { reconcileRan, reconcileSkipped } from "../logs.js";
import { appendAudit } from "../shared/audit.js";
import { defineCallable, type Caller } from "../shared/callable.js";
import { raiseDriftAlerts } from "./alerts.js";
import { checkAll, checkInSnapshot, type CheckResult } from "./check-stock.js";

export interface RunSummary {
  checked: number;
  drift: number;
  opened: number;
  alertIds: string[];
  reads: number;
}

/** The scheduled run's time limit; its lease outlasts it, so a run that died frees the next one after this. */
const RECONCILE_TIMEOUT_SECONDS = 300;

const stateRef = (db: Firestore) => db.collection(Collections.operations).doc(RECONCILE_STATE_DOC);

/** Where the incremental run goes on from, read in its snapshot. */
async function selectIncrement(
  db: Firestore,
  tx: Transaction,
  limits: { sliceSize: number; maxMoved: number },
): Promise<{ moved: DocumentSnapshot[]; slice: DocumentSnapshot[]; reads: number; next: Pick<ReconcileState, "movedSince" | "sliceAfter"> }> {
  const stateSnap = await tx.get(stateRef(db));
  const state = stateSnap.exists ? ReconcileStateSchema.partial().parse(stateSnap.data()) : {};
  const inventory = db.collection(Collections.inventory);
  const movedQuery =
    state.movedSince != null ? inventory.where("updatedAt", ">=", Timestamp.fromMillis(state.movedSince)).orderBy("updatedAt").limit(limits.maxMoved) : null;
  const sliceBase = inventory.orderBy(FieldPath.documentId()).limit(limits.sliceSize);
  const sliceQuery = state.sliceAfter ? sliceBase.startAfter(state.sliceAfter) : sliceBase;
  const [movedSnap, sliceSnap] = await Promise.all([movedQuery ? tx.get(movedQuery) : null, tx.get(sliceQuery)]);
  const moved = movedSnap?.docs ?? [];
  const slice = sliceSnap.docs;
  // A run that hit its cap goes on from the last moved SKU's write; otherwise from this snapshot (the first run starts here).
  const capped = moved.length === limits.maxMoved;
  const movedSince = capped ? (moved[moved.length - 1]!.get("updatedAt") as Timestamp).toMillis() : sliceSnap.readTime.toMillis();
  const sliceAfter = slice.length === limits.sliceSize ? slice[slice.length - 1]!.id : null;
  const movedIds = new Set(moved.map((d) => d.id));
  // Billed: the state document, and each query's documents (an empty query still costs one read).
  const reads = 1 + (movedQuery ? Math.max(1, moved.length) : 0) + Math.max(1, slice.length);
  return { moved, slice: slice.filter((d) => !movedIds.has(d.id)), reads, next: { movedSince, sliceAfter } };
}

/** A scheduled run at a time: a run fired while another is still going (a slow run, a short period) stands aside. */
const RUN_LEASE_MS = (RECONCILE_TIMEOUT_SECONDS + 30) * 1000;

async function takeRunLease(db: Firestore, nowMs: number): Promise<boolean> {
  return db.runTransaction(async (tx) => {
    const until = (await tx.get(stateRef(db))).get("runningUntil") as Timestamp | null | undefined;
    if (until && until.toMillis() > nowMs) return false;
    tx.set(stateRef(db), { runningUntil: Timestamp.fromMillis(nowMs + RUN_LEASE_MS) }, { merge: true });
    return true;
  });
}

/**
 * One scheduled run: check the increment, raise alerts, move the cursor.
 * The SKUs that moved are checked first and their alerts raised at once (drift
 * shows where stock was written); then the slice, read at the same time as
 * part of the same snapshot, so no document is read twice. Answers null when
 * another run holds the lease.
 */
export async function reconcileIncrementally(db: Firestore, limits = config.reconcile): Promise<RunSummary | null> {
  const started = Date.now();
  if (!(await takeRunLease(db, started))) {
    reconcileSkipped();
    return null;
  }
  try {
    let next: Pick<ReconcileState, "movedSince" | "sliceAfter"> = { movedSince: null, sliceAfter: null };
    let slice: DocumentSnapshot[] = [];
    const moved = await checkInSnapshot(db, async (tx) => {
      const increment = await selectIncrement(db, tx, limits);
      next = increment.next;
      slice = increment.slice;
      return { inventories: increment.moved, reads: increment.reads };
    });
    const movedAlerts = await raiseDriftAlerts(db, moved.drift);
    const rest = await checkInSnapshot(db, async () => ({ inventories: slice, reads: 0 }), Date.now, moved.at);
    const restAlerts = await raiseDriftAlerts(db, rest.drift);
    const result: CheckResult = { checked: moved.checked + rest.checked, drift: [...moved.drift, ...rest.drift], reads: moved.reads + rest.reads };
    const alerts = { alertIds: [...movedAlerts.alertIds, ...restAlerts.alertIds], opened: movedAlerts.opened + restAlerts.opened };
    const cursor = { movedSince: next.movedSince === null ? null : Timestamp.fromMillis(next.movedSince), sliceAfter: next.sliceAfter, runningUntil: null };
    return await finishRun(db, { trigger: "schedule", result, alerts, started, cursor });
  } catch (error) {
    // Let the next run go now rather than after the lease.
    await stateRef(db)
      .set({ runningUntil: null }, { merge: true })
      .catch(() => undefined);
    throw error;
  }
}

/**
 * Records the run (`lastRunAt`, counts, and the schedule's cursor, in one
 * write) for the console, the next run and the absence alert. A run that
 * fails before this leaves the cursor where it was.
 */
async function finishRun(
  db: Firestore,
  run: {
    trigger: "schedule" | "manual";
    result: CheckResult;
    alerts: { alertIds: string[]; opened: number };
    started: number;
    cursor?: object;
    caller?: Caller;
  },
): Promise<RunSummary> {
  const { trigger, result, started, cursor, caller } = run;
  const { alertIds, opened } = run.alerts;
  const drift = new Set(result.drift.filter((d) => !d.settling).map((d) => d.sku)).size;
  const lastRun = { trigger, checked: result.checked, drift, opened, reads: result.reads, durationMs: Date.now() - started };
  const batch = db.batch();
  batch.set(stateRef(db), { ...cursor, lastRunAt: FieldValue.serverTimestamp(), lastRun }, { merge: true });
  if (caller)
    appendAudit(batch, { actor: caller, action: "reconcile.run", target: { kind: "operations", id: RECONCILE_STATE_DOC }, after: { ...lastRun, alertIds } });
  await batch.commit();
  reconcileRan(lastRun);
  return { checked: result.checked, drift, opened, alertIds, reads: result.reads };
}

/** `runReconcile` (admin): every SKU now, not only the increment; the schedule's cursor stays where it is. */
export async function reconcileNow(db: Firestore, caller: Caller): Promise<RunSummary> {
  const started = Date.now();
  const result = await checkAll(db);
  return finishRun(db, { trigger: "manual", result, alerts: await raiseDriftAlerts(db, result.drift), started, caller });
}

export const runReconcileCallable = defineCallable(
  "runReconcile",
  async (_input, caller) => {
    const { checked, drift, opened, alertIds } = await reconcileNow(db(), caller);
    return { checked, drift, opened, alertIds };
  },
  // A whole catalog, page by page: far longer than a shopper's call.
  { timeoutSeconds: 540 },
);

// A 1st gen schedule, like relayEventsCatchUp (events/triggers.ts): the Functions emulator runs it when its
// Pub/Sub topic `firebase-schedule-scheduledReconcile` gets a message, so it is tested for real.
export const scheduledReconcileSchedule = v1
  .region(config.region)
  .runWith({ timeoutSeconds: RECONCILE_TIMEOUT_SECONDS })
  .pubsub.schedule("every 15 minutes")
  .onRun(async () => {
    await reconcileIncrementally(db());
  });
