/**
 * The event contract boundary for tests and benches: publish envelopes to `showroom-events`
 * as the relay does (data = envelope JSON, orderingKey = subject, attributes
 * { type, subject, seq }, optional replay attributes), and real webhook
 * receivers on loopback that verify signatures with `standardwebhooks`.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { PubSub, type Topic } from "@google-cloud/pubsub";
import { Webhook } from "standardwebhooks";
import { EVENTS_TOPIC, type EventEnvelope } from "@showroom/model";

const PROJECT_ID = process.env.GCLOUD_PROJECT ?? "demo-showroom";

let topic: Promise<Topic> | null = null;

function eventsTopic(): Promise<Topic> {
  topic ??= (async () => {
    const pubsub = new PubSub({ projectId: PROJECT_ID });
    const t = pubsub.topic(EVENTS_TOPIC, { messageOrdering: true });
    const [exists] = await t.exists();
    if (!exists) await t.create().catch((error: { code?: number }) => (error.code === 6 ? undefined : Promise.reject(error)));
    return t;
  })();
  return topic;
}

export async function publishEvent(envelope: EventEnvelope, replay?: { endpointId?: string }): Promise<string> {
  const t = await eventsTopic();
  return t.publishMessage({
    data: Buffer.from(JSON.stringify(envelope)),
    orderingKey: envelope.subject,
    attributes: {
      type: envelope.type,
      subject: envelope.subject,
      seq: String(envelope.seq),
      ...(replay ? { replay: "1", ...(replay.endpointId ? { endpointId: replay.endpointId } : {}) } : {}),
    },
  });
}

export const uniqueSkuCode = () => `WH-${randomUUID().slice(0, 8).toUpperCase()}`;

/** A valid `inventory.updated` envelope for `sku/{sku}` with this seq. */
export function inventoryEvent(sku: string, seq: number, extra: Partial<EventEnvelope> = {}): EventEnvelope {
  return {
    id: `evt-${randomUUID()}`,
    type: "inventory.updated",
    occurredAt: new Date().toISOString(),
    subject: `sku/${sku}`,
    seq,
    data: { sku, productId: "p-test", available: seq, status: "in_stock", onHand: seq, locations: { main: { onHand: seq } }, reason: "receive" },
    ...extra,
  };
}

export interface Received {
  webhookId: string;
  timestamp: string;
  signature: string;
  body: string;
  envelope: EventEnvelope;
  /** Which of the receiver's secrets verified it (index), or -1. */
  verifiedWith: number;
  /** When the request's body had arrived (Date.now()). */
  receivedAtMs: number;
  /** The W3C `traceparent` header the sender passed on, if any. */
  traceparent: string | null;
}

/** What the receiver does with its n-th request (1-based). */
export type Behaviour = (n: number, envelope: EventEnvelope) => { status: number; delayMs?: number } | "hang" | "close";

export interface Receiver {
  url: string;
  received: Received[];
  /** Requests answered 2xx, in arrival order. */
  accepted: () => Received[];
  requests: () => number;
  secrets: string[];
  close(): Promise<void>;
}

export interface ReceiverOptions {
  /**
   * Which envelopes this receiver is about. Others (say, the relay's real events of the same type
   * while other suites' stock moves) are answered 204 and neither counted nor recorded.
   */
  only?: (envelope: EventEnvelope) => boolean;
}

/** Events of the test SKUs `uniqueSkuCode` makes: the webhook suites' own traffic. */
export const isTestTraffic = (envelope: EventEnvelope) => envelope.subject.startsWith("sku/WH-");

export async function startReceiver(behaviour: Behaviour = () => ({ status: 200 }), options: ReceiverOptions = {}): Promise<Receiver> {
  const received: Received[] = [];
  const acceptedList: Received[] = [];
  const secrets: string[] = [];
  let count = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const receivedAtMs = Date.now();
      const body = Buffer.concat(chunks).toString("utf8");
      if (options.only && !options.only(JSON.parse(body) as EventEnvelope)) return void res.writeHead(204).end();
      count += 1;
      const headers = {
        "webhook-id": String(req.headers["webhook-id"] ?? ""),
        "webhook-timestamp": String(req.headers["webhook-timestamp"] ?? ""),
        "webhook-signature": String(req.headers["webhook-signature"] ?? ""),
      };
      const verifiedWith = secrets.findIndex((secret) => {
        try {
          new Webhook(secret).verify(body, headers);
          return true;
        } catch {
          return false;
        }
      });
      const envelope = JSON.parse(body) as EventEnvelope;
      const entry: Received = {
        webhookId: headers["webhook-id"],
        timestamp: headers["webhook-timestamp"],
        signature: headers["webhook-signature"],
        body,
        envelope,
        verifiedWith,
        receivedAtMs,
        traceparent: typeof req.headers.traceparent === "string" ? req.headers.traceparent : null,
      };
      received.push(entry);
      const action = behaviour(count, envelope);
      if (action === "hang") return; // never answers; the sender's timeout ends it
      if (action === "close") return req.socket.destroy();
      const answer = () => {
        if (action.status >= 200 && action.status < 300) acceptedList.push(entry);
        res.writeHead(action.status, { "content-type": "text/plain" }).end(`answer ${action.status}`);
      };
      if (action.delayMs) setTimeout(answer, action.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    accepted: () => acceptedList,
    requests: () => count,
    secrets,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
