/**
 * Delivery under faults (issue 11): 1,000 events on 100 subjects published to
 * `showroom-events`, delivered to 3 real receivers on loopback: one healthy,
 * one failing 30 % of requests at random, one hanging (until our 15 s
 * timeout) on 5 %. Counts events lost, out of order per subject (an event
 * first accepted after a later seq of its subject), and duplicates (accepted
 * more than once; allowed, receivers dedupe on `webhook-id`).
 */
import { CreateWebhookEndpointOutputSchema } from "@showroom/model";
import { inventoryEvent, publishEvent, startReceiver, type Receiver } from "../lib/events.js";
import { CATCH_UP_SCHEDULES, withSchedules } from "../lib/schedules.js";
import { call, emulatorToken } from "./callables.js";
import { round, type BenchModule, type Row } from "./types.js";

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 1000);
const SUBJECTS = Number(process.env.BENCH_WEBHOOK_SUBJECTS ?? 100);
const DEADLINE_MS = Number(process.env.BENCH_WEBHOOK_DEADLINE_S ?? 1200) * 1000;

function score(receiver: Receiver, published: Map<string, { subject: string; seq: number }>) {
  const accepted = receiver.accepted();
  const firsts = new Set<string>();
  const highest = new Map<string, number>();
  let outOfOrder = 0;
  for (const r of accepted) {
    if (!published.has(r.webhookId) || firsts.has(r.webhookId)) continue;
    firsts.add(r.webhookId);
    const { subject, seq } = r.envelope;
    if ((highest.get(subject) ?? 0) > seq) outOfOrder += 1;
    highest.set(subject, Math.max(highest.get(subject) ?? 0, seq));
  }
  const ours = accepted.filter((r) => published.has(r.webhookId)).length;
  const unverified = accepted.filter((r) => published.has(r.webhookId) && r.verifiedWith < 0).length;
  return { lost: published.size - firsts.size, outOfOrder, duplicates: ours - firsts.size, unverified, requests: receiver.requests() };
}

export const webhookFaults: BenchModule = {
  name: "webhook-faults",
  async run(): Promise<Row[]> {
    const receivers = {
      healthy: await startReceiver(),
      "failing 30 %": await startReceiver(() => (Math.random() < 0.3 ? { status: 500 } : { status: 200 })),
      "hanging 5 %": await startReceiver(() => (Math.random() < 0.05 ? "hang" : { status: 200 })),
    };
    const admin = emulatorToken({ role: "admin" });
    const endpointIds: string[] = [];
    try {
      for (const receiver of Object.values(receivers)) {
        const created = await call("createWebhookEndpoint", admin, { url: receiver.url, eventTypes: ["inventory.updated"] });
        if (!created.ok) throw new Error(`createWebhookEndpoint: ${created.message}`);
        const { id, secret } = CreateWebhookEndpointOutputSchema.parse(created.data);
        receiver.secrets.push(secret);
        endpointIds.push(id);
      }
      const run = Date.now().toString(36).toUpperCase();
      const published = new Map<string, { subject: string; seq: number }>();
      const perSubject = Math.ceil(EVENTS / SUBJECTS);
      const started = performance.now();
      // Subjects publish concurrently; within a subject, in seq order (as the relay does).
      await Promise.all(
        Array.from({ length: SUBJECTS }, async (_, s) => {
          for (let seq = 1; seq <= perSubject && s * perSubject + seq <= EVENTS; seq += 1) {
            const event = inventoryEvent(`BENCH-${run}-${s}`, seq);
            published.set(event.id, { subject: event.subject, seq });
            await publishEvent(event);
          }
        }),
      );
      const done = () => Object.values(receivers).every((r) => score(r, published).lost === 0);
      // Production's scheduler runs the catch-ups every minute: a delivery whose task was lost is pumped again by them.
      await withSchedules(CATCH_UP_SCHEDULES, 60_000, async () => {
        while (!done() && performance.now() - started < DEADLINE_MS) await new Promise((r) => setTimeout(r, 1000));
      });
      const seconds = (performance.now() - started) / 1000;
      return Object.entries(receivers).map(([variant, receiver]) => {
        const s = score(receiver, published);
        return {
          bench: "webhook delivery under faults",
          variant,
          events: published.size,
          lost: s.lost,
          "out of order": s.outOfOrder,
          duplicates: s.duplicates,
          "bad signatures": s.unverified,
          requests: s.requests,
          "wall s": round(seconds, 1),
          target: "lost 0, out of order 0",
        };
      });
    } finally {
      // Leave no endpoint behind to receive later benches' events.
      await Promise.all(endpointIds.map((id) => call("deleteWebhookEndpoint", admin, { id })));
      await Promise.all(Object.values(receivers).map((r) => r.close()));
    }
  },
};
