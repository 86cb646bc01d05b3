/**
 * Events and webhooks with crashes: staff adjust several SKUs (each change
 * writes its event in the same transaction), the relay publishes the events,
 * the webhook consumer records them and Cloud Tasks deliver them to a
 * receiver on loopback — and every Functions worker is SIGKILLed twice while
 * that runs (relay, consumer and deliveries die mid-work). Then the catch-up
 * schedules run, as Cloud Scheduler would run them every minute, until every
 * stored event of those SKUs has reached the receiver or the deadline passes.
 * Checked: lost 0, out of order per subject 0, every request signed; the
 * duplicates a crash causes are counted (receivers dedupe on `webhook-id`).
 */
import { Collections, CreateWebhookEndpointOutputSchema, type EventEnvelope } from "@showroom/model";
import { adminDb } from "../lib/admin.js";
import { startReceiver, type Receiver } from "../lib/events.js";
import { triggerSchedule } from "../lib/schedules.js";
import { call, emulatorToken } from "../bench/callables.js";
import { writeStockedProducts } from "../bench/stocked-products.js";
import { sleep } from "./client.js";
import type { ScenarioResult } from "./flash-sale.js";
import { killFunctionsWorkers, type CrashTarget } from "./target.js";

/** After the last change: longer than the relay's lease (60 s) plus the catch-up's grace on the emulator (20 s), with room for retries. */
const DEADLINE_MS = 240_000;

/** The stored events of these subjects: what the receiver must end up with. */
async function storedEvents(subjects: string[]): Promise<Map<string, { subject: string; seq: number }>> {
  const events = new Map<string, { subject: string; seq: number }>();
  for (let i = 0; i < subjects.length; i += 30) {
    const snap = await adminDb()
      .collection(Collections.events)
      .where("subject", "in", subjects.slice(i, i + 30))
      .get();
    for (const d of snap.docs) events.set(d.id, { subject: d.get("subject") as string, seq: d.get("seq") as number });
  }
  return events;
}

/** First acceptance of each event, in arrival order: what an idempotent receiver applies. */
function score(receiver: Receiver, expected: Map<string, { subject: string; seq: number }>) {
  const firsts = new Set<string>();
  const highest = new Map<string, number>();
  let outOfOrder = 0;
  const accepted = receiver.accepted();
  for (const r of accepted) {
    if (firsts.has(r.webhookId)) continue;
    firsts.add(r.webhookId);
    const { subject, seq } = r.envelope;
    if ((highest.get(subject) ?? 0) > seq) outOfOrder += 1;
    highest.set(subject, Math.max(highest.get(subject) ?? 0, seq));
  }
  const lost = [...expected.keys()].filter((id) => !firsts.has(id)).length;
  return { lost, outOfOrder, duplicates: accepted.length - firsts.size, unsigned: receiver.received.filter((r) => r.verifiedWith < 0).length };
}

export async function webhooksCrash(
  target: CrashTarget,
  options: { run: string; skus: number; changes: number; killAfterMs: number[] },
): Promise<ScenarioResult> {
  const prefix = `CRASH-${options.run}-W`;
  const skus = Array.from({ length: options.skus }, (_, i) => `${prefix}${i}`);
  const subjects = skus.map((sku) => `sku/${sku}`);
  await writeStockedProducts(adminDb(), [{ productId: `crash-${options.run}-w`.toLowerCase(), variants: skus.map((sku) => ({ sku, main: 100 })) }]);
  const receiver = await startReceiver(() => ({ status: 200 }), { only: (e: EventEnvelope) => e.subject.startsWith(`sku/${prefix}`) });
  const admin = emulatorToken({ role: "admin" });
  const staff = emulatorToken({ role: "staff" });
  const created = await call("createWebhookEndpoint", admin, { url: receiver.url, eventTypes: ["inventory.updated"] });
  if (!created.ok) throw new Error(`createWebhookEndpoint: ${created.message}`);
  const endpoint = CreateWebhookEndpointOutputSchema.parse(created.data);
  receiver.secrets.push(endpoint.secret);
  try {
    // Each SKU changes `changes` times in a row (one subject's seqs in order); a change cut off by a crash either
    // committed with its event or not at all, and is not retried: the stored events are the truth to deliver.
    const started = performance.now();
    const changes = Promise.all(
      skus.map(async (sku) => {
        for (let i = 0; i < options.changes; i++) await call("adjustStock", staff, { sku, location: "main", delta: 1, reason: "correction" });
      }),
    );
    let killed = 0;
    for (const at of options.killAfterMs) {
      await sleep(Math.max(0, at - (performance.now() - started)));
      killed += killFunctionsWorkers(target);
    }
    await changes;

    let expected = await storedEvents(subjects);
    let catchUps = 0;
    const deadline = performance.now() + DEADLINE_MS;
    while (score(receiver, expected).lost > 0 && performance.now() < deadline) {
      await sleep(5_000);
      // What Cloud Scheduler does every minute: drain unpublished events, then record and pump what the consumer missed.
      await triggerSchedule("relayEventsCatchUp");
      await triggerSchedule("webhooksCatchUp");
      catchUps += 1;
      expected = await storedEvents(subjects);
    }
    const seconds = (performance.now() - started) / 1000;
    const s = score(receiver, expected);
    // Where the events stand on our side: recorded deliveries by status (none at all means the consumer never recorded them).
    const deliveries = await adminDb().collection(Collections.webhookDeliveries).where("endpointId", "==", endpoint.id).get();
    const byStatus = new Map<string, number>();
    for (const d of deliveries.docs) byStatus.set(d.get("status") as string, (byStatus.get(d.get("status") as string) ?? 0) + 1);
    const problems = [
      ...(s.lost > 0 ? [`${s.lost} of ${expected.size} events never reached the receiver within ${DEADLINE_MS / 1000} s`] : []),
      ...(s.outOfOrder > 0 ? [`${s.outOfOrder} events arrived after a later seq of their SKU`] : []),
      ...(s.unsigned > 0 ? [`${s.unsigned} requests failed signature verification`] : []),
      ...(killed === 0 ? ["no worker was killed"] : []),
    ];
    return {
      row: {
        bench: "crash",
        variant: `events → webhooks: ${options.skus} SKUs × ${options.changes} changes, ${options.killAfterMs.length} × SIGKILL workers`,
        events: expected.size,
        lost: s.lost,
        "out of order": s.outOfOrder,
        duplicates: s.duplicates,
        "workers killed": killed,
        "catch-up runs": catchUps,
        deliveries: [...byStatus].map(([status, n]) => `${n} ${status}`).join(", ") || "none",
        "wall s": Math.round(seconds),
        ok: problems.length === 0 ? "yes" : "NO",
      },
      problems,
    };
  } finally {
    await call("deleteWebhookEndpoint", admin, { id: endpoint.id });
    await receiver.close();
  }
}
