/**
 * Stock-drift alerts on the real emulators (issue 13; DESIGN.md "Alerts"):
 * a SKU's on hand corrupted directly with the Admin SDK, as a bug would, is
 * found by `runReconcile` and by the scheduled reconcile run through its
 * Pub/Sub topic; one alert per subject, one mail to admins in the SMTP inbox,
 * an `alert.opened` event; staff acknowledge and resolve, audited; orders in
 * flight are never reported as drift; the health endpoint answers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FieldValue, Timestamp, type DocumentData } from "firebase-admin/firestore";
import { alertIdOf, Collections, RECONCILE_STATE_DOC, subjectOf, type RunReconcileOutput } from "@showroom/model";
import { adminDb } from "../../scripts/lib/admin.js";
import { triggerSchedule } from "../../scripts/lib/schedules.js";
import { checkSkus } from "../../functions/src/operations/check-stock.js";
import { driftByLedgerScan } from "../../scripts/bench/ledger-scan-check.js";
import { writeStockedProducts } from "../../scripts/bench/stocked-products.js";
import { eventId } from "../../functions/src/events/build.js";
import { expectCallableError, type TestClient } from "../support/clients.js";
import { functionsEmulator, PROJECT_ID } from "../support/env.js";
import { functionLogLines } from "../support/function-logs.js";
import { clientPool, createProduct, shipping, uniqueKey, warmUp } from "./inventory-fixtures.js";
import { eventually } from "./customers-support.js";

const pool = clientPool();
let admin: TestClient;
let staff: TestClient;
const adminEmail = `ops-admin-${Date.now()}@showroom.test`;

beforeAll(async () => {
  admin = await pool.client({ kind: "user", role: "admin", email: adminEmail });
  staff = await pool.client({ kind: "user", role: "staff" });
  // One cold start at a time: on a loaded machine, simultaneous first calls each spawn a worker and time out loading.
  for (const name of ["runReconcile", "acknowledgeAlert", "resolveAlert", "placeOrder"] as const) await warmUp(staff, [name]);
  await fetch(healthUrl());
}, 300_000);
afterAll(() => pool.closeAll());

const db = () => adminDb();
const healthUrl = () => `${functionsEmulator().origin}/${PROJECT_ID}/us-central1/health`;
const alertRef = (alertId: string) => db().collection(Collections.alerts).doc(alertId);
const alertsOf = async (sku: string) => (await db().collection(Collections.alerts).where("sku", "==", sku).get()).docs;

/** A bug's write: on hand moved with no ledger entry (`stamped`: through a write path that stamps `updatedAt`). */
async function corrupt(sku: string, onHand: number, stamped = false): Promise<void> {
  await db()
    .collection(Collections.inventory)
    .doc(sku)
    .update({ "locations.main.onHand": onHand, ...(stamped ? { updatedAt: FieldValue.serverTimestamp() } : {}) });
}

interface InboxMail {
  subject: string;
  text: string;
  to: { address: string }[];
}

async function inboxFor(address: string): Promise<InboxMail[]> {
  const url = process.env.SHOWROOM_MAIL_INBOX_URL;
  if (!url) throw new Error("SHOWROOM_MAIL_INBOX_URL is not set: run under npm run with-emulators");
  const all = (await (await fetch(`${url}/api/email`)).json()) as InboxMail[];
  return all.filter((m) => m.to.some((t) => t.address === address));
}

async function auditOf(alertId: string): Promise<DocumentData[]> {
  const snap = await db().collection(Collections.auditLog).where("target.id", "==", alertId).get();
  return snap.docs.map((d) => d.data());
}

describe("runReconcile", () => {
  it("opens exactly one alert for a corrupted SKU, mails admins once, writes its event, and a second run opens none", async () => {
    const { skus } = await createProduct([{ main: 5 }]);
    const sku = skus[0]!;
    await corrupt(sku, 9);

    const first = await admin.call<RunReconcileOutput>("runReconcile");
    const alertId = alertIdOf("stock-drift", sku, 1);
    expect(first.alertIds).toContain(alertId);
    expect(first.opened).toBeGreaterThanOrEqual(1);
    const opened = (await alertRef(alertId).get()).data();
    expect(opened).toMatchObject({ kind: "stock-drift", status: "open", subject: `sku/${sku}`, seenCount: 1, acknowledgedBy: null, resolvedBy: null });
    expect(opened?.problems).toContain("main: on hand 9 ≠ ledger sum 5");

    const second = await admin.call<RunReconcileOutput>("runReconcile");
    expect(second.alertIds).toContain(alertId);
    expect(await alertsOf(sku)).toHaveLength(1);
    expect((await alertRef(alertId).get()).get("seenCount")).toBe(2);

    const event = (
      await db()
        .collection(Collections.events)
        .doc(eventId(subjectOf.alert(alertId), 1))
        .get()
    ).data();
    expect(event).toMatchObject({ type: "alert.opened", subject: `alert/${alertId}`, seq: 1, data: { alertId, subject: `sku/${sku}` } });
    expect((await db().collection(Collections.events).where("subject", "==", subjectOf.alert(alertId)).get()).size).toBe(1);

    const mails = await eventually(
      async () => {
        const list = (await inboxFor(adminEmail)).filter((m) => m.subject === `Stock drift on ${sku}`);
        return list.length > 0 ? list : undefined;
      },
      "the drift mail in the inbox",
      150_000,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("main: on hand 9 ≠ ledger sum 5");

    const record = (await db().collection(Collections.operations).doc(RECONCILE_STATE_DOC).get()).data();
    expect(record?.lastRun).toMatchObject({ trigger: "manual" });
    expect((await auditOf(RECONCILE_STATE_DOC)).some((a) => a.action === "reconcile.run" && a.actorUid === admin.uid)).toBe(true);
  }, 300_000);

  it("refuses staff and shoppers, and records nothing for them", async () => {
    const shopper = await pool.client({ kind: "anonymous" });
    await expectCallableError(staff.call("runReconcile"), "permission-denied");
    await expectCallableError(shopper.call("runReconcile"), "permission-denied");
    await expectCallableError(admin.call("runReconcile", { skus: ["X"] }), "invalid-argument");
    const runs = (await auditOf(RECONCILE_STATE_DOC)).filter((a) => a.actorUid === staff.uid || a.actorUid === shopper.uid);
    expect(runs).toEqual([]);
  });
});

describe("acknowledge and resolve", () => {
  it("records who acknowledged and resolved, audits both, refuses repeats, and opens a new alert when drift comes back", async () => {
    const { skus } = await createProduct([{ main: 3 }]);
    const sku = skus[0]!;
    await corrupt(sku, 1);
    await admin.call("runReconcile");
    const alertId = alertIdOf("stock-drift", sku, 1);
    expect((await alertRef(alertId).get()).get("status")).toBe("open");

    const shopper = await pool.client({ kind: "anonymous" });
    await expectCallableError(shopper.call("acknowledgeAlert", { alertId }), "permission-denied");
    await expectCallableError(staff.call("acknowledgeAlert", { alertId: "not an id" }), "invalid-argument");
    await expectCallableError(staff.call("acknowledgeAlert", { alertId: alertIdOf("stock-drift", sku, 7) }), "not-found", { reason: "unknown-alert" });
    expect((await alertRef(alertId).get()).get("status")).toBe("open");

    await expect(staff.call("acknowledgeAlert", { alertId })).resolves.toEqual({ alertId, status: "acknowledged" });
    expect((await alertRef(alertId).get()).data()).toMatchObject({ status: "acknowledged", acknowledgedBy: staff.uid });
    await expectCallableError(staff.call("acknowledgeAlert", { alertId }), "failed-precondition", { reason: "invalid-transition" });

    // Still drifting while acknowledged: the same alert is seen again, none is opened.
    await admin.call("runReconcile");
    expect(await alertsOf(sku)).toHaveLength(1);

    await expect(staff.call("resolveAlert", { alertId, note: "recounted" })).resolves.toEqual({ alertId, status: "resolved" });
    expect((await alertRef(alertId).get()).data()).toMatchObject({ status: "resolved", resolvedBy: staff.uid, resolveNote: "recounted" });
    await expectCallableError(staff.call("resolveAlert", { alertId }), "failed-precondition", { reason: "invalid-transition" });
    const audit = await auditOf(alertId);
    expect(audit.map((a) => [a.action, a.actorUid]).sort()).toEqual(
      [
        ["alert.acknowledged", staff.uid],
        ["alert.opened", "system"],
        ["alert.resolved", staff.uid],
      ].sort(),
    );

    // Resolved but not fixed: the next check opens the subject's second alert.
    const again = await admin.call<RunReconcileOutput>("runReconcile");
    expect(again.alertIds).toContain(alertIdOf("stock-drift", sku, 2));
    expect((await alertRef(alertIdOf("stock-drift", sku, 2)).get()).get("status")).toBe("open");
  }, 300_000);
});

describe("the scheduled reconcile", () => {
  it("runs through its Pub/Sub topic, checks SKUs written since its last run, and opens their alert", async () => {
    const { skus } = await createProduct([{ main: 4 }]);
    const sku = skus[0]!;
    const state = db().collection(Collections.operations).doc(RECONCILE_STATE_DOC);
    /** Publishes to the schedule's topic (again every 30 s, as Cloud Scheduler would) until a run has recorded itself. */
    const scheduledRun = async () => {
      const since = Date.now();
      let published = 0;
      return eventually(
        async () => {
          if (Date.now() - since >= published * 30_000) {
            published++;
            await triggerSchedule("scheduledReconcile");
          }
          const data = (await state.get()).data();
          return data?.lastRun?.trigger === "schedule" && data.lastRunAt.toMillis() > since ? data : undefined;
        },
        "a scheduled run",
        150_000,
      );
    };

    // A first run places the cursor; the corruption comes after it.
    await scheduledRun();
    await corrupt(sku, 11, true);
    const since = Date.now();
    const record = await scheduledRun();
    const alert = await eventually(async () => (await alertRef(alertIdOf("stock-drift", sku, 1)).get()).data(), "the scheduled run's alert");
    expect(alert).toMatchObject({ status: "open", subject: `sku/${sku}` });
    expect(record.movedSince.toMillis()).toBeGreaterThan(since - 60_000);
    expect(record.lastRun.checked).toBeGreaterThanOrEqual(1);
  }, 360_000);

  it("stands aside while another run holds its lease, and runs once the lease is free", async () => {
    const state = db().collection(Collections.operations).doc(RECONCILE_STATE_DOC);
    const skipped = () => functionLogLines().filter((l) => l.message === "operations: reconcile skipped, a run is in progress").length;
    const lastRunAt = async () => ((await state.get()).get("lastRunAt") as Timestamp | undefined)?.toMillis() ?? 0;
    const before = await lastRunAt();
    const skippedBefore = skipped();
    await state.set({ runningUntil: Timestamp.fromMillis(Date.now() + 10 * 60_000) }, { merge: true });
    await triggerSchedule("scheduledReconcile");
    await eventually(async () => (skipped() > skippedBefore ? true : undefined), "the skipped run's log line");
    expect(await lastRunAt()).toBe(before);

    await state.set({ runningUntil: Timestamp.fromMillis(Date.now() - 1) }, { merge: true });
    await triggerSchedule("scheduledReconcile");
    await eventually(async () => ((await lastRunAt()) > before ? true : undefined), "a run once the lease is free", 120_000);
    expect((await state.get()).get("runningUntil")).toBeNull();
  }, 180_000);
});

describe("reconcile while orders flow", () => {
  it("reports no drift for a SKU selling at the same time, and every sale goes through", async () => {
    const { skus } = await createProduct([{ main: 200 }]);
    const sku = skus[0]!;
    const buyers = await Promise.all(Array.from({ length: 4 }, () => pool.client({ kind: "anonymous" })));
    let selling = true;
    const sales = Promise.all(
      buyers.map(async (buyer) => {
        let placed = 0;
        for (let i = 0; i < 6; i++) {
          await buyer.call("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 1 }], shipping });
          placed++;
        }
        return placed;
      }),
    ).finally(() => {
      selling = false;
    });
    const checks: number[] = [];
    while (selling) {
      const { drift } = await checkSkus(db(), [sku]);
      checks.push(drift.length);
    }
    const run = await admin.call<RunReconcileOutput>("runReconcile");
    expect(await sales).toEqual([6, 6, 6, 6]);
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((n) => n === 0)).toBe(true);
    expect(run.alertIds).not.toContain(alertIdOf("stock-drift", sku, 1));
    expect(await alertsOf(sku)).toEqual([]);
    expect((await db().collection(Collections.inventory).doc(sku).get()).get("locations.main.onHand")).toBe(176);
  }, 300_000);
});

describe("the benches' ledger-scan check", () => {
  it("finds the same drift as the production check, from one ledger scan", async () => {
    const prefix = `SCAN-${Date.now().toString(36).toUpperCase()}`;
    const skus = [0, 1, 2].map((i) => `${prefix}-${i}`);
    await writeStockedProducts(db(), [{ productId: `scan-${prefix.toLowerCase()}`, variants: skus.map((sku) => ({ sku, main: 4 })) }]);
    expect(await driftByLedgerScan(db(), skus, prefix)).toEqual({ checked: 3, drift: [] });
    await corrupt(skus[1]!, 7);
    const production = await checkSkus(db(), skus);
    // On hand against the ledger, and the public views against the new on hand: all on that one SKU.
    expect(new Set(production.drift.map((d) => d.sku))).toEqual(new Set([skus[1]]));
    expect(await driftByLedgerScan(db(), skus, prefix)).toEqual({ checked: 3, drift: production.drift });
  });
});

describe("health", () => {
  const url = healthUrl;

  it("answers 200 with Firestore ok after a read, and 405 to anything but GET", { timeout: 120_000 }, async () => {
    const response = await fetch(url());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, firestore: "ok" });
    expect((await fetch(url(), { method: "POST" })).status).toBe(405);
  });
});
