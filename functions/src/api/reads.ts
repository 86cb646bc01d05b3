/**
 * The API's reads: one SKU, and pages of inventory, products and orders.
 * Pages are ordered by document id, or with `updatedSince` by (updatedAt, id);
 * the cursor is that position, opaque to the caller.
 */
import { FieldPath, Timestamp, type DocumentSnapshot, type Query } from "firebase-admin/firestore";
import { Collections, SkuSchema, onHandTotal, type InventoryView, type OrderView, type PageQuery, type ProductView } from "@showroom/model";
import { db } from "../app.js";
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor } from "./cursor.js";
import { ApiProblem, parseOr400 } from "./problem.js";

const iso = (value: unknown) => (value instanceof Timestamp ? value.toDate().toISOString() : null);

/** One page of a collection; `byUpdate` allows `updatedSince` (the collection keeps `updatedAt`). */
async function pageOf(collection: string, query: PageQuery, byUpdate: boolean): Promise<{ docs: DocumentSnapshot[]; nextCursor: string | null }> {
  if (query.updatedSince && !byUpdate)
    throw new ApiProblem(400, "invalid", "updatedSince: not supported here", { issues: [{ path: ["updatedSince"], message: "Not supported here" }] });
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const since = query.updatedSince ? Timestamp.fromMillis(Date.parse(query.updatedSince)) : null;
  let q: Query = db().collection(collection);
  if (since) {
    q = q.where("updatedAt", ">=", since).orderBy("updatedAt").orderBy(FieldPath.documentId());
    if (cursor) q = q.startAfter(Timestamp.fromMillis(cursor.u ?? 0), cursor.id);
  } else {
    q = q.orderBy(FieldPath.documentId());
    if (cursor) q = q.startAfter(cursor.id);
  }
  const snap = await q.limit(limit + 1).get();
  const docs = snap.docs.slice(0, limit);
  const last = docs.at(-1);
  const more = snap.docs.length > limit && last;
  const updatedAt = last?.get("updatedAt");
  const nextCursor = more ? encodeCursor({ id: last.id, ...(since && updatedAt instanceof Timestamp ? { u: updatedAt.toMillis() } : {}) }) : null;
  return { docs, nextCursor };
}

function inventoryView(stock: DocumentSnapshot, inventory: DocumentSnapshot | undefined): InventoryView {
  const locations = (inventory?.get("locations") ?? {}) as InventoryView["locations"];
  return {
    sku: stock.id,
    productId: String(stock.get("productId")),
    available: Number(stock.get("available") ?? 0),
    status: stock.get("status"),
    onHand: onHandTotal({ locations }),
    locations: Object.fromEntries(Object.entries(locations).map(([code, loc]) => [code, { onHand: loc.onHand }])),
  };
}

export async function getInventory(rawSku: string): Promise<InventoryView> {
  const sku = parseOr400(SkuSchema, rawSku, ["sku"]);
  const [stock, inventory] = await db().getAll(db().collection(Collections.stock).doc(sku), db().collection(Collections.inventory).doc(sku));
  if (!stock?.exists || !inventory?.exists) throw new ApiProblem(404, "unknown-sku", `Unknown SKU ${sku}.`);
  return inventoryView(stock, inventory);
}

/** Listed from `stock` (every stock write stamps its `updatedAt`), with each SKU's `inventory` for on hand. */
export async function listInventory(query: PageQuery) {
  const { docs, nextCursor } = await pageOf(Collections.stock, query, true);
  const inventories = docs.length > 0 ? await db().getAll(...docs.map((d) => db().collection(Collections.inventory).doc(d.id))) : [];
  return { items: docs.map((d, i) => inventoryView(d, inventories[i])), nextCursor };
}

export async function listProducts(query: PageQuery) {
  const { docs, nextCursor } = await pageOf(Collections.products, query, false);
  const items = docs.map((d): ProductView => ({
    id: d.id,
    name: d.get("name"),
    slug: d.get("slug"),
    category: d.get("category"),
    description: d.get("description") ?? "",
    currency: d.get("currency"),
    active: d.get("active") === true,
    variants: d.get("variants") ?? [],
  }));
  return { items, nextCursor };
}

export async function listOrders(query: PageQuery) {
  const { docs, nextCursor } = await pageOf(Collections.orders, query, true);
  const items = docs.map((d): OrderView => ({
    id: d.id,
    status: d.get("status"),
    currency: d.get("currency"),
    totalCents: d.get("totalCents"),
    lines: ((d.get("lines") ?? []) as OrderView["lines"]).map(({ sku, quantity, unitPriceCents, lineTotalCents }) => ({
      sku,
      quantity,
      unitPriceCents,
      lineTotalCents,
    })),
    createdAt: iso(d.get("createdAt")),
    updatedAt: iso(d.get("updatedAt")),
  }));
  return { items, nextCursor };
}
