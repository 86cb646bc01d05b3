import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Collections } from "@showroom/model";
import { adminAuth, adminDb } from "../../scripts/lib/admin.js";
import { expectCallableError } from "../support/clients.js";
import { clientPool, createProduct, expectReconciled, uniqueSku } from "./inventory-fixtures.js";

const pool = clientPool();
const client = pool.client;
afterAll(pool.closeAll);

// Each callable's emulator worker starts on its first call, which can exceed a test's timeout on a
// busy machine: start them here with inputs the schema rejects (they write nothing).
beforeAll(async () => {
  const admin = await client({ kind: "user", role: "admin" });
  await Promise.all((["receiveShipment", "setProductActive", "listStaff"] as const).map((name) => admin.call(name, { warmUp: true }).catch(() => undefined)));
});

const uniq = () => randomUUID().slice(0, 8).toUpperCase();
const receiptId = () => `rcpt-${randomUUID()}`;

/** A fresh SKU of its own product, so tests never share stock. */
async function seedSku(main: number, east: number) {
  const { productId, skus } = await createProduct([{ main, east }]);
  return { productId, sku: skus[0]! };
}

const inventoryOf = async (sku: string) => (await adminDb().collection(Collections.inventory).doc(sku).get()).data();
const ledgerFor = async (id: string) => (await adminDb().collection(Collections.stockLedger).where("receiptId", "==", id).get()).docs.map((d) => d.data());

describe("receiveShipment", () => {
  it("applies every row as one audited receipt: ledger, inventory and its status, public stock", async () => {
    const staff = await client({ kind: "user", role: "staff" });
    const a = await seedSku(2, 0);
    const b = await seedSku(0, 1);
    const id = receiptId();
    const rows = [
      { sku: a.sku, location: "main", quantity: 5 },
      { sku: a.sku, location: "east", quantity: 2 },
      { sku: b.sku, location: "east", quantity: 10 },
    ];

    expect((await inventoryOf(b.sku))?.status).toBe("low_stock");
    await expect(staff.call("receiveShipment", { receiptId: id, rows, note: "PO 4411" })).resolves.toEqual({
      receiptId: id,
      rows: 3,
      units: 17,
      alreadyApplied: false,
    });

    expect((await inventoryOf(a.sku))?.locations).toEqual({ main: { onHand: 7 }, east: { onHand: 2 } });
    expect((await inventoryOf(b.sku))?.locations).toEqual({ main: { onHand: 0 }, east: { onHand: 11 } });
    expect((await adminDb().collection(Collections.stock).doc(a.sku).get()).data()).toMatchObject({ available: 9, status: "in_stock" });
    expect((await adminDb().collection(Collections.productStock).doc(b.productId).get()).data()?.skus[b.sku]).toMatchObject({ available: 11 });
    // The board filters on inventory's copy of the public status: it follows the receipt.
    expect((await inventoryOf(a.sku))?.status).toBe("in_stock");
    expect((await inventoryOf(b.sku))?.status).toBe("in_stock");
    const ledger = await ledgerFor(id);
    expect(ledger.map((e) => [e.sku, e.location, e.delta, e.before, e.after, e.reason, e.actorUid]).toSorted()).toEqual(
      [
        [a.sku, "main", 5, 2, 7, "receive", staff.uid],
        [a.sku, "east", 2, 0, 2, "receive", staff.uid],
        [b.sku, "east", 10, 1, 11, "receive", staff.uid],
      ].toSorted(),
    );
    const audit = await adminDb().collection(Collections.auditLog).where("target.id", "==", id).get();
    expect(audit.docs.map((d) => d.data())).toEqual([
      expect.objectContaining({ action: "stock.receive", actorUid: staff.uid, note: "PO 4411", after: { rows, units: 17 } }),
    ]);
    await expectReconciled([a.sku, b.sku]);
  });

  it("receives once when the same receipt is applied twice", async () => {
    const staff = await client({ kind: "user", role: "staff" });
    const { sku } = await seedSku(1, 0);
    const input = { receiptId: receiptId(), rows: [{ sku, location: "main", quantity: 4 }] };
    await staff.call("receiveShipment", input);
    await expect(staff.call("receiveShipment", input)).resolves.toMatchObject({ alreadyApplied: true });
    expect((await inventoryOf(sku))?.locations.main.onHand).toBe(5);
    expect(await ledgerFor(input.receiptId)).toHaveLength(1);
  });

  it("rejects a receipt with an unknown SKU and changes nothing", async () => {
    const staff = await client({ kind: "user", role: "staff" });
    const { sku } = await seedSku(3, 0);
    const id = receiptId();
    const rows = [
      { sku, location: "main", quantity: 4 },
      { sku: uniqueSku("NOPE"), location: "main", quantity: 1 },
    ];
    await expectCallableError(staff.call("receiveShipment", { receiptId: id, rows }), "not-found", { reason: "unknown-sku", sku: rows[1]!.sku });
    expect((await inventoryOf(sku))?.locations.main.onHand).toBe(3);
    expect(await ledgerFor(id)).toEqual([]);
    expect((await adminDb().collection(Collections.auditLog).where("target.id", "==", id).get()).size).toBe(0);
  });

  it("rejects duplicate rows, bad quantities and malformed location codes as invalid-argument, an unconfigured location as not-found", async () => {
    const staff = await client({ kind: "user", role: "staff" });
    const { sku } = await seedSku(3, 0);
    for (const rows of [
      [
        { sku, location: "main", quantity: 1 },
        { sku, location: "main", quantity: 2 },
      ],
      [{ sku, location: "main", quantity: 0 }],
      [{ sku, location: "main", quantity: 1.5 }],
      [{ sku, location: "West Wing", quantity: 1 }],
      [],
    ]) {
      await expectCallableError(staff.call("receiveShipment", { receiptId: receiptId(), rows }), "invalid-argument");
    }
    // Well formed but not one of the store's locations (docs/locations.md).
    await expectCallableError(staff.call("receiveShipment", { receiptId: receiptId(), rows: [{ sku, location: "west", quantity: 1 }] }), "not-found", {
      reason: "unknown-location",
      location: "west",
    });
    expect((await inventoryOf(sku))?.locations.main.onHand).toBe(3);
  });

  it("refuses shoppers and guests", async () => {
    const { sku } = await seedSku(3, 0);
    const input = { receiptId: receiptId(), rows: [{ sku, location: "main", quantity: 1 }] };
    await expectCallableError((await client({ kind: "user" })).call("receiveShipment", input), "permission-denied");
    await expectCallableError((await client({ kind: "anonymous" })).call("receiveShipment", input), "permission-denied");
    await expectCallableError((await client({ kind: "signed-out" })).call("receiveShipment", input), "unauthenticated");
    expect((await inventoryOf(sku))?.locations.main.onHand).toBe(3);
  });
});

describe("setProductActive", () => {
  it("deactivates and reactivates a product, auditing each change once", async () => {
    const staff = await client({ kind: "user", role: "staff" });
    const { productId } = await seedSku(1, 0);
    await expect(staff.call("setProductActive", { productId, active: false })).resolves.toEqual({ productId, active: false });
    expect((await adminDb().collection(Collections.products).doc(productId).get()).get("active")).toBe(false);
    await staff.call("setProductActive", { productId, active: false });
    await staff.call("setProductActive", { productId, active: true });
    const audit = await adminDb().collection(Collections.auditLog).where("target.id", "==", productId).get();
    expect(audit.docs.map((d) => d.data().after).toSorted((a, b) => Number(a.active) - Number(b.active))).toEqual([{ active: false }, { active: true }]);
  });

  it("answers not-found for an unknown product and refuses shoppers", async () => {
    const staff = await client({ kind: "user", role: "staff" });
    await expectCallableError(staff.call("setProductActive", { productId: `nope-${uniq()}`, active: false }), "not-found");
    const { productId } = await seedSku(1, 0);
    await expectCallableError((await client({ kind: "user" })).call("setProductActive", { productId, active: false }), "permission-denied");
    expect((await adminDb().collection(Collections.products).doc(productId).get()).get("active")).toBe(true);
  });
});

describe("listStaff", () => {
  it("lists users holding a role and finds one user by email", async () => {
    const admin = await client({ kind: "user", role: "admin" });
    const staffEmail = `staff-${uniq().toLowerCase()}@test.showroom`;
    const staff = await client({ kind: "user", role: "staff", email: staffEmail });
    const shopperEmail = `shopper-${uniq().toLowerCase()}@test.showroom`;
    const shopper = await client({ kind: "user", email: shopperEmail });

    const result = await admin.call<{ staff: { uid: string; role: string | null }[]; user: unknown }>("listStaff", { email: shopperEmail });
    expect(result.staff).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ uid: staff.uid, role: "staff", email: staffEmail }),
        expect.objectContaining({ uid: admin.uid, role: "admin" }),
      ]),
    );
    expect(result.staff.map((s) => s.uid)).not.toContain(shopper.uid);
    expect(result.user).toEqual({ uid: shopper.uid, email: shopperEmail, displayName: null, role: null });
    await expect(admin.call("listStaff", { email: `nobody-${uniq().toLowerCase()}@test.showroom` })).resolves.toMatchObject({ user: null });
  });

  it("refuses staff who are not admins", async () => {
    const staff = await client({ kind: "user", role: "staff" });
    await expectCallableError(staff.call("listStaff", {}), "permission-denied");
    expect((await adminAuth().getUser(staff.uid!)).customClaims).toEqual({ role: "staff" });
  });
});
