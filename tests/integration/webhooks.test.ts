/**
 * Webhooks end to end on the emulators: events published to `showroom-events`
 * (as the relay does) reach real receivers on loopback, signed so the
 * `standardwebhooks` library verifies them; retries, 410, rotation, order,
 * duplicates, resend and replay; bad endpoint input stores nothing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Timestamp } from "firebase-admin/firestore";
import { Webhook } from "standardwebhooks";
import { Collections, WEBHOOK_ATTEMPTS, webhookDeliveryId, type CreateWebhookEndpointOutput, type EventEnvelope } from "@showroom/model";
import { adminDb } from "../../scripts/lib/admin.js";
import { expectCallableError, type TestClient } from "../support/clients.js";
import { inventoryEvent, isTestTraffic, publishEvent, startReceiver, uniqueSkuCode, type Behaviour, type Receiver } from "../../scripts/lib/events.js";
import { client, clients, eventually, settle } from "./customers-support.js";
import { triggerSchedule } from "../../scripts/lib/schedules.js";
import { envelopeBody, newDelivery, subjectDocId } from "../../functions/src/webhooks/deliveries.js";

const receivers: Receiver[] = [];
const endpoints: string[] = [];
let adminClient: TestClient | undefined;

async function admin(): Promise<TestClient> {
  adminClient ??= await client({ kind: "user", role: "admin", email: `admin-${Date.now()}@showroom.test` });
  return adminClient;
}

async function endpointFor(behaviour?: Behaviour, eventTypes = ["inventory.updated"]) {
  const receiver = await startReceiver(behaviour, { only: isTestTraffic });
  receivers.push(receiver);
  const created = await (await admin()).call<CreateWebhookEndpointOutput>("createWebhookEndpoint", { url: receiver.url, eventTypes });
  receiver.secrets.push(created.secret);
  endpoints.push(created.id);
  return { receiver, id: created.id, secret: created.secret };
}

const deliveryRef = (endpointId: string, eventId: string, suffix?: string) =>
  adminDb()
    .collection(Collections.webhookDeliveries)
    .doc(webhookDeliveryId(endpointId, eventId, suffix));

async function attemptsOf(endpointId: string, eventId: string) {
  const snap = await deliveryRef(endpointId, eventId).collection(WEBHOOK_ATTEMPTS).orderBy("n").get();
  return snap.docs.map((d) => d.data());
}

const until = <T>(read: () => T | undefined | false, what: string, timeoutMs = 60_000) =>
  eventually(async () => read() || undefined, what, timeoutMs) as Promise<T>;

// The first message on a cold emulator takes a minute or more to reach the consumer under load
// (subscription start, worker spawn); wait for one before any test's clock starts.
beforeAll(async () => {
  const warmUp = inventoryEvent(uniqueSkuCode(), 1);
  await publishEvent(warmUp);
  await eventually(
    async () => ((await adminDb().collection(Collections.webhookSubjects).doc(warmUp.subject.replace("/", "~")).get()).exists ? true : undefined),
    "the consumer to take its first message",
    240_000,
  );
}, 250_000);

afterEach(async () => {
  // Endpoints of finished tests stop receiving, so they add no load to the next.
  await Promise.all(
    endpoints.splice(0).map((id) =>
      adminDb()
        .collection(Collections.webhookEndpoints)
        .doc(id)
        .update({ enabled: false })
        .catch(() => undefined),
    ),
  );
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await Promise.all(clients.map((c) => c.close()));
});

describe("webhook delivery", () => {
  it("POSTs the envelope with headers the standardwebhooks library verifies, and logs the attempt", async () => {
    const { receiver, id } = await endpointFor();
    const event = inventoryEvent(uniqueSkuCode(), 1);
    await publishEvent(event);
    const [got] = await until(() => receiver.accepted().length === 1 && receiver.accepted(), "the receiver to get the event");
    expect(got!.verifiedWith).toBe(0);
    expect(got!.webhookId).toBe(event.id);
    expect(Math.abs(Number(got!.timestamp) - Date.now() / 1000)).toBeLessThan(60);
    expect(got!.signature).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    expect(JSON.parse(got!.body)).toEqual(event);

    const delivery = await eventually(async () => {
      const d = (await deliveryRef(id, event.id).get()).data();
      return d?.status === "delivered" ? d : undefined;
    }, "the delivery to be recorded as delivered");
    expect(delivery).toMatchObject({ endpointId: id, eventId: event.id, subject: event.subject, seq: 1, attempts: 1, lastStatus: 200, origin: "event" });
    expect(delivery.expireAt.toMillis() - Date.now()).toBeGreaterThan(29 * 24 * 3600_000);
    const [attempt] = await attemptsOf(id, event.id);
    expect(attempt).toMatchObject({ n: 1, status: 200, responseSnippet: "answer 200", error: null });
    expect(attempt!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(attempt!.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("retries a receiver that answers 500 until it accepts, keeping every attempt", async () => {
    const { receiver, id } = await endpointFor((n) => ({ status: n <= 2 ? 500 : 204 }));
    const event = inventoryEvent(uniqueSkuCode(), 1);
    await publishEvent(event);
    await until(() => receiver.accepted().length === 1, "the third attempt to be accepted");
    expect(receiver.received.map((r) => r.webhookId)).toEqual([event.id, event.id, event.id]);
    const attempts = await eventually(async () => {
      const list = await attemptsOf(id, event.id);
      return list.length === 3 ? list : undefined;
    }, "three attempts logged");
    expect(attempts.map((a) => a.status)).toEqual([500, 500, 204]);
    expect((await deliveryRef(id, event.id).get()).get("status")).toBe("delivered");
    // The backoff itself (spacing, jitter, the 25-hour window) is the pure decision unit-tested in
    // functions/src/webhooks; the Cloud Tasks emulator's dispatch time is too coarse to time here.
  });

  it("keeps delivering to a healthy endpoint while others hang, close the connection or answer slowly", async () => {
    const hanging = await endpointFor((n) => (n === 1 ? "hang" : { status: 200 }));
    const closing = await endpointFor((n) => (n === 1 ? "close" : { status: 200 }));
    const slow = await endpointFor(() => ({ status: 200, delayMs: 3000 }));
    const healthy = await endpointFor();
    const sku = uniqueSkuCode();
    const first = inventoryEvent(sku, 1);
    const other = inventoryEvent(uniqueSkuCode(), 1);
    const started = Date.now();
    await publishEvent(first);
    await publishEvent(other);
    await until(() => healthy.receiver.accepted().length === 2, "the healthy endpoint to get both events");
    // Well before the hanging receiver's 15 s timeout.
    expect(Date.now() - started).toBeLessThan(12_000);
    await until(() => closing.receiver.accepted().length === 2, "the closing endpoint to get both after a retry");
    await until(() => slow.receiver.accepted().length === 2, "the slow endpoint to get both");
    await until(() => hanging.receiver.accepted().length === 2, "the hanging endpoint to get both after its timeout", 90_000);
    const hungAttempt = (await attemptsOf(hanging.id, hanging.receiver.received[0]!.webhookId))[0];
    expect(hungAttempt).toMatchObject({ status: null });
    expect(String(hungAttempt!.error)).toContain("No answer within 15 s");
    const closedAttempt = (await attemptsOf(closing.id, closing.receiver.received[0]!.webhookId))[0];
    expect(closedAttempt).toMatchObject({ status: null });
    expect(closedAttempt!.error).toBeTruthy();
  }, 120_000);

  it("disables the endpoint on 410 and sends it nothing more", async () => {
    const { receiver, id } = await endpointFor(() => ({ status: 410 }));
    const sku = uniqueSkuCode();
    await publishEvent(inventoryEvent(sku, 1));
    const endpoint = await eventually(async () => {
      const d = (await adminDb().collection(Collections.webhookEndpoints).doc(id).get()).data();
      return d?.enabled === false ? d : undefined;
    }, "the endpoint to be disabled");
    expect(endpoint.disabledReason).toBe("gone");
    await publishEvent(inventoryEvent(sku, 2));
    await settle(3000);
    expect(receiver.requests()).toBe(1);
  });

  it("disables an endpoint that keeps failing and mails the admins", async () => {
    const admins = await admin();
    const { id } = await endpointFor(() => ({ status: 503 }));
    await publishEvent(inventoryEvent(uniqueSkuCode(), 1));
    const endpoint = await eventually(
      async () => {
        const d = (await adminDb().collection(Collections.webhookEndpoints).doc(id).get()).data();
        return d?.enabled === false ? d : undefined;
      },
      "the failing endpoint to be disabled",
      90_000,
    );
    expect(endpoint.disabledReason).toBe("failing");
    expect(endpoint.failure.consecutive).toBeGreaterThanOrEqual(6);
    const email = (await admins.auth.currentUser!.email)!;
    const mail = await eventually(async () => {
      const snap = await adminDb().collection(Collections.mail).where("to", "array-contains", email).get();
      return snap.docs.find((d) => String(d.get("message.text")).includes(id))?.data();
    }, "the admin alert mail");
    expect(mail.message.subject).toContain("Webhook endpoint disabled");
  }, 120_000);

  it("signs with both secrets during a rotation's grace period, then only the new one", async () => {
    const { receiver, id, secret } = await endpointFor();
    const rotated = await (await admin()).call<{ secret: string; previousSecretExpiresAt: string }>("rotateWebhookSecret", { id, graceSeconds: 3600 });
    expect(rotated.secret).not.toBe(secret);
    expect(Date.parse(rotated.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(3500_000);
    const sku = uniqueSkuCode();
    await publishEvent(inventoryEvent(sku, 1));
    const [during] = await until(() => receiver.accepted().length === 1 && receiver.accepted(), "the event during the grace period");
    const headers = { "webhook-id": during!.webhookId, "webhook-timestamp": during!.timestamp, "webhook-signature": during!.signature };
    expect(during!.signature.split(" ")).toHaveLength(2);
    expect(() => new Webhook(secret).verify(during!.body, headers)).not.toThrow();
    expect(() => new Webhook(rotated.secret).verify(during!.body, headers)).not.toThrow();

    // No grace: the old secret stops signing at once.
    const again = await (await admin()).call<{ secret: string }>("rotateWebhookSecret", { id, graceSeconds: 0 });
    await publishEvent(inventoryEvent(sku, 2));
    const after = await until(() => receiver.accepted().length === 2 && receiver.accepted()[1], "the event after the second rotation");
    const afterHeaders = { "webhook-id": after.webhookId, "webhook-timestamp": after.timestamp, "webhook-signature": after.signature };
    expect(() => new Webhook(again.secret).verify(after.body, afterHeaders)).not.toThrow();
    expect(() => new Webhook(rotated.secret).verify(after.body, afterHeaders)).toThrow();
  });

  it("delivers a subject's events in seq order even when published out of order and the first one fails", async () => {
    let failedFirst = false;
    const { receiver } = await endpointFor((_, envelope) => {
      if (envelope.seq === 1 && !failedFirst) {
        failedFirst = true;
        return { status: 500 };
      }
      return { status: 200 };
    });
    const sku = uniqueSkuCode();
    const events = [1, 2, 3, 4, 5].map((seq) => inventoryEvent(sku, seq));
    for (const e of [events[2]!, events[4]!, events[1]!, events[0]!, events[3]!]) await publishEvent(e);
    await until(() => receiver.accepted().length === 5, "all five events");
    expect(receiver.accepted().map((r) => r.envelope.seq)).toEqual([1, 2, 3, 4, 5]);
    // Nothing after seq 1 was even attempted before seq 1 was accepted.
    expect(receiver.received.map((r) => r.envelope.seq)).toEqual([1, 1, 2, 3, 4, 5]);
  });

  it("makes one delivery of a message delivered twice", async () => {
    const { receiver, id } = await endpointFor();
    const event = inventoryEvent(uniqueSkuCode(), 1);
    await publishEvent(event);
    await publishEvent(event);
    await until(() => receiver.accepted().length >= 1, "the event");
    await settle(3000);
    expect(receiver.received).toHaveLength(1);
    const deliveries = await adminDb().collection(Collections.webhookDeliveries).where("endpointId", "==", id).get();
    expect(deliveries.size).toBe(1);
  });

  it("resends one delivery and replays a time range for one endpoint, in order", async () => {
    const { receiver, id } = await endpointFor();
    const other = await endpointFor();
    const sku = uniqueSkuCode();
    const first = inventoryEvent(sku, 1);
    await publishEvent(first);
    await until(() => receiver.accepted().length === 1, "the first delivery");

    const resent = await (await admin()).call<{ deliveryId: string }>("resendWebhookDelivery", { deliveryId: webhookDeliveryId(id, first.id) });
    await until(() => receiver.accepted().length === 2, "the resent event");
    expect(receiver.accepted()[1]!.webhookId).toBe(first.id);
    expect((await adminDb().collection(Collections.webhookDeliveries).doc(resent.deliveryId).get()).get("origin")).toBe("resend");

    // Stored outbox events in the outbox's own shape (occurredAt a Timestamp), already published: the
    // subject's relay cursor stands at 4, so only the replay sends them. Written newest first, to prove the order.
    const base = Date.now() - 60_000;
    const stored: EventEnvelope[] = [1, 2, 3].map((seq) => inventoryEvent(`${sku}-R`, seq, { occurredAt: new Date(base + seq * 1000).toISOString() }));
    const outside = inventoryEvent(`${sku}-R`, 4, { occurredAt: new Date(base + 30_000).toISOString() });
    await adminDb().collection(Collections.eventCursors).doc(`sku~${sku}-R`).set({ publishedSeq: 4, leaseOwner: null, leaseUntilMs: 0, pending: false });
    for (const e of [outside, ...stored].reverse()) {
      await adminDb()
        .collection(Collections.events)
        .doc(e.id)
        .set({ ...e, occurredAt: Timestamp.fromDate(new Date(e.occurredAt)), createdAt: Timestamp.now(), publishedAt: Timestamp.now() });
    }
    const replay = await (
      await admin()
    ).call<{ queued: number }>("replayWebhookEvents", {
      endpointId: id,
      since: new Date(base).toISOString(),
      until: new Date(base + 10_000).toISOString(),
    });
    expect(replay.queued).toBe(3);
    await until(() => receiver.accepted().length === 5, "the three replayed events");
    expect(
      receiver
        .accepted()
        .slice(2)
        .map((r) => r.envelope.seq),
    ).toEqual([1, 2, 3]);
    expect(
      receiver
        .accepted()
        .slice(2)
        .every((r) => r.verifiedWith === 0),
    ).toBe(true);
    await settle(1500);
    expect(other.receiver.received.filter((r) => r.envelope.subject === `sku/${sku}-R`)).toEqual([]);
  }, 150_000);

  it("delivers a replay message from the topic only to the endpoint it names, once", async () => {
    const a = await endpointFor();
    const b = await endpointFor();
    const event = inventoryEvent(uniqueSkuCode(), 1);
    await publishEvent(event, { endpointId: a.id });
    await until(() => a.receiver.accepted().length === 1, "the replay at endpoint a");
    await settle(2000);
    expect(b.receiver.received).toEqual([]);
    expect(a.receiver.received).toHaveLength(1);
  });
});

describe("webhook catch-up after a crash", () => {
  /** An event the relay published (its cursor moved a minute ago) as a crash leaves it: stored, nothing else. */
  async function publishedEarlier(event: EventEnvelope) {
    const db = adminDb();
    const aMinuteAgo = Timestamp.fromMillis(Date.now() - 60_000);
    // The cursor first, so the relay this write triggers finds nothing left to publish.
    await db
      .collection(Collections.eventCursors)
      .doc(subjectDocId(event.subject))
      .set({ subject: event.subject, publishedSeq: event.seq, relayedAt: aMinuteAgo, leaseOwner: null, leaseUntilMs: 0 }, { merge: true });
    const { occurredAt, ...rest } = event;
    await db
      .collection(Collections.events)
      .doc(event.id)
      .set({ ...rest, occurredAt: Timestamp.fromDate(new Date(occurredAt)), createdAt: aMinuteAgo, publishedAt: aMinuteAgo });
  }

  it("records and delivers an event whose consumer died, and sends a delivery whose task was lost", async () => {
    const { receiver, id } = await endpointFor();
    const sku = uniqueSkuCode();
    // Seq 1: published, but webhooksOnEvent died before recording it.
    const missed = inventoryEvent(sku, 1);
    await publishedEarlier(missed);
    // Seq 2: recorded with its delivery, but the task that would send it was lost.
    const stalled = inventoryEvent(sku, 2);
    await publishedEarlier(stalled);
    await adminDb()
      .collection(Collections.webhookSubjects)
      .doc(subjectDocId(stalled.subject))
      .set({ subject: stalled.subject, through: 0, ahead: [2] });
    await deliveryRef(id, stalled.id).set(newDelivery(stalled, id, envelopeBody(stalled), "event", Date.now() - 60_000, undefined));
    await settle();
    expect(receiver.accepted()).toHaveLength(0);

    await triggerSchedule("webhooksCatchUp");
    await until(() => receiver.accepted().length === 2, "both events after the catch-up");
    expect(receiver.accepted().map((r) => r.webhookId)).toEqual([missed.id, stalled.id]);
    expect((await deliveryRef(id, missed.id).get()).get("status")).toBe("delivered");
    expect((await deliveryRef(id, stalled.id).get()).get("status")).toBe("delivered");

    // A second run finds nothing left: no duplicate.
    await triggerSchedule("webhooksCatchUp");
    await settle();
    expect(receiver.accepted()).toHaveLength(2);
  });
});

describe("webhook endpoint management", () => {
  it.each([
    [{ url: "https://10.0.0.5/hook", eventTypes: ["order.placed"] }, "private"],
    [{ url: "https://169.254.169.254/latest", eventTypes: ["order.placed"] }, "metadata"],
    [{ url: "ftp://example.com/hook", eventTypes: ["order.placed"] }, "https"],
    [{ url: "http://127.0.0.1:9/hook", eventTypes: ["order.shipped"] }, "eventTypes"],
    [{ url: "http://127.0.0.1:9/hook", eventTypes: [] }, "eventTypes"],
    [{ url: `http://127.0.0.1:9/${"x".repeat(3000)}`, eventTypes: ["order.placed"] }, "url"],
    [{ url: "http://127.0.0.1:9/hook", eventTypes: ["order.placed", "order.placed"] }, "once"],
  ])("refuses %j with invalid-argument and stores nothing", async (input, message) => {
    const before = await adminDb().collection(Collections.webhookEndpoints).count().get();
    const error = await expectCallableError((await admin()).call("createWebhookEndpoint", input), "invalid-argument");
    expect(error.message).toContain(message);
    const after = await adminDb().collection(Collections.webhookEndpoints).count().get();
    expect(after.data().count).toBe(before.data().count);
  });

  it("is admins only", async () => {
    const staff = await client({ kind: "user", role: "staff" });
    await expectCallableError(staff.call("createWebhookEndpoint", { url: "http://127.0.0.1:9/x", eventTypes: ["order.placed"] }), "permission-denied");
  });

  it("keeps the secret out of the endpoint document and updates, disables and deletes", async () => {
    const { id, secret } = await endpointFor();
    const endpoint = (await adminDb().collection(Collections.webhookEndpoints).doc(id).get()).data()!;
    expect(JSON.stringify(endpoint)).not.toContain(secret.slice(6, 20));
    expect((await adminDb().collection(Collections.webhookSecrets).doc(id).get()).get("current")).toBe(secret);
    const a = await admin();
    await a.call("updateWebhookEndpoint", { id, eventTypes: ["order.placed", "order.cancelled"], enabled: false });
    expect((await adminDb().collection(Collections.webhookEndpoints).doc(id).get()).data()).toMatchObject({
      eventTypes: ["order.placed", "order.cancelled"],
      enabled: false,
      disabledReason: "admin",
    });
    await expectCallableError(a.call("updateWebhookEndpoint", { id, url: "https://192.168.0.1/" }), "invalid-argument");
    expect((await adminDb().collection(Collections.webhookEndpoints).doc(id).get()).get("url")).toMatch(/^http:\/\/127\.0\.0\.1/);
    await a.call("deleteWebhookEndpoint", { id });
    expect((await adminDb().collection(Collections.webhookEndpoints).doc(id).get()).exists).toBe(false);
    expect((await adminDb().collection(Collections.webhookSecrets).doc(id).get()).exists).toBe(false);
    await expectCallableError(a.call("deleteWebhookEndpoint", { id }), "not-found");
  });

  it("resumes an endpoint's waiting deliveries when it is enabled again", async () => {
    const { receiver, id } = await endpointFor((n) => ({ status: n === 1 ? 410 : 200 }));
    const event = inventoryEvent(uniqueSkuCode(), 1);
    await publishEvent(event);
    await eventually(
      async () => ((await adminDb().collection(Collections.webhookEndpoints).doc(id).get()).get("enabled") === false ? true : undefined),
      "410 to disable it",
    );
    expect((await deliveryRef(id, event.id).get()).get("status")).toBe("pending");
    await (await admin()).call("updateWebhookEndpoint", { id, enabled: true });
    await until(() => receiver.accepted().length === 1, "the waiting event after enabling");
    expect(receiver.accepted()[0]!.webhookId).toBe(event.id);
  });
});
