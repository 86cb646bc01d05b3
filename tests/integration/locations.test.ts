/**
 * Locations as data, against the real emulators: an admin adds a third
 * location, stock arrives there through the REST API and adjustStock, orders
 * draw in drawOrder, and an unknown or inactive location is refused with
 * nothing written. The file leaves the location deleted, as it found it.
 */
import { randomUUID } from "node:crypto";
import { Collections, SEED_LOCATIONS, type InventoryView, type PlaceOrderOutput, type StockLocation, type WriteAnswer } from "@showroom/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDb } from "../../scripts/lib/admin.js";
import { expectCallableError, type TestClient } from "../support/clients.js";
import { apiFetch, createKey, expectProblem, idemKey } from "./api-support.js";
import { clientPool, createProduct, expectReconciled, ledgerOf, readDoc, shipping, uniqueKey, warmUp } from "./inventory-fixtures.js";

const NYC: StockLocation = { code: "showroom-nyc", name: "New York showroom", kind: "showroom", drawOrder: 0, active: true };
const MAIN = SEED_LOCATIONS.find((l) => l.code === "main")!;

const pool = clientPool();
let admin: TestClient;
let staff: TestClient;
let shopper: TestClient;
let writer: string;
let sku: string;

const locationsOf = async (s: string) => ((await readDoc(Collections.inventory, s))?.locations ?? {}) as Record<string, { onHand: number }>;
const auditsOf = async (code: string) =>
  (await adminDb().collection(Collections.auditLog).where("target.id", "==", code).get()).docs.map((d) => d.data()).filter((a) => a.target.kind === "location");

beforeAll(async () => {
  admin = await pool.client({ kind: "user", role: "admin" });
  staff = await pool.client({ kind: "user", role: "staff" });
  shopper = await pool.client({ kind: "anonymous" });
  await Promise.all([
    warmUp(admin, ["upsertLocation", "deleteLocation", "createApiKey"]),
    warmUp(staff, ["adjustStock", "receiveShipment"]),
    warmUp(shopper, ["placeOrder"]),
  ]);
  writer = (await createKey(admin, ["inventory:read", "inventory:write"])).key;
  sku = (await createProduct([{ main: 2, east: 3 }])).skus[0] as string;
}, 300_000);

afterAll(async () => {
  // Best effort if a test failed half-way: later files must not draw from, or backorder against, this location,
  // and find main where the seed put it.
  if ((await adminDb().collection(Collections.locations).doc(NYC.code).get()).exists) {
    await admin.call("upsertLocation", { ...NYC, active: false, drawOrder: 1000 }).catch(() => undefined);
  }
  await admin.call("upsertLocation", MAIN).catch(() => undefined);
  await pool.closeAll();
});

describe("locations", () => {
  it("admins add a location, audited; staff may not, and a bad code is refused with nothing written", async () => {
    await expectCallableError(staff.call("upsertLocation", NYC), "permission-denied");
    await expectCallableError(admin.call("upsertLocation", { ...NYC, code: "Showroom NYC" }), "invalid-argument");
    await expectCallableError(admin.call("upsertLocation", { ...NYC, kind: "store" }), "invalid-argument");
    expect((await adminDb().collection(Collections.locations).doc("Showroom NYC").get()).exists).toBe(false);

    await expect(admin.call("upsertLocation", NYC)).resolves.toEqual({ code: NYC.code, created: true });
    expect(await readDoc(Collections.locations, NYC.code)).toMatchObject(NYC);
    expect(await auditsOf(NYC.code)).toEqual([expect.objectContaining({ action: "location.upsert", actorUid: admin.uid, after: NYC })]);
  });

  it("receives stock at the new location through the API and through adjustStock", async () => {
    const answer = await apiFetch("/v1/inventory/adjust", {
      key: writer,
      body: { items: [{ sku, location: NYC.code, delta: 4, reason: "receive", reference: "PO-NYC-1" }] },
      idempotencyKey: idemKey(),
    });
    expect((answer.json() as WriteAnswer).items).toEqual([{ sku, location: NYC.code, result: "applied", onHand: 4 }]);
    await expect(staff.call("adjustStock", { sku, location: NYC.code, delta: 1, reason: "receive" })).resolves.toMatchObject({ sku, onHand: 10 });

    expect(await locationsOf(sku)).toEqual({ main: { onHand: 2 }, east: { onHand: 3 }, [NYC.code]: { onHand: 5 } });
    expect((await ledgerOf(sku)).map((e) => [e.location, e.delta, e.after])).toEqual(
      expect.arrayContaining([
        [NYC.code, 4, 4],
        [NYC.code, 1, 5],
      ]),
    );
    const view = (await apiFetch(`/v1/inventory/${sku}`, { key: writer })).json() as InventoryView;
    expect(view.locations).toEqual({ main: { onHand: 2 }, east: { onHand: 3 }, [NYC.code]: { onHand: 5 } });
    await expectReconciled([sku]);
  });

  it("an order draws in drawOrder: the showroom (0), then east (1), then main once an admin moves it to 2", async () => {
    // Equal draw orders fall back to the code (main and the showroom are both 0): move main behind east so drawOrder alone decides.
    await admin.call("upsertLocation", { ...MAIN, drawOrder: 2 });
    try {
      const order = await shopper.call<PlaceOrderOutput>("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 7 }], shipping });
      const stored = await readDoc(Collections.orders, order.orderId);
      expect(stored?.lines[0].allocations).toEqual([
        { location: NYC.code, quantity: 5 },
        { location: "east", quantity: 2 },
      ]);
      expect(await locationsOf(sku)).toEqual({ main: { onHand: 2 }, east: { onHand: 1 }, [NYC.code]: { onHand: 0 } });
    } finally {
      await admin.call("upsertLocation", MAIN);
    }
    await expectReconciled([sku]);
  });

  it("refuses an unknown location in adjustStock, receiving and the API, writing nothing", async () => {
    const before = { locations: await locationsOf(sku), ledger: (await ledgerOf(sku)).length };
    await expectCallableError(staff.call("adjustStock", { sku, location: "west", delta: 1, reason: "receive" }), "not-found", {
      reason: "unknown-location",
      location: "west",
    });
    await expectCallableError(
      staff.call("receiveShipment", { receiptId: `rcpt-${randomUUID()}`, rows: [{ sku, location: "west", quantity: 1 }] }),
      "not-found",
      { reason: "unknown-location", location: "west" },
    );
    const answer = await apiFetch("/v1/inventory/adjust", { key: writer, body: { items: [{ sku, location: "west", delta: 1 }] }, idempotencyKey: idemKey() });
    expect((answer.json() as WriteAnswer).items).toEqual([{ sku, location: "west", result: "rejected", onHand: 0, code: "unknown-location" }]);
    // Not a code at all: the request is bad input.
    const problem = expectProblem(
      await apiFetch("/v1/inventory/adjust", { key: writer, body: { items: [{ sku, location: "West Wing", delta: 1 }] }, idempotencyKey: idemKey() }),
      400,
      "invalid",
    );
    expect(JSON.stringify(problem)).toContain("location");
    expect({ locations: await locationsOf(sku), ledger: (await ledgerOf(sku)).length }).toEqual(before);
  });

  it("keeps a location with stock; an inactive one gives stock up but takes none; empty, it can be deleted", async () => {
    await staff.call("adjustStock", { sku, location: NYC.code, delta: 2, reason: "receive" });
    await expectCallableError(admin.call("deleteLocation", { code: NYC.code }), "failed-precondition", {
      reason: "location-has-stock",
      location: NYC.code,
      sku,
    });
    await expectCallableError(admin.call("deleteLocation", { code: "main" }), "failed-precondition", { reason: "default-location", location: "main" });

    await expect(admin.call("upsertLocation", { ...NYC, active: false })).resolves.toEqual({ code: NYC.code, created: false });
    await expectCallableError(staff.call("adjustStock", { sku, location: NYC.code, delta: 1, reason: "receive" }), "failed-precondition", {
      reason: "inactive-location",
      location: NYC.code,
    });
    await staff.call("adjustStock", { sku, location: NYC.code, setTo: 0, reason: "count" });

    await expect(admin.call("deleteLocation", { code: NYC.code })).resolves.toEqual({ code: NYC.code, deleted: true });
    expect((await adminDb().collection(Collections.locations).doc(NYC.code).get()).exists).toBe(false);
    expect((await auditsOf(NYC.code)).map((a) => a.action).sort()).toEqual(["location.delete", "location.upsert", "location.upsert"]);
    await expectCallableError(staff.call("adjustStock", { sku, location: NYC.code, delta: 1, reason: "receive" }), "not-found", {
      reason: "unknown-location",
      location: NYC.code,
    });
    await expectReconciled([sku]);
  });
});
