/**
 * One trace id end to end on the emulators (issue 13): an order placed with a
 * known W3C traceparent carries that trace id through the callable's span,
 * the stock batch (by link), the outbox event, the relay's Pub/Sub message,
 * the webhook delivery and its attempt record, and the `traceparent` header a
 * real receiver on loopback gets; the log lines carry it too, and `npm run
 * trace` prints the path.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Collections, emulatorAppCheckToken, WEBHOOK_ATTEMPTS, webhookDeliveryId, type CreateWebhookEndpointOutput, type EventEnvelope } from "@showroom/model";
import { parseSpanLines, type SpanRecord } from "../../functions/src/operations/span-record.js";
import { parseTraceparent, traceIdOf } from "../../functions/src/operations/traceparent.js";
import { adminDb } from "../../scripts/lib/admin.js";
import { startReceiver, type Receiver } from "../../scripts/lib/events.js";
import { signIn, type TestClient } from "../support/clients.js";
import { functionsEmulator, PROJECT_ID } from "../support/env.js";
import { functionLogLines } from "../support/function-logs.js";
import { eventually } from "./customers-support.js";
import { createProduct, shipping, uniqueKey, warmUp } from "./inventory-fixtures.js";

const traceFile = () => {
  const file = process.env.SHOWROOM_TRACE_FILE;
  if (!file) throw new Error("SHOWROOM_TRACE_FILE is not set: run this suite through `npm run with-emulators -- …`");
  return file;
};
const spansOf = (traceId: string): SpanRecord[] => parseSpanLines(readFileSync(traceFile(), "utf8")).filter((s) => s.traceId === traceId);
const allSpans = (): SpanRecord[] => parseSpanLines(readFileSync(traceFile(), "utf8"));

let admin: TestClient;
let shopper: TestClient;
let receiver: Receiver;
let endpointId: string;

/** placeOrder over the callable protocol as a browser would send it, with our own headers (the web SDK sets none). */
async function placeOrderWith(headers: Record<string, string>, sku: string): Promise<string> {
  const token = await shopper.auth.currentUser!.getIdToken();
  const response = await fetch(`${functionsEmulator().origin}/${PROJECT_ID}/us-central1/placeOrder`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${token}`,
      "x-firebase-appcheck": emulatorAppCheckToken().token,
      ...headers,
    },
    body: JSON.stringify({ data: { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 1 }], shipping } }),
  });
  const body = (await response.json()) as { result?: { orderId: string }; error?: unknown };
  if (!body.result) throw new Error(`placeOrder failed: ${response.status} ${JSON.stringify(body)}`);
  return body.result.orderId;
}

async function orderEvent(orderId: string) {
  const snap = await adminDb().collection(Collections.events).where("subject", "==", `order/${orderId}`).get();
  return snap.docs[0]?.data();
}

beforeAll(async () => {
  admin = await signIn({ kind: "user", role: "admin", email: `trace-admin-${Date.now()}@showroom.test` });
  shopper = await signIn({ kind: "user" });
  // Only this shopper's orders: other suites' order events are answered 204 and not recorded.
  receiver = await startReceiver(undefined, { only: (envelope: EventEnvelope) => envelope.type === "order.placed" && envelope.data.uid === shopper.uid });
  const created = await admin.call<CreateWebhookEndpointOutput>("createWebhookEndpoint", { url: receiver.url, eventTypes: ["order.placed"] });
  receiver.secrets.push(created.secret);
  endpointId = created.id;
  await warmUp(shopper, ["placeOrder"]);
}, 120_000);

afterAll(async () => {
  await adminDb().collection(Collections.webhookEndpoints).doc(endpointId).update({ enabled: false });
  await receiver.close();
  await Promise.all([admin.close(), shopper.close()]);
});

describe("one trace id end to end", () => {
  it("carries the caller's trace id from the callable through the stock batch, outbox, relay and webhook attempt to the receiver", async () => {
    const traceId = randomBytes(16).toString("hex");
    const parentSpanId = randomBytes(8).toString("hex");
    const { skus } = await createProduct([{ main: 5 }]);
    const orderId = await placeOrderWith({ traceparent: `00-${traceId}-${parentSpanId}-01` }, skus[0]!);

    // The outbox event, written in the order's transaction, stores the trace beside the envelope.
    const event = await eventually(() => orderEvent(orderId), "the order.placed event");
    expect(traceIdOf(event.traceparent)).toBe(traceId);

    // The receiver gets the same trace id in its traceparent header (a child span of ours: another span id).
    const [got] = await eventually(
      async () => (receiver.accepted().some((r) => r.envelope.subject === `order/${orderId}`) ? receiver.accepted() : undefined),
      "the webhook",
      240_000,
    );
    expect(got!.envelope.subject).toBe(`order/${orderId}`);
    expect(got!.verifiedWith).toBe(0);
    expect(parseTraceparent(got!.traceparent)?.traceId).toBe(traceId);
    expect(parseTraceparent(got!.traceparent)?.spanId).not.toBe(parentSpanId);

    // The delivery and its attempt record carry it.
    const deliveryRef = adminDb().collection(Collections.webhookDeliveries).doc(webhookDeliveryId(endpointId, event.id));
    expect(traceIdOf((await deliveryRef.get()).get("traceparent"))).toBe(traceId);
    const attempt = await eventually(async () => (await deliveryRef.collection(WEBHOOK_ATTEMPTS).doc("1").get()).data(), "the attempt record");
    expect(attempt.traceId).toBe(traceId);

    // Spans: the callable continues the caller's span; relay, consumer and attempt are in the same trace; the batch links it.
    // The commit trigger's span comes last: the engine has usually published the event before it runs.
    const spans = await eventually(async () => {
      const list = spansOf(traceId);
      return list.some((s) => s.name === "webhooks.attempt") && list.some((s) => s.name === "trigger relayCommit") ? list : undefined;
    }, "the attempt's and the commit trigger's spans in the trace file");
    const callable = spans.find((s) => s.name === "callable placeOrder");
    expect(callable).toMatchObject({ parentSpanId, ok: true, attributes: { "showroom.order_id": orderId, "showroom.outcome": "ok" } });
    for (const name of ["trigger relayCommit", "events.publish", "trigger webhooksOnEvent", "webhooks.attempt"]) {
      expect(spans.map((s) => s.name)).toContain(name);
    }
    expect(spans.find((s) => s.name === "webhooks.attempt")?.attributes).toMatchObject({ "showroom.order_id": orderId, "showroom.outcome": "delivered" });
    const batch = allSpans().find((s) => s.name === "inventory.stock_batch" && s.links.some((l) => l.traceId === traceId));
    expect(batch).toBeDefined();
    expect(batch!.traceId).not.toBe(traceId);
    expect(batch!.links).toContainEqual({ traceId, spanId: callable!.spanId });
    expect(batch!.attributes["showroom.trace_ids"]).toContain(traceId);
    expect(batch!.attributes["showroom.requests"]).toBeGreaterThanOrEqual(1);

    // The structured log lines carry it: Cloud Logging's trace field inside spans, and the batch and attempt lines name it.
    const trace = `projects/${PROJECT_ID}/traces/${traceId}`;
    const lines = await eventually(
      async () => {
        const list = functionLogLines();
        return list.some((l) => l.message === "webhooks: attempt" && l.traceId === traceId) ? list : undefined;
      },
      "the attempt's log line",
      120_000,
    ).catch((error: Error) => {
      const attempts = functionLogLines().filter((l) => l.message === "webhooks: attempt");
      const ours = attempts.filter((l) => l.deliveryId === deliveryRef.id);
      throw new Error(`${error.message} (${attempts.length} attempt lines in the log, ours: ${JSON.stringify(ours)})`);
    });
    expect(lines.some((l) => l.message === "callable: answered" && l.operation === "placeOrder" && l["logging.googleapis.com/trace"] === trace)).toBe(true);
    expect(lines.some((l) => l.message === "inventory: stock batch committed" && (l.traceIds as string[]).includes(traceId))).toBe(true);
    expect(lines.some((l) => l.message === "events: published" && l.subject === `order/${orderId}` && l["logging.googleapis.com/trace"] === trace)).toBe(true);

    // `npm run trace -- <orderId>` prints that path as a waterfall.
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/trace.ts", orderId], { env: process.env });
    expect(stdout.split("\n")[0]).toContain(traceId);
    for (const name of ["callable placeOrder", "↪ inventory.stock_batch", "webhooks.attempt"]) expect(stdout).toContain(name);
  }, 300_000);

  it("starts the trace at the callable when the caller sends no traceparent or a malformed one", async () => {
    const { skus } = await createProduct([{ main: 5 }]);
    for (const headers of [{}, { traceparent: "00-not-a-trace-01" }] as Record<string, string>[]) {
      const orderId = await placeOrderWith(headers, skus[0]!);
      const event = await eventually(() => orderEvent(orderId), "the order.placed event");
      const traceId = traceIdOf(event.traceparent);
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
      const callable = await eventually(async () => spansOf(traceId!).find((s) => s.name === "callable placeOrder"), "the callable's span");
      expect(callable).toMatchObject({ parentSpanId: null, attributes: { "showroom.order_id": orderId } });
    }
  }, 120_000);
});
