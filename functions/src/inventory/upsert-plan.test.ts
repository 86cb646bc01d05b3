import { describe, expect, it } from "vitest";
import { inventoryBoardFields, type UpsertProductInput } from "@showroom/model";
import type { Caller } from "../shared/callable.js";
import { Rejection } from "./decide.js";
import { placeholderImage, planUpsert, type UpsertReads } from "./upsert-plan.js";

const NOW = Date.UTC(2026, 10, 30, 12);
const sam: Caller = { uid: "sam", role: "staff", anonymous: false };

const input: UpsertProductInput = {
  id: "p-oak",
  name: "Oak Chair",
  category: "chairs",
  description: "A chair.",
  variants: [
    { sku: "CHR-OAK-NAT", label: "Natural", options: { finish: "natural" }, priceCents: 24_900 },
    { sku: "CHR-OAK-BLK", label: "Black", options: { finish: "black" }, priceCents: 19_900 },
  ],
};

/** An inventory document as the functions store it for this product. */
const stored = (sku: string, over: Record<string, unknown> = {}) => ({
  sku,
  productId: "p-oak",
  policy: "stock",
  locations: { main: { onHand: 8 }, east: { onHand: 0 } },
  held: 0,
  holds: {},
  lowStockThreshold: 3,
  status: "in_stock",
  ...inventoryBoardFields(sku, input),
  ...over,
});

const reads = (over: Partial<UpsertReads> = {}): UpsertReads => ({
  productId: "p-oak",
  nowMs: NOW,
  product: null,
  summary: {},
  listed: input.variants.map((v) => ({ sku: v.sku, data: null })),
  unlisted: [],
  ...over,
});

describe("planUpsert", () => {
  it("creates a new product with inventory at 0 on hand (no location entries yet) for each SKU, out of stock, with a placeholder image", () => {
    const plan = planUpsert(input, sam, reads());
    expect(plan.created).toBe(true);
    expect(plan.inventoryCreates.map((c) => c.doc)).toEqual([
      expect.objectContaining({
        sku: "CHR-OAK-NAT",
        productId: "p-oak",
        policy: "stock",
        locations: {},
        status: "out_of_stock",
        category: "chairs",
      }),
      expect.objectContaining({ sku: "CHR-OAK-BLK", status: "out_of_stock" }),
    ]);
    expect(plan.republish.map((s) => s.sku)).toEqual(["CHR-OAK-NAT", "CHR-OAK-BLK"]);
    expect(plan.product).toMatchObject({
      slug: "oak-chair",
      currency: "USD",
      active: true,
      priceFromCents: 19_900,
      inStock: false,
      images: [placeholderImage("Oak Chair")],
    });
    expect(plan.audit).toMatchObject({ actor: sam, action: "product.create", target: { kind: "product", id: "p-oak" } });
    expect(plan.audit).not.toHaveProperty("before");
  });

  it("refuses a SKU that belongs to another product, naming both", () => {
    const taken = reads({
      listed: [
        { sku: "CHR-OAK-NAT", data: stored("CHR-OAK-NAT", { productId: "p-other" }) },
        { sku: "CHR-OAK-BLK", data: null },
      ],
    });
    expect(() => planUpsert(input, sam, taken)).toThrow(Rejection);
    try {
      planUpsert(input, sam, taken);
    } catch (error) {
      expect(error).toMatchObject({ code: "failed-precondition", details: { reason: "sku-taken", sku: "CHR-OAK-NAT", productId: "p-other" } });
    }
  });

  it("rewrites nothing on inventory when an edit leaves stock and board fields as they are; keeps images, active and currency", () => {
    const product = { name: "Oak Chair", variants: input.variants, currency: "EUR" as const, images: ["photo.jpg"], active: false };
    const plan = planUpsert(
      input,
      sam,
      reads({ product, listed: input.variants.map((v) => ({ sku: v.sku, data: stored(v.sku) })), summary: { "CHR-OAK-NAT": { status: "in_stock" } } }),
    );
    expect(plan).toMatchObject({ created: false, inventoryCreates: [], inventoryUpdates: [], republish: [] });
    expect(plan.product).toMatchObject({ currency: "EUR", images: ["photo.jpg"], active: false, inStock: true });
    expect(plan.audit).toMatchObject({ action: "product.update", before: { name: "Oak Chair" } });
  });

  it("switching to made to order changes policy, lead time and status, and republishes the SKU", () => {
    const plan = planUpsert(
      { ...input, madeToOrder: true, leadTimeDays: 42 },
      sam,
      reads({ product: { name: "Oak Chair" }, listed: input.variants.map((v) => ({ sku: v.sku, data: stored(v.sku) })) }),
    );
    // Each SKU's public status moved: its inventory.updated event takes seq 1, and the counter is written with it.
    expect(plan.inventoryUpdates).toEqual(
      input.variants.map((v) => ({ sku: v.sku, fields: { policy: "made_to_order", leadTimeDays: 42, status: "made_to_order", eventSeq: 1 } })),
    );
    expect(plan.events.map((e) => [e.type, e.subject, e.seq])).toEqual([
      ["inventory.updated", "sku/CHR-OAK-NAT", 1],
      ["inventory.updated", "sku/CHR-OAK-BLK", 1],
      ["product.upserted", "product/p-oak", 1],
    ]);
    expect(plan.republish.map((s) => [s.sku, s.policy, s.locations.main?.onHand])).toEqual([
      ["CHR-OAK-NAT", "made_to_order", 8],
      ["CHR-OAK-BLK", "made_to_order", 8],
    ]);
    expect(plan.product.inStock).toBe(false);
  });

  it("a rename rewrites the board's copies on every SKU of the product, listed or no longer listed, and touches no stock", () => {
    const renamed = { ...input, name: "Ash Chair" };
    const plan = planUpsert(
      renamed,
      sam,
      reads({
        product: { name: "Oak Chair" },
        listed: input.variants.map((v) => ({ sku: v.sku, data: stored(v.sku) })),
        unlisted: [{ sku: "CHR-OAK-OLD", data: stored("CHR-OAK-OLD") }],
      }),
    );
    expect(plan.inventoryUpdates.map((u) => u.sku)).toEqual(["CHR-OAK-NAT", "CHR-OAK-BLK", "CHR-OAK-OLD"]);
    for (const { sku, fields } of plan.inventoryUpdates) expect(fields).toEqual(inventoryBoardFields(sku, renamed));
    expect(plan.republish).toEqual([]);
  });
});
