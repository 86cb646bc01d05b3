import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Collections, searchKey } from "@showroom/model";
import { adminDb } from "../../scripts/lib/admin.js";
import { expectCallableError } from "../support/clients.js";
import { available, clientPool, createProduct, expectReconciled, ledgerOf, onHand, readDoc, uniqueSku, warmUp } from "./inventory-fixtures.js";

const pool = clientPool();
afterAll(pool.closeAll);
beforeAll(async () => warmUp(await pool.client(), ["adjustStock", "holdCart", "upsertProduct"]), 120_000);

const auditsOf = async (sku: string) => (await adminDb().collection(Collections.auditLog).where("target.id", "==", sku).get()).docs.map((d) => d.data());

describe("adjustStock", () => {
  it("adds a delta at a location and sets a counted value, with ledger, audit and public stock", async () => {
    const { productId, skus } = await createProduct([{ main: 2, east: 1 }]);
    const sku = skus[0] as string;
    const staff = await pool.client({ kind: "user", role: "staff" });

    await expect(staff.call("adjustStock", { sku, location: "east", delta: 5, reason: "receive", note: "PO-17" })).resolves.toMatchObject({
      sku,
      onHand: 8,
      available: 8,
    });
    await expect(staff.call("adjustStock", { sku, setTo: 1, reason: "count" })).resolves.toMatchObject({
      sku,
      onHand: 7,
      available: 7,
      location: "main",
      locationOnHand: 1,
    });

    expect(await onHand(sku)).toEqual({ main: 1, east: 6 });
    expect(await ledgerOf(sku)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ location: "east", delta: 5, before: 1, after: 6, reason: "receive", note: "PO-17", actorUid: staff.uid }),
        expect.objectContaining({ location: "main", delta: -1, before: 2, after: 1, reason: "count" }),
      ]),
    );
    expect(await auditsOf(sku)).toHaveLength(2);
    expect(await readDoc(Collections.stock, sku)).toMatchObject({ available: 7, status: "in_stock" });
    expect((await readDoc(Collections.productStock, productId))?.skus[sku]).toEqual({ available: 7, status: "in_stock" });
    await expectReconciled([sku]);
  });

  it("writes the public status onto inventory in the same write, as it flips", async () => {
    const { skus } = await createProduct([{ main: 4 }]);
    const sku = skus[0] as string;
    const staff = await pool.client({ kind: "user", role: "staff" });
    const statuses = async () => [(await readDoc(Collections.inventory, sku))?.status, (await readDoc(Collections.stock, sku))?.status];

    expect(await statuses()).toEqual(["in_stock", "in_stock"]);
    await staff.call("adjustStock", { sku, location: "main", delta: -2, reason: "damage" });
    expect(await statuses()).toEqual(["low_stock", "low_stock"]);
    await staff.call("adjustStock", { sku, setTo: 0, reason: "count" });
    expect(await statuses()).toEqual(["out_of_stock", "out_of_stock"]);
    await expectReconciled([sku]);
  });

  it("refuses to take a location below zero or below what holds have promised, writing nothing", async () => {
    const { skus } = await createProduct([{ main: 2, east: 4 }]);
    const sku = skus[0] as string;
    const staff = await pool.client({ kind: "user", role: "staff" });
    const shopper = await pool.client();
    await shopper.call("holdCart", { lines: [{ sku, quantity: 3 }] });

    await expectCallableError(staff.call("adjustStock", { sku, delta: -3, reason: "damage" }), "failed-precondition", {
      reason: "negative-stock",
      sku,
      location: "main",
    });
    await expectCallableError(staff.call("adjustStock", { sku, location: "east", setTo: 0, reason: "count" }), "failed-precondition", {
      reason: "negative-stock",
      available: 3,
    });
    await expect(staff.call("adjustStock", { sku, delta: -1, reason: "damage" })).resolves.toMatchObject({ onHand: 5, available: 2 });

    expect(await onHand(sku)).toEqual({ main: 1, east: 4 });
    expect(await ledgerOf(sku)).toHaveLength(1);
    expect(await auditsOf(sku)).toHaveLength(1);
  });

  it("is staff only, checks its input and knows its SKUs", async () => {
    const { skus } = await createProduct([{ main: 2 }]);
    const sku = skus[0] as string;
    const shopper = await pool.client({ kind: "user" });
    const staff = await pool.client({ kind: "user", role: "staff" });
    await expectCallableError(shopper.call("adjustStock", { sku, delta: 5, reason: "receive" }), "permission-denied");
    await expectCallableError(staff.call("adjustStock", { sku, delta: 5, setTo: 1, reason: "receive" }), "invalid-argument");
    await expectCallableError(staff.call("adjustStock", { sku, delta: 5, reason: "gift" }), "invalid-argument");
    const ghost = uniqueSku("GHOST");
    await expectCallableError(staff.call("adjustStock", { sku: ghost, delta: 5, reason: "receive" }), "not-found", { reason: "unknown-sku", sku: ghost });
    expect(await available(sku)).toBe(2);
    expect(await ledgerOf(sku)).toHaveLength(0);
  });
});

describe("upsertProduct", () => {
  const product = (sku: string) => ({
    name: "Orla Side Table",
    category: "tables",
    description: "Oak, oiled.",
    variants: [{ sku, label: "Oak", options: { finish: "Oak" }, priceCents: 24_900 }],
  });

  it("creates a product whose new SKUs start at 0 on hand, and updates it keeping its id and images", async () => {
    const staff = await pool.client({ kind: "user", role: "staff" });
    const [sku, sku2] = [uniqueSku("ORLA"), uniqueSku("ORLA")];
    const { productId } = await staff.call<{ productId: string }>("upsertProduct", product(sku));

    const created = await readDoc(Collections.products, productId);
    expect(created).toMatchObject({
      name: "Orla Side Table",
      slug: "orla-side-table",
      active: true,
      currency: "USD",
      priceFromCents: 24_900,
      images: [expect.stringMatching(/^data:image\/svg\+xml,/)],
    });
    const inventory = await readDoc(Collections.inventory, sku);
    expect(inventory).toMatchObject({ productId, policy: "stock", status: "out_of_stock" });
    // No location holds any of it yet: entries appear with the first movement (locations are data, docs/locations.md).
    expect(inventory?.locations).toEqual({});
    expect(await readDoc(Collections.stock, sku)).toMatchObject({ productId, available: 0, status: "out_of_stock" });

    const updated = {
      ...product(sku),
      id: productId,
      madeToOrder: true,
      leadTimeDays: 21,
      variants: [...product(sku).variants, { sku: sku2, label: "Walnut", options: { finish: "Walnut" }, priceCents: 19_900 }],
    };
    await expect(staff.call("upsertProduct", updated)).resolves.toEqual({ productId });
    expect(await readDoc(Collections.products, productId)).toMatchObject({ priceFromCents: 19_900, images: created?.images });
    expect(await readDoc(Collections.stock, sku)).toMatchObject({ status: "made_to_order", leadTimeDays: 21 });
    expect(await readDoc(Collections.inventory, sku2)).toMatchObject({ status: "made_to_order" });
    expect(await readDoc(Collections.inventory, sku)).toMatchObject({ status: "made_to_order" });
    expect((await readDoc(Collections.productStock, productId))?.skus[sku2]).toEqual({ available: 0, status: "made_to_order", leadTimeDays: 21 });
    await expectReconciled([sku, sku2]);
  });

  it("copies the name and category onto every SKU's inventory for the board, and rewrites them when they change", async () => {
    const staff = await pool.client({ kind: "user", role: "staff" });
    const [kept, dropped] = [uniqueSku("ORLA"), uniqueSku("ORLA")];
    const both = {
      ...product(kept),
      variants: [...product(kept).variants, { sku: dropped, label: "Walnut", options: { finish: "Walnut" }, priceCents: 19_900 }],
    };
    const { productId } = await staff.call<{ productId: string }>("upsertProduct", both);
    const boardMatches = async (search: string, category: string) =>
      (
        await adminDb()
          .collection(Collections.inventory)
          .where("category", "==", category)
          .where("searchTerms", "array-contains", searchKey(search))
          .where("productId", "==", productId)
          .get()
      ).docs
        .map((d) => d.id)
        .toSorted();
    expect(await boardMatches("orla side", "tables")).toEqual([kept, dropped].toSorted());
    expect(await boardMatches(kept, "tables")).toEqual([kept]);

    // Renamed, moved to another category, and one variant dropped: its SKU still names the product, so it follows too.
    await staff.call("upsertProduct", { ...product(kept), id: productId, name: "Brae Console", category: "storage" });
    expect(await boardMatches("brae", "storage")).toEqual([kept, dropped].toSorted());
    expect(await boardMatches("side table", "storage")).toEqual([]);
    expect(await boardMatches("brae", "tables")).toEqual([]);
    const droppedInventory = await readDoc(Collections.inventory, dropped);
    expect(droppedInventory).toMatchObject({ productId });
    expect(droppedInventory?.locations).toEqual({});
  });

  it("refuses a SKU that belongs to another product, and shoppers", async () => {
    const { skus } = await createProduct([{ main: 2 }]);
    const staff = await pool.client({ kind: "user", role: "staff" });
    const shopper = await pool.client({ kind: "user" });
    await expectCallableError(staff.call("upsertProduct", product(skus[0] as string)), "failed-precondition", { reason: "sku-taken", sku: skus[0] });
    await expectCallableError(shopper.call("upsertProduct", product(uniqueSku())), "permission-denied");
    expect(await onHand(skus[0] as string)).toEqual({ main: 2, east: 0 });
  });
});
