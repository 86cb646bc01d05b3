/**
 * Writes the demo store. Idempotent: products are upserted; a SKU's stock
 * (inventory, public stock, opening ledger entries) is created only the first
 * time, so re-seeding never undoes sales or adjustments. The board's copies of
 * the product's name and category on inventory are rewritten every time, as
 * the product is.
 */
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import type { Auth } from "firebase-admin/auth";
import {
  Collections,
  inventoryBoardFields,
  lowestPrice,
  newInventoryDoc,
  newInventoryState,
  openingLedger,
  productInStock,
  publicStockOf,
  searchTerms,
  SEED_LOCATIONS,
} from "@showroom/model";
import { productIllustration } from "@showroom/model/illustrations";
import { planStatus, type SeedProduct } from "./catalog.js";
import { DEMO_PASSWORD, demoAccounts } from "./demo-accounts.js";

type Variant = SeedProduct["variants"][number];

export interface SeedReport {
  products: number;
  skus: number;
  stockCreated: number;
}

/** Public statuses by SKU: the stored one for SKUs that already exist, the planned one for SKUs this seed creates. */
type Statuses = Record<string, { status?: unknown } | undefined>;

export function productDoc(product: SeedProduct, statuses: Statuses) {
  return {
    name: product.name,
    slug: product.slug,
    category: product.category,
    description: product.description,
    images: [productIllustration(product)],
    variants: product.variants.map(({ sku, label, options, priceCents }) => ({ sku, label, options, priceCents })),
    currency: product.currency,
    active: true,
    materials: product.materials,
    dimensions: product.dimensions,
    priceFromCents: lowestPrice(product.variants),
    featured: product.featured ?? false,
    // Triggers are paused while seeding, so the seed writes what they would keep.
    inStock: productInStock(
      product.variants.map((v) => v.sku),
      statuses,
    ),
    searchTerms: searchTerms(product.name, product.materials),
    createdAt: new Date(Date.UTC(2026, 10, 1) - product.createdDaysAgo * 86_400_000),
    updatedAt: FieldValue.serverTimestamp(),
  };
}

/** A new SKU's stock as planned; nothing is held yet, so the time its views are derived at does not matter. */
export function stockDocs(product: SeedProduct, variant: Variant) {
  const { main, east, ...plan } = variant.stock;
  const state = newInventoryState(variant.sku, product.id, { ...plan, onHand: { main, east } });
  const views = publicStockOf(state, Date.now());
  const now = FieldValue.serverTimestamp();
  return {
    inventory: { ...newInventoryDoc(state, views, inventoryBoardFields(variant.sku, product)), updatedAt: now },
    stock: { ...views.stock, updatedAt: now },
    summary: views.summary,
    ledger: openingLedger(state, "seed").map(({ id, entry }) => ({ id, data: { ...entry, at: now } })),
  };
}

/** The public per-product summary, written only when none of the product's stock existed yet (first seed). */
export function productStockSummary(product: SeedProduct, existing: Set<string>) {
  if (product.variants.some((v) => existing.has(v.sku))) return null;
  const skus = Object.fromEntries(product.variants.map((variant) => [variant.sku, stockDocs(product, variant).summary]));
  return { productId: product.id, skus, updatedAt: FieldValue.serverTimestamp() };
}

/** A re-seed keeps sales and adjustments, so a product whose stock exists is in stock by its current status. */
async function storedStatuses(db: Firestore): Promise<Statuses> {
  const statuses: Statuses = {};
  for (const doc of (await db.collection(Collections.productStock).select("skus").get()).docs) Object.assign(statuses, doc.get("skus"));
  return statuses;
}

/**
 * The store's opening locations (`main`, `east`), each created only if absent,
 * so re-seeding never undoes an admin's edits. Every database the suites and
 * benches use starts with them, as every store did when locations were code.
 */
export async function seedLocations(db: Firestore): Promise<number> {
  const refs = SEED_LOCATIONS.map((l) => db.collection(Collections.locations).doc(l.code));
  const snaps = await db.getAll(...refs);
  const missing = SEED_LOCATIONS.filter((_, i) => !snaps[i]?.exists);
  // A concurrent caller may create one first (gRPC 6, ALREADY_EXISTS): that is the same outcome.
  const alreadyExists = (error: { code?: unknown }) => {
    if (error.code !== 6) throw error;
  };
  await Promise.all(
    missing.map((location) =>
      db
        .collection(Collections.locations)
        .doc(location.code)
        .create({ ...location, updatedAt: FieldValue.serverTimestamp() })
        .catch(alreadyExists),
    ),
  );
  return missing.length;
}

export async function seedCatalog(db: Firestore, products: SeedProduct[], log: (line: string) => void): Promise<SeedReport> {
  await seedLocations(db);
  const existing = new Set((await db.collection(Collections.inventory).select().get()).docs.map((d) => d.id));
  const stored = await storedStatuses(db);
  // BulkWriter starts at 500 writes/s and ramps up slowly (Firestore's 500/50/5 rule for
  // new key ranges). The seed only ever targets the emulators, which need no ramp-up.
  const writer = db.bulkWriter({ throttling: false });
  writer.onWriteError((error) => error.failedAttempts < 5);
  let skus = 0;
  let stockCreated = 0;
  for (const [index, product] of products.entries()) {
    const statuses: Statuses = Object.fromEntries(product.variants.map((v) => [v.sku, existing.has(v.sku) ? stored[v.sku] : { status: planStatus(v.stock) }]));
    void writer.set(db.collection(Collections.products).doc(product.id), productDoc(product, statuses));
    for (const variant of product.variants) {
      skus += 1;
      const inventory = db.collection(Collections.inventory).doc(variant.sku);
      if (existing.has(variant.sku)) {
        void writer.update(inventory, { ...inventoryBoardFields(variant.sku, product) });
        continue;
      }
      stockCreated += 1;
      const docs = stockDocs(product, variant);
      void writer.create(inventory, docs.inventory);
      void writer.set(db.collection(Collections.stock).doc(variant.sku), docs.stock);
      for (const entry of docs.ledger) void writer.set(db.collection(Collections.stockLedger).doc(entry.id), entry.data);
    }
    const summary = productStockSummary(product, existing);
    if (summary) void writer.set(db.collection(Collections.productStock).doc(product.id), summary);
    if ((index + 1) % 500 === 0) log(`  ${index + 1}/${products.length} products queued`);
  }
  await writer.close();
  return { products: products.length, skus, stockCreated };
}

export async function seedAccounts(auth: Auth, log: (line: string) => void): Promise<void> {
  for (const account of demoAccounts) {
    const user = await auth
      .getUserByEmail(account.email)
      .catch(() => auth.createUser({ email: account.email, password: DEMO_PASSWORD, displayName: account.displayName, emailVerified: true }));
    const claims = { ...(user.customClaims ?? {}) };
    if (account.role) claims.role = account.role;
    else delete claims.role;
    await auth.setCustomUserClaims(user.uid, claims);
    log(`  ${account.email} (${account.role ?? "shopper"})`);
  }
}
