import { describe, expect, it } from "vitest";
import { decodeFields, inRequestOrder, normalizedOrderBy, structuredQuery, type RestDoc } from "./firestore-rest-query";

describe("Firestore REST reader", () => {
  it("decodes nested REST values to plain JSON", () => {
    expect(
      decodeFields({
        name: { stringValue: "Alba" },
        active: { booleanValue: true },
        priceFromCents: { integerValue: "219000" },
        ratio: { doubleValue: 0.5 },
        createdAt: { timestampValue: "2026-11-01T00:00:00Z" },
        variants: { arrayValue: { values: [{ mapValue: { fields: { sku: { stringValue: "A-1" } } } }] } },
        empty: { arrayValue: {} },
        none: { nullValue: null },
      }),
    ).toEqual({
      name: "Alba",
      active: true,
      priceFromCents: 219000,
      ratio: 0.5,
      createdAt: "2026-11-01T00:00:00Z",
      variants: [{ sku: "A-1" }],
      empty: [],
      none: null,
    });
  });

  it("orders inequality fields after the explicit order, in its direction, then by name (as the SDK does)", () => {
    expect(normalizedOrderBy({ filters: [{ field: "priceFromCents", op: ">=", value: 1 }], orderBy: [{ field: "createdAt", direction: "desc" }] })).toEqual([
      { field: "createdAt", direction: "desc" },
      { field: "priceFromCents", direction: "desc" },
      { field: "__name__", direction: "desc" },
    ]);
  });

  it("starts after the previous page's last document using its own field values", () => {
    const last: RestDoc = { name: "projects/p/databases/(default)/documents/products/alba", fields: { name: { stringValue: "Alba" } } };
    const q = structuredQuery({
      collection: "products",
      filters: [{ field: "active", op: "==", value: true }],
      orderBy: [{ field: "name", direction: "asc" }],
      limit: 12,
      after: last,
    });
    expect(q).toEqual({
      from: [{ collectionId: "products" }],
      where: { fieldFilter: { field: { fieldPath: "active" }, op: "EQUAL", value: { booleanValue: true } } },
      orderBy: [
        { field: { fieldPath: "name" }, direction: "ASCENDING" },
        { field: { fieldPath: "__name__" }, direction: "ASCENDING" },
      ],
      startAt: { values: [{ stringValue: "Alba" }, { referenceValue: last.name }], before: false },
      limit: 12,
    });
  });

  it("asks for only the selected fields", () => {
    const q = structuredQuery({ collection: "products", filters: [], orderBy: [], select: ["name", "images"] });
    expect(q.select).toEqual({ fields: [{ fieldPath: "name" }, { fieldPath: "images" }] });
    expect(structuredQuery({ collection: "products", filters: [], orderBy: [] })).not.toHaveProperty("select");
  });

  it("combines several filters with AND and encodes integers and doubles apart", () => {
    const q = structuredQuery({
      collection: "products",
      filters: [
        { field: "active", op: "==", value: true },
        { field: "priceFromCents", op: "<=", value: 50000 },
        { field: "searchTerms", op: "array-contains", value: "material:wool" },
      ],
      orderBy: [],
    });
    expect(q.where).toEqual({
      compositeFilter: {
        op: "AND",
        filters: [
          { fieldFilter: { field: { fieldPath: "active" }, op: "EQUAL", value: { booleanValue: true } } },
          { fieldFilter: { field: { fieldPath: "priceFromCents" }, op: "LESS_THAN_OR_EQUAL", value: { integerValue: "50000" } } },
          { fieldFilter: { field: { fieldPath: "searchTerms" }, op: "ARRAY_CONTAINS", value: { stringValue: "material:wool" } } },
        ],
      },
    });
  });

  it("returns batchGet's documents in the order asked, whatever order they come in, with null for a missing one", () => {
    const doc = (name: string): RestDoc => ({ name, fields: { name: { stringValue: name } } });
    const names = ["p/products/a", "p/productStock/a", "p/productRatings/a"];
    expect(inRequestOrder(names, [{ missing: "p/productRatings/a" }, { found: doc("p/productStock/a") }, { found: doc("p/products/a") }])).toEqual([
      doc("p/products/a"),
      doc("p/productStock/a"),
      null,
    ]);
  });
});
