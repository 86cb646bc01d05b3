/**
 * REST hooks on the emulators: an integration subscribes itself with its API
 * key, receives the events of its own stock writes signed with the secret it
 * was given (verified by the `standardwebhooks` library), reads its
 * deliveries, and unsubscribes. Another key sees none of it; bad input
 * stores nothing.
 */
import { Collections, type ApiDeliveryView, type CreateWebhookEndpointOutput } from "@showroom/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDb } from "../../scripts/lib/admin.js";
import { startReceiver, type Receiver } from "../../scripts/lib/events.js";
import { apiFetch, createKey, expectProblem, idemKey } from "./api-support.js";
import { eventually } from "./customers-support.js";
import { clientPool, createProduct, warmUp } from "./inventory-fixtures.js";

const pool = clientPool();
const receivers: Receiver[] = [];
afterAll(async () => {
  await pool.closeAll();
  await Promise.all(receivers.map((r) => r.close()));
});

let integration: { keyId: string; key: string };
let stranger: string;

beforeAll(async () => {
  const admin = await pool.client({ kind: "user", role: "admin" });
  await warmUp(admin, ["createApiKey"]);
  integration = await createKey(admin, ["webhooks:write", "inventory:write"]);
  stranger = (await createKey(admin, ["webhooks:write"])).key;
  await apiFetch("/v1/openapi.json"); // starts the function's worker
}, 120_000);

const endpointsOfKey = async (keyId: string) => (await adminDb().collection(Collections.webhookEndpoints).where("ownerKeyId", "==", keyId).get()).size;

describe("REST hooks", () => {
  it("subscribes, delivers its stock writes signed, lists deliveries, and unsubscribes; audited as the key", async () => {
    const { skus } = await createProduct([{ main: 3 }]);
    const sku = skus[0] as string;
    const receiver = await startReceiver(undefined, { only: (envelope) => envelope.subject === `sku/${sku}` });
    receivers.push(receiver);

    const created = await apiFetch("/v1/webhooks", { key: integration.key, body: { url: receiver.url, eventTypes: ["inventory.updated"] } });
    expect(created.status).toBe(200);
    const { id, secret } = created.json() as CreateWebhookEndpointOutput;
    expect(secret).toMatch(/^whsec_/);
    receiver.secrets.push(secret);
    expect((await adminDb().collection(Collections.webhookEndpoints).doc(id).get()).get("ownerKeyId")).toBe(integration.keyId);

    const write = await apiFetch("/v1/inventory/adjust", {
      key: integration.key,
      body: { items: [{ sku, location: "main", delta: 2 }] },
      idempotencyKey: idemKey(),
    });
    expect(write.status).toBe(200);
    await eventually(async () => receiver.accepted()[0], "the signed inventory.updated", 90_000);
    const [received] = receiver.accepted();
    expect(received).toMatchObject({ verifiedWith: 0, envelope: { type: "inventory.updated", subject: `sku/${sku}`, data: { onHand: 5 } } });

    // Other suites' stock events may reach this endpoint too (its receiver answers them 204): look at this SKU's.
    const ours = await eventually(async () => {
      const answer = (await apiFetch(`/v1/webhooks/${id}/deliveries?limit=50`, { key: integration.key })).json() as { items: ApiDeliveryView[] };
      const mine = answer.items.filter((d) => d.subject === `sku/${sku}`);
      return mine.some((d) => d.status === "delivered") ? mine : undefined;
    }, "the delivery recorded as delivered");
    expect(ours).toEqual([
      expect.objectContaining({ eventId: received?.webhookId, type: "inventory.updated", subject: `sku/${sku}`, attempts: 1, lastStatus: 200 }),
    ]);

    expect((await apiFetch(`/v1/webhooks/${id}`, { method: "DELETE", key: integration.key })).json()).toEqual({ id, deleted: true });
    expect((await adminDb().collection(Collections.webhookEndpoints).doc(id).get()).exists).toBe(false);
    expectProblem(await apiFetch(`/v1/webhooks/${id}`, { method: "DELETE", key: integration.key }), 404, "not-found");

    const audits = await adminDb().collection(Collections.auditLog).where("target.id", "==", id).get();
    expect(audits.docs.map((d) => [d.get("action"), d.get("actorUid")]).sort()).toEqual([
      ["webhook.create", `apikey:${integration.keyId}`],
      ["webhook.delete", `apikey:${integration.keyId}`],
    ]);
  });

  it("shows another key's endpoint to nobody: 404 to read or delete, and it stays", async () => {
    const created = await apiFetch("/v1/webhooks", { key: integration.key, body: { url: "http://127.0.0.1:9/hook", eventTypes: ["order.placed"] } });
    const { id } = created.json() as CreateWebhookEndpointOutput;
    expectProblem(await apiFetch(`/v1/webhooks/${id}`, { method: "DELETE", key: stranger }), 404, "not-found");
    expectProblem(await apiFetch(`/v1/webhooks/${id}/deliveries`, { key: stranger }), 404, "not-found");
    expect((await adminDb().collection(Collections.webhookEndpoints).doc(id).get()).exists).toBe(true);
    expect((await apiFetch(`/v1/webhooks/${id}`, { method: "DELETE", key: integration.key })).status).toBe(200);
  });

  it("refuses bad subscriptions with problem JSON and stores nothing", async () => {
    const before = await endpointsOfKey(integration.keyId);
    const cases: [unknown, string][] = [
      [{ url: "https://10.0.0.5/hook", eventTypes: ["order.placed"] }, "url"],
      [{ url: "https://169.254.169.254/latest", eventTypes: ["order.placed"] }, "url"],
      [{ url: "http://127.0.0.1:9/hook", eventTypes: ["order.shipped"] }, "eventTypes"],
      [{ url: "http://127.0.0.1:9/hook", eventTypes: [] }, "eventTypes"],
      [{ url: "http://127.0.0.1:9/hook", eventTypes: ["order.placed"], secret: "mine" }, "secret"],
    ];
    for (const [body, mentioned] of cases) {
      const problem = expectProblem(await apiFetch("/v1/webhooks", { key: integration.key, body }), 400, "invalid");
      expect(JSON.stringify(problem.issues), JSON.stringify(body)).toContain(mentioned);
    }
    expectProblem(await apiFetch("/v1/webhooks/not%20an%20id", { method: "DELETE", key: integration.key }), 400, "invalid");
    expect(await endpointsOfKey(integration.keyId)).toBe(before);
  });

  it("needs the webhooks:write scope", async () => {
    const admin = await pool.client({ kind: "user", role: "admin" });
    const reader = (await createKey(admin, ["inventory:read"])).key;
    expectProblem(await apiFetch("/v1/webhooks", { key: reader, body: { url: "http://127.0.0.1:9/hook", eventTypes: ["order.placed"] } }), 403, "forbidden");
    expectProblem(await apiFetch("/v1/webhooks", { body: { url: "http://127.0.0.1:9/hook", eventTypes: ["order.placed"] } }), 401, "unauthenticated");
  });
});
