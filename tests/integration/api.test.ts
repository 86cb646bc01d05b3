/**
 * The REST API against the real emulators: the `api` HTTPS function served by
 * the Functions emulator, keys made with the real callable, outcomes checked
 * in Firestore (inventory, ledger, audit, stored answers).
 */
import { Validator } from "@seriousme/openapi-schema-validator";
import { Collections, type InventoryView, type WriteAnswer } from "@showroom/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDb } from "../../scripts/lib/admin.js";
import { expectCallableError } from "../support/clients.js";
import { apiBase, apiFetch, createKey, expectProblem, idemKey } from "./api-support.js";
import { clientPool, createProduct, expectReconciled, ledgerOf, onHand, uniqueSku, warmUp } from "./inventory-fixtures.js";

const pool = clientPool();
afterAll(pool.closeAll);
let admin: Awaited<ReturnType<typeof pool.client>>;
let writer: string;
let reader: string;

beforeAll(async () => {
  admin = await pool.client({ kind: "user", role: "admin" });
  await warmUp(admin, ["createApiKey", "revokeApiKey"]);
  writer = (await createKey(admin, ["inventory:read", "inventory:write", "catalog:read", "orders:read"])).key;
  reader = (await createKey(admin, ["inventory:read"])).key;
  await apiFetch("/v1/openapi.json"); // starts the function's worker
}, 120_000);

const auditsOfKey = async (keyId: string) => (await adminDb().collection(Collections.auditLog).where("target.id", "==", keyId).get()).docs.map((d) => d.data());

describe("API keys", () => {
  it("creates a key shown once and stored only as a hash, audited; only admins may", async () => {
    const { keyId, key } = await createKey(admin, ["inventory:read"]);
    expect(key).toMatch(new RegExp(`^shr_${keyId}_[A-Za-z0-9_-]{43}$`));
    const meta = (await adminDb().collection(Collections.apiKeys).doc(keyId).get()).data();
    expect(meta).toMatchObject({ scopes: ["inventory:read"], useCount: 0 });
    expect(JSON.stringify(meta)).not.toContain(key.slice(29));
    const hash = (await adminDb().collection(Collections.apiKeyHashes).doc(keyId).get()).data();
    expect(Object.keys(hash ?? {})).toEqual(["sha256"]);
    expect(JSON.stringify(hash)).not.toContain(key.slice(29));
    expect(await auditsOfKey(keyId)).toEqual([expect.objectContaining({ action: "apiKey.create", actorUid: admin.uid })]);

    const staff = await pool.client({ kind: "user", role: "staff" });
    await expectCallableError(staff.call("createApiKey", { name: "x", scopes: ["inventory:read"] }), "permission-denied");
    await expectCallableError(admin.call("createApiKey", { name: "x", scopes: ["inventory:read"], expiresAt: "2001-01-01T00:00:00Z" }), "invalid-argument");
  });

  it("records the last use and counts uses", async () => {
    const { keyId, key } = await createKey(admin, ["inventory:read"]);
    await apiFetch("/v1/inventory?limit=1", { key });
    const meta = (await adminDb().collection(Collections.apiKeys).doc(keyId).get()).data();
    expect(meta?.useCount).toBe(1);
    expect(meta?.lastUsedAt).toBeDefined();
  });

  it("a revoked or expired key answers 401 at once", async () => {
    const { keyId, key } = await createKey(admin, ["inventory:read"]);
    expect((await apiFetch("/v1/inventory?limit=1", { key })).status).toBe(200);
    await expect(admin.call("revokeApiKey", { keyId })).resolves.toEqual({ keyId, revoked: true });
    expectProblem(await apiFetch("/v1/inventory?limit=1", { key }), 401, "unauthenticated");
    expect((await auditsOfKey(keyId)).map((a) => a.action).sort()).toEqual(["apiKey.create", "apiKey.revoke"]);

    const expiring = await createKey(admin, ["inventory:read"]);
    await adminDb()
      .collection(Collections.apiKeys)
      .doc(expiring.keyId)
      .update({ expiresAt: new Date(Date.now() - 1000) });
    expectProblem(await apiFetch("/v1/inventory?limit=1", { key: expiring.key }), 401, "unauthenticated");
  });
});

describe("auth, scopes and limits", () => {
  it("answers 401 without a key or with a forged one, 403 without the scope", async () => {
    expectProblem(await apiFetch("/v1/inventory"), 401, "unauthenticated");
    expectProblem(await apiFetch("/v1/inventory", { key: "nope" }), 401, "unauthenticated");
    const forged = `${reader.slice(0, 29)}${"A".repeat(43)}`;
    expectProblem(await apiFetch("/v1/inventory", { key: forged }), 401, "unauthenticated");
    expectProblem(await apiFetch("/v1/inventory/set", { key: reader, body: { items: [] }, idempotencyKey: idemKey() }), 403, "forbidden");
    expectProblem(await apiFetch("/v1/orders", { key: reader }), 403, "forbidden");
  });

  it("answers every error as problem JSON: unknown path, wrong method, bad JSON, wrong type, too large", async () => {
    expectProblem(await apiFetch("/v1/nowhere", { key: writer }), 404, "not-found");
    const wrongMethod = await apiFetch("/v1/inventory/adjust", { key: writer });
    expectProblem(wrongMethod, 405, "method-not-allowed");
    expect(wrongMethod.headers.get("allow")).toBe("POST");
    expectProblem(
      await apiFetch("/v1/inventory/adjust", { key: writer, raw: "{nope", contentType: "text/plain", idempotencyKey: idemKey() }),
      415,
      "unsupported-media-type",
    );
    const huge = { items: [{ sku: "ABC-1", location: "main", delta: 1, reference: "x".repeat(1024 * 1024) }] };
    expectProblem(await apiFetch("/v1/inventory/adjust", { key: writer, body: huge, idempotencyKey: idemKey() }), 413, "too-large");
    expectProblem(await apiFetch("/v1/inventory/adjust", { key: writer, body: { items: [{ sku: "X-1", location: "main", delta: 1 }] } }), 400, "invalid");
    const tooMany = Array.from({ length: 251 }, () => ({ sku: "ABC-1", location: "main", delta: 1 }));
    const problem = expectProblem(await apiFetch("/v1/inventory/adjust", { key: writer, body: { items: tooMany }, idempotencyKey: idemKey() }), 400, "invalid");
    expect(problem.issues?.[0]?.path).toEqual(["items"]);
  });

  it("malformed JSON sent as application/json is refused with 400 by the Functions runtime's parser before the API (docs/api.md: known limit)", async () => {
    const answer = await apiFetch("/v1/inventory/adjust", { key: writer, raw: "{nope", idempotencyKey: idemKey() });
    expect(answer.status).toBe(400);
  });

  it("sends no CORS headers: browsers on other origins cannot call it", async () => {
    const preflight = await fetch(`${apiBase()}/v1/inventory`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "GET" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    const get = await apiFetch("/v1/inventory?limit=1", { key: reader, headers: { origin: "https://evil.example" } });
    expect(get.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("rate limits per key with 429 and Retry-After; other keys go on", async () => {
    const { key } = await createKey(admin, ["inventory:read"], { rateLimitPerMinute: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await apiFetch("/v1/inventory?limit=1", { key })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await apiFetch("/v1/inventory?limit=1", { key });
    expectProblem(limited, 429, "rate-limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await apiFetch("/v1/inventory?limit=1", { key: reader })).status).toBe(200);
  });
});

describe("inventory", () => {
  it("reads one SKU; unknown → 404 unknown-sku, malformed → 400", async () => {
    const { productId, skus } = await createProduct([{ main: 4, east: 2 }]);
    const sku = skus[0] as string;
    const answer = await apiFetch(`/v1/inventory/${sku}`, { key: reader });
    expect(answer.json()).toEqual({ sku, productId, available: 6, status: "in_stock", onHand: 6, locations: { main: { onHand: 4 }, east: { onHand: 2 } } });
    expectProblem(await apiFetch(`/v1/inventory/${uniqueSku()}`, { key: reader }), 404, "unknown-sku");
    expectProblem(await apiFetch("/v1/inventory/lower-case", { key: reader }), 400, "invalid");
  });

  it("set is compare-and-set: a stale item changes nothing and reports on hand; ledger names the key and reference", async () => {
    const { skus } = await createProduct([{ main: 5 }]);
    const sku = skus[0] as string;
    const body = { items: [{ sku, location: "main", quantity: 9, changeFromQuantity: 4 }] };
    const stale = await apiFetch("/v1/inventory/set", { key: writer, body, idempotencyKey: idemKey() });
    expect(stale.json()).toEqual({ items: [{ sku, location: "main", result: "stale", onHand: 5 }] });
    expect(await ledgerOf(sku)).toEqual([]);

    const ok = await apiFetch("/v1/inventory/set", {
      key: writer,
      body: { items: [{ sku, location: "main", quantity: 9, changeFromQuantity: 5, reference: "PO-77" }] },
      idempotencyKey: idemKey(),
    });
    expect(ok.json()).toEqual({ items: [{ sku, location: "main", result: "applied", onHand: 9 }] });
    const writerId = writer.slice(4, 24);
    expect(await ledgerOf(sku)).toEqual([
      expect.objectContaining({ delta: 4, before: 5, after: 9, reason: "count", reference: "PO-77", actorUid: `apikey:${writerId}` }),
    ]);
    expect((await auditsOfKey(writerId)).some((a) => a.action === "api.stock.write" && JSON.stringify(a.after).includes(sku))).toBe(true);
    await expectReconciled([sku]);
  });

  it("adjust adds deltas; a removal below zero is rejected with a code while the other items apply", async () => {
    const { skus } = await createProduct([{ main: 2 }, { main: 1 }]);
    const [a, b] = skus as [string, string];
    const answer = await apiFetch("/v1/inventory/adjust", {
      key: writer,
      body: {
        items: [
          { sku: a, location: "east", delta: 3, reason: "receive" },
          { sku: b, location: "main", delta: -2 },
          { sku: uniqueSku(), location: "main", delta: 1 },
        ],
      },
      idempotencyKey: idemKey(),
    });
    expect((answer.json() as WriteAnswer).items.map((i) => [i.result, i.onHand, i.code])).toEqual([
      ["applied", 3, undefined],
      ["rejected", 1, "negative-stock"],
      ["rejected", 0, "unknown-sku"],
    ]);
    expect(await onHand(a)).toEqual({ main: 2, east: 3 });
    expect(await onHand(b)).toMatchObject({ main: 1 });
    await expectReconciled([a, b]);
  });

  it("an Idempotency-Key replays the first answer and writes nothing; another body is 422; none is 400", async () => {
    const { skus } = await createProduct([{ main: 1 }]);
    const sku = skus[0] as string;
    const key = idemKey();
    const body = { items: [{ sku, location: "main", delta: 2 }] };
    const first = await apiFetch("/v1/inventory/adjust", { key: writer, body, idempotencyKey: key });
    const again = await Promise.all(Array.from({ length: 5 }, () => apiFetch("/v1/inventory/adjust", { key: writer, body, idempotencyKey: key })));
    for (const replay of again) {
      expect(replay.json()).toEqual(first.json());
      expect(replay.headers.get("idempotent-replayed")).toBe("true");
    }
    expect(await ledgerOf(sku)).toHaveLength(1);
    expect(await onHand(sku)).toMatchObject({ main: 3 });
    expectProblem(
      await apiFetch("/v1/inventory/adjust", { key: writer, body: { items: [{ sku, location: "main", delta: 5 }] }, idempotencyKey: key }),
      422,
      "idempotency-key-reused",
    );
    expectProblem(await apiFetch("/v1/inventory/adjust", { key: writer, body }), 400, "invalid");
    expect(await ledgerOf(sku)).toHaveLength(1);
  });

  it("50 writers racing read → set(changeFromQuantity) → retry on stale lose no update", async () => {
    const { skus } = await createProduct([{ main: 0 }]);
    const sku = skus[0] as string;
    // Its own key, with room for every retry: the race is the subject here, not the per-key rate limit
    // (on a fast machine 50 racing writers make well over the default 600 requests a minute).
    const racer = (await createKey(admin, ["inventory:read", "inventory:write"], { rateLimitPerMinute: 100_000 })).key;
    let staleRetries = 0;
    const increment = async () => {
      for (;;) {
        const current = (await apiFetch(`/v1/inventory/${sku}`, { key: racer })).json() as InventoryView;
        const from = current.locations.main?.onHand ?? 0;
        const answer = await apiFetch("/v1/inventory/set", {
          key: racer,
          body: { items: [{ sku, location: "main", quantity: from + 1, changeFromQuantity: from }] },
          idempotencyKey: idemKey(),
        });
        const [item] = (answer.json() as WriteAnswer).items;
        if (item?.result === "applied") return;
        expect(item?.result).toBe("stale");
        staleRetries += 1;
      }
    };
    await Promise.all(Array.from({ length: 50 }, increment));
    expect(await onHand(sku)).toMatchObject({ main: 50 });
    const ledger = await ledgerOf(sku);
    expect(ledger).toHaveLength(50);
    expect(ledger.reduce((sum, e) => sum + e.delta, 0)).toBe(50);
    expect(staleRetries).toBeGreaterThan(0);
    await expectReconciled([sku]);
  }, 180_000);
});

describe("bulk", () => {
  it("applies good JSONL lines, fails bad ones alone, answers line by line", async () => {
    const { skus } = await createProduct([{ main: 3 }, { main: 1 }]);
    const [a, b] = skus as [string, string];
    const lines = [
      JSON.stringify({ op: "set", sku: a, location: "main", quantity: 10, changeFromQuantity: 3 }),
      "{not json",
      JSON.stringify({ op: "adjust", sku: b, location: "main", delta: 0 }),
      JSON.stringify({ op: "adjust", sku: b, location: "east", delta: 4, reference: "supplier feed" }),
      JSON.stringify({ op: "set", sku: a, location: "main", quantity: 1, changeFromQuantity: 3 }),
    ];
    const answer = await apiFetch("/v1/inventory/bulk", {
      key: writer,
      raw: `${lines.join("\n")}\n`,
      contentType: "application/x-ndjson",
      idempotencyKey: idemKey(),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    const results = answer.text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(results.map((r) => [r.line, r.result])).toEqual([
      [1, "applied"],
      [2, "invalid"],
      [3, "invalid"],
      [4, "applied"],
      [5, "stale"],
    ]);
    expect(results[2].issues[0].path).toEqual(["delta"]);
    expect(await onHand(a)).toMatchObject({ main: 10 });
    expect(await onHand(b)).toEqual({ main: 1, east: 4 });
    await expectReconciled([a, b]);
  });

  it("refuses more than 10,000 lines as a whole, writing nothing", async () => {
    const { skus } = await createProduct([{ main: 3 }]);
    const line = JSON.stringify({ op: "adjust", sku: skus[0], location: "main", delta: 1 });
    const raw = Array.from({ length: 10_001 }, () => line).join("\n");
    expectProblem(await apiFetch("/v1/inventory/bulk", { key: writer, raw, contentType: "application/x-ndjson", idempotencyKey: idemKey() }), 400, "invalid");
    expect(await ledgerOf(skus[0] as string)).toEqual([]);
  });
});

describe("reads", () => {
  it("pages inventory with cursors, and filters by updatedSince", async () => {
    const since = new Date().toISOString();
    const { skus } = await createProduct([{ main: 1 }, { main: 2 }, { main: 3 }]);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = (
        await apiFetch(`/v1/inventory?limit=2&updatedSince=${encodeURIComponent(since)}${cursor ? `&cursor=${cursor}` : ""}`, { key: reader })
      ).json() as { items: InventoryView[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.sku));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 50);
    for (const sku of skus) expect(seen).toContain(sku);
    expect(new Set(seen).size).toBe(seen.length);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await apiFetch(`/v1/inventory?updatedSince=${encodeURIComponent(future)}`, { key: reader })).json()).toEqual({ items: [], nextCursor: null });
    expectProblem(await apiFetch("/v1/inventory?cursor=garbage", { key: reader }), 400, "invalid");
    expectProblem(await apiFetch("/v1/inventory?limit=500", { key: reader }), 400, "invalid");
  });

  it("lists products and orders (with status and lines, without the shopper)", async () => {
    const { productId, skus } = await createProduct([{ main: 5 }]);
    const shopper = await pool.client({ kind: "anonymous" });
    await warmUp(shopper, ["placeOrder"]);
    const since = new Date(Date.now() - 1000).toISOString();
    const { orderId } = await shopper.call<{ orderId: string }>("placeOrder", {
      idempotencyKey: idemKey(),
      lines: [{ sku: skus[0], quantity: 2 }],
      shipping: { name: "Ada", line1: "1 Loom St", city: "Leeds", postalCode: "LS1 1AA", country: "GB" },
    });

    const orders = (await apiFetch(`/v1/orders?limit=200&updatedSince=${encodeURIComponent(since)}`, { key: writer })).json() as { items: { id: string }[] };
    const order = orders.items.find((o) => o.id === orderId);
    expect(order).toMatchObject({ status: "placed", lines: [{ sku: skus[0], quantity: 2 }] });
    expect(JSON.stringify(order)).not.toContain("Loom");

    let found = false;
    let cursor: string | null = null;
    do {
      const page = (await apiFetch(`/v1/products?limit=100${cursor ? `&cursor=${cursor}` : ""}`, { key: writer })).json() as {
        items: { id: string }[];
        nextCursor: string | null;
      };
      found ||= page.items.some((p) => p.id === productId);
      cursor = page.nextCursor;
    } while (cursor && !found);
    expect(found).toBe(true);
  });
});

describe("OpenAPI", () => {
  // About a dozen requests one after another, some starting a cold API worker: more than the default minute on a busy machine.
  it("is a valid OpenAPI 3.1 document, and every path in it is answered", async () => {
    const response = await apiFetch("/v1/openapi.json");
    expect(response.status).toBe(200);
    const document = response.json() as { openapi: string; servers: { url: string }[]; paths: Record<string, Record<string, unknown>> };
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers[0]?.url).toBe(apiBase());

    const { skus } = await createProduct([{ main: 1 }]);
    const hooks = (await createKey(admin, ["webhooks:write"])).key;
    let hookId = "";
    // Paths come in the route table's order: subscribe, read deliveries, then unsubscribe.
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const method of Object.keys(operations)) {
        const concrete = path.replace("{sku}", skus[0] as string).replace("{id}", hookId);
        const bulk = path.endsWith("/bulk");
        const hook = path.startsWith("/v1/webhooks");
        const item = path.endsWith("/set")
          ? { sku: skus[0], location: "main", quantity: 2, changeFromQuantity: null }
          : { sku: skus[0], location: "main", delta: 1 };
        const body = hook
          ? method === "post"
            ? { url: "http://127.0.0.1:9/hook", eventTypes: ["order.cancelled"] }
            : undefined
          : method === "post" && !bulk
            ? { items: [item] }
            : undefined;
        const raw = bulk ? `${JSON.stringify({ op: "adjust", sku: skus[0], location: "main", delta: 1 })}\n` : undefined;
        const answer = await apiFetch(concrete, {
          method: method.toUpperCase(),
          key: hook ? hooks : writer,
          body,
          raw,
          contentType: bulk ? "application/x-ndjson" : undefined,
          idempotencyKey: idemKey(),
        });
        expect({ path, method, status: answer.status }).toEqual({ path, method, status: 200 });
        if (hook && method === "post") hookId = (answer.json() as { id: string }).id;
      }
    }
  }, 180_000);
});
