/**
 * The staff console in Chromium, against the real emulators: staff sign in
 * through the UI, adjust stock and receive a CSV shipment; outcomes are
 * asserted in Firestore and in a storefront open in another browser context.
 */
import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { doc, getDoc } from "firebase/firestore";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { Collections, StockFilterStatuses } from "@showroom/model";
import { adminAuth, adminDb } from "../../scripts/lib/admin.js";
import { seedProducts } from "../../scripts/seed/catalog.js";
import { writeStockedProducts } from "../../scripts/bench/stocked-products.js";
import { BOARD_PAGE_SIZE } from "../../web/src/features/inventory/api/board-query.js";
import { DEMO_PASSWORD } from "../../scripts/seed/demo-accounts.js";
import { launchChromium } from "../support/browser.js";
import { screenshot, screenshotOnFailure } from "../support/screenshots.js";
import { signIn } from "../support/clients.js";

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchChromium();
  // Each callable runs in its own emulator worker, started on first call (seconds on a busy machine):
  // start them now with inputs the schema rejects, which write nothing.
  const staff = await signIn({ kind: "user", role: "admin" });
  try {
    const names = ["adjustStock", "receiveShipment", "updateOrderStatus", "cancelOrder", "lookupCustomer", "placeOrder", "listStaff"] as const;
    await Promise.all(names.map((name) => staff.call(name, { warmUp: true }).catch(() => undefined)));
  } finally {
    await staff.close();
  }
});
// A failed test leaves a screenshot of every page it opened, for the one reading the CI log.
afterEach(async ({ task }) => {
  const open = contexts.splice(0);
  await screenshotOnFailure(task.result?.state === "fail", open, `admin-${task.name.slice(0, 30).replace(/\W+/g, "-")}`);
  await Promise.all(open.map((c) => c.close()));
});
afterAll(() => browser?.close());

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  contexts.push(context);
  return context.newPage();
}

async function signInToConsole(email: string, path = "/admin"): Promise<Page> {
  const page = await newPage();
  await page.goto(`${inject("baseUrl")}${path}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  return page;
}

const used: string[] = [];
/** First listens and cold callable workers on a shared 2-core machine can take tens of seconds. */
const SLOW = 60_000;
const TEST_TIMEOUT = 240_000;

interface InventoryDoc {
  productId: string;
  policy: string;
  /** Seeded SKUs have both seeded locations. */
  locations: Record<"main" | "east", { onHand: number }>;
  holds?: Record<string, unknown>;
  lowStockThreshold: number;
}
const inventoryOf = async (sku: string) => (await adminDb().collection(Collections.inventory).doc(sku).get()).data() as InventoryDoc;

const total = (inventory: InventoryDoc) => inventory.locations.main.onHand + inventory.locations.east.onHand;
type Pick = { sku: string; productId: string; inventory: InventoryDoc };

/**
 * Seeded SKUs sold from stock with nothing held, one per product, that no earlier
 * test touched: `stock` = "low" (1 to threshold units) or "in" (above it).
 */
async function pickSkus(count: number, stock: "low" | "in"): Promise<Pick[]> {
  const found: Pick[] = [];
  for (const product of seedProducts()) {
    for (const variant of product.variants) {
      if (found.length === count) return found;
      if (used.includes(variant.sku) || found.some((f) => f.productId === product.id)) continue;
      const inventory = await inventoryOf(variant.sku);
      const units = total(inventory);
      const fits = stock === "low" ? units >= 1 && units <= inventory.lowStockThreshold : units > inventory.lowStockThreshold;
      if (inventory.policy === "stock" && Object.keys(inventory.holds ?? {}).length === 0 && fits)
        found.push({ sku: variant.sku, productId: product.id, inventory });
    }
  }
  throw new Error(`only ${found.length} seeded SKUs fit`);
}

async function useSkus(count: number, stock: "low" | "in"): Promise<Pick[]> {
  const picks = await pickSkus(count, stock);
  used.push(...picks.map((p) => p.sku));
  return picks;
}

/** The SKUs the inventory board shows, in order. */
async function boardSkus(page: Page) {
  await page.getByRole("table", { name: "Inventory board" }).waitFor({ timeout: SLOW });
  return page.locator("table[aria-label='Inventory board'] tbody tr[aria-label]").evaluateAll((rows) => rows.map((r) => r.getAttribute("aria-label")));
}

describe("staff console", () => {
  it(
    "refuses a shopper at /admin, and the rules refuse them staff data",
    async () => {
      const page = await signInToConsole("shopper@showroom.test");
      await page.getByRole("heading", { name: "Not authorised" }).waitFor();
      expect(await page.getByRole("navigation", { name: "Staff console" }).count()).toBe(0);
      expect(await page.getByRole("table").count()).toBe(0);

      const shopper = await signIn({ kind: "user" });
      try {
        const sku = seedProducts()[0]!.variants[0]!.sku;
        await expect(getDoc(doc(shopper.db, Collections.inventory, sku))).rejects.toMatchObject({ code: "permission-denied" });
      } finally {
        await shopper.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    "adjusts a SKU with a reason: the ledger row appears and a storefront in another context updates",
    async () => {
      const [{ sku, productId, inventory }] = (await useSkus(1, "low")) as [Pick];
      const before = total(inventory);
      const storefront = await newPage();
      await storefront.goto(`${inject("baseUrl")}/p/${productId}?sku=${sku}`);
      await expect.poll(() => storefront.getByTestId("availability").textContent(), { timeout: SLOW }).toBe(`Only ${before} left`);

      const page = await signInToConsole("staff@showroom.test", `/admin/inventory?q=${sku}`);
      const row = page.getByRole("row", { name: sku, exact: true });
      await row.waitFor({ timeout: SLOW });
      await page.getByRole("button", { name: `Adjust ${sku}` }).click();
      const form = page.getByRole("form", { name: `Adjust stock of ${sku}` });
      const note = `cycle count ${randomUUID().slice(0, 8)}`;
      await form.getByLabel("Location").selectOption("main");
      await form.getByLabel("Change").selectOption("delta");
      await form.getByLabel("Quantity").fill("10");
      await form.getByLabel("Reason").selectOption("count");
      await form.getByLabel("Note").fill(note);
      await form.getByRole("button", { name: "Apply" }).click();
      await form
        .getByRole("status")
        .filter({ hasText: `${sku}: now ${before + 10} on hand, ${before + 10} available.` })
        .waitFor({ timeout: SLOW });

      // Live on the board and on the storefront, with no reload.
      await expect.poll(() => row.locator('[data-column="available"]').textContent(), { timeout: 10_000 }).toBe(String(before + 10));
      await expect.poll(() => storefront.getByTestId("availability").textContent(), { timeout: 10_000 }).toBe("In stock");

      const staffUid = (await adminAuth().getUserByEmail("staff@showroom.test")).uid;
      const ledger = await adminDb().collection(Collections.stockLedger).where("sku", "==", sku).where("reason", "==", "count").get();
      expect(ledger.docs.map((d) => d.data())).toEqual([
        expect.objectContaining({ location: "main", delta: 10, after: inventory.locations.main.onHand + 10, note, actorUid: staffUid }),
      ]);

      await page.goto(`${inject("baseUrl")}/admin/ledger?sku=${sku}`);
      await page.getByRole("table", { name: "Ledger entries" }).getByRole("row").filter({ hasText: note }).waitFor({ timeout: SLOW });
      await page
        .getByRole("region", { name: `Stock history of ${sku}` })
        .locator(".recharts-surface")
        .first()
        .waitFor();
    },
    TEST_TIMEOUT,
  );

  it(
    "rejects a CSV with one bad row, naming it and applying nothing; then applies a good CSV as one receipt",
    async () => {
      const [a, b] = await useSkus(2, "in");
      const unknown = `NOPE-${randomUUID().slice(0, 6).toUpperCase()}`;
      const audits = async () => (await adminDb().collection(Collections.auditLog).where("action", "==", "stock.receive").get()).size;
      const auditsBefore = await audits();

      const page = await signInToConsole("staff@showroom.test", "/admin/receiving");
      const upload = page.getByLabel("Shipment CSV");
      await upload.waitFor({ timeout: SLOW });
      const bad = `sku,location,quantity\n${a!.sku},main,3\n${b!.sku},east,2\n${unknown},main,1\n`;
      await upload.setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
      const problems = page.getByRole("alert").filter({ hasText: "nothing will be applied" });
      await problems.waitFor({ timeout: SLOW });
      expect(await problems.textContent()).toContain(`Line 4: Unknown SKU ${unknown}.`);
      await screenshot(page, "admin-receiving", true);
      const apply = page.getByRole("button", { name: /Apply receipt/ });
      expect(await apply.isDisabled()).toBe(true);
      expect((await inventoryOf(a!.sku)).locations).toEqual(a!.inventory.locations);
      expect((await inventoryOf(b!.sku)).locations).toEqual(b!.inventory.locations);
      expect(await audits()).toBe(auditsBefore);

      const good = `sku,location,quantity\n${a!.sku},main,3\n${b!.sku},east,2\n`;
      await upload.setInputFiles({ name: "good.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
      await page.getByRole("status").filter({ hasText: "All 2 rows are valid: 5 units to receive." }).waitFor();
      await page.getByRole("button", { name: "Apply receipt (5 units)" }).click();
      await page.getByRole("status").filter({ hasText: "Received 5 units in 2 rows" }).waitFor({ timeout: SLOW });

      expect((await inventoryOf(a!.sku)).locations.main.onHand).toBe(a!.inventory.locations.main.onHand + 3);
      expect((await inventoryOf(b!.sku)).locations.east.onHand).toBe(b!.inventory.locations.east.onHand + 2);
      expect(await audits()).toBe(auditsBefore + 1);
      const receipts = await adminDb().collection(Collections.stockLedger).where("sku", "in", [a!.sku, b!.sku]).where("reason", "==", "receive").get();
      expect(new Set(receipts.docs.map((d) => d.get("receiptId"))).size).toBe(1);
      expect(receipts.size).toBe(2);
    },
    TEST_TIMEOUT,
  );

  it(
    "fulfils and cancels an order from its detail page; cancelling restocks",
    async () => {
      const [{ sku, inventory }] = (await useSkus(1, "in")) as [Pick];
      const before = total(inventory);
      const shopper = await signIn({ kind: "anonymous" });
      let orderId: string;
      try {
        ({ orderId } = await shopper.call<{ orderId: string }>("placeOrder", {
          idempotencyKey: `e2e-${randomUUID()}`,
          lines: [{ sku, quantity: 1 }],
          shipping: { name: "Grace Hopper", line1: "1 Harbor Way", city: "Arlington", postalCode: "22201", country: "US" },
        }));
      } finally {
        await shopper.close();
      }
      expect(total(await inventoryOf(sku))).toBe(before - 1);

      const page = await signInToConsole("staff@showroom.test", `/admin/orders/${orderId}`);
      // Outcomes are checked on what persists (live order state), not on transient messages.
      await page.getByRole("button", { name: "Mark fulfilled" }).click({ timeout: SLOW });
      await page.getByRole("button", { name: "Mark delivered" }).waitFor({ timeout: SLOW });
      await expect.poll(async () => (await adminDb().collection(Collections.orders).doc(orderId).get()).get("status"), { timeout: SLOW }).toBe("fulfilled");
      await page.getByLabel("Cancel reason").fill("customer changed their mind");
      await page.getByRole("button", { name: "Cancel order" }).click();
      await page.getByText("No further changes: this order is cancelled.").waitFor({ timeout: SLOW });

      const order = (await adminDb().collection(Collections.orders).doc(orderId).get()).data();
      expect(order).toMatchObject({ status: "cancelled", cancelReason: "customer changed their mind" });
      expect(total(await inventoryOf(sku))).toBe(before);
    },
    TEST_TIMEOUT,
  );

  it(
    "looks a customer up (audited), and shows products, the audit log and roles to an admin",
    async () => {
      const adminUid = (await adminAuth().getUserByEmail("admin@showroom.test")).uid;
      const shopperUid = (await adminAuth().getUserByEmail("shopper@showroom.test")).uid;
      const lookups = async () =>
        (await adminDb().collection(Collections.auditLog).where("action", "==", "customer.lookup").where("target.id", "==", shopperUid).get()).size;
      const lookupsBefore = await lookups();

      const page = await signInToConsole("admin@showroom.test", "/admin/customers");
      await page.getByLabel("Customer email").fill("shopper@showroom.test", { timeout: SLOW });
      await page.getByRole("button", { name: "Look up" }).click();
      await page.getByRole("region", { name: "Profile" }).getByText("shopper@showroom.test").first().waitFor({ timeout: SLOW });
      expect(await lookups()).toBe(lookupsBefore + 1);

      await page.goto(`${inject("baseUrl")}/admin/audit?action=customer.lookup&actor=${adminUid}`);
      await page
        .getByRole("table", { name: "Audit entries" })
        .getByRole("row")
        .filter({ hasText: `customer/${shopperUid}` })
        .first()
        .waitFor({ timeout: SLOW });

      const product = seedProducts()[0]!;
      await page.goto(`${inject("baseUrl")}/admin/products`);
      await page.getByRole("row", { name: product.name }).waitFor({ timeout: SLOW });
      await page.getByRole("link", { name: product.name }).click();
      await page.getByRole("heading", { name: `Edit ${product.name}` }).waitFor({ timeout: SLOW });
      expect(await page.getByRole("group", { name: "Variant 1" }).getByLabel("SKU").inputValue()).toBe(product.variants[0]!.sku);

      await page.goto(`${inject("baseUrl")}/admin/roles`);
      await page.getByRole("table", { name: "Staff" }).getByRole("row").filter({ hasText: "staff@showroom.test" }).waitFor({ timeout: SLOW });
    },
    TEST_TIMEOUT,
  );

  it(
    "pages the board by SKU, filters it on the server and keeps the visible page live",
    async () => {
      const [{ sku: liveSku, inventory }] = (await useSkus(1, "in")) as [Pick];
      const ordered = (await adminDb().collection(Collections.inventory).orderBy("sku").select().get()).docs.map((d) => d.id);
      expect(ordered.length).toBeGreaterThan(3 * BOARD_PAGE_SIZE);
      const pageOf = (n: number) => ordered.slice(n * BOARD_PAGE_SIZE, (n + 1) * BOARD_PAGE_SIZE);
      const status = (page: Page) => page.getByRole("status").filter({ hasText: "live" });

      const page = await signInToConsole("staff@showroom.test", "/admin/inventory");
      await expect.poll(() => boardSkus(page), { timeout: SLOW }).toEqual(pageOf(0));
      await expect.poll(() => status(page).textContent(), { timeout: SLOW }).toContain(`${ordered.length} match`);
      const previous = page.getByRole("button", { name: "Previous page" });
      const next = page.getByRole("button", { name: "Next page" });
      expect(await previous.isDisabled()).toBe(true);
      const last = Math.ceil(ordered.length / BOARD_PAGE_SIZE) - 1;
      for (let n = 1; n <= last; n += 1) {
        await next.click();
        await expect.poll(() => boardSkus(page), { timeout: SLOW }).toEqual(pageOf(n));
      }
      expect(await next.isDisabled()).toBe(true);
      await previous.click();
      await expect.poll(() => boardSkus(page), { timeout: SLOW }).toEqual(pageOf(last - 1));

      // A page is a link (the cursor is in the URL), and only that page is listened to: a change to one of its SKUs shows with no reload.
      const index = ordered.indexOf(liveSku);
      const start = Math.floor(index / BOARD_PAGE_SIZE) * BOARD_PAGE_SIZE;
      await page.goto(`${inject("baseUrl")}/admin/inventory${start === 0 ? "" : `?after=${ordered[start - 1]}`}`);
      await expect.poll(() => boardSkus(page), { timeout: SLOW }).toEqual(pageOf(start / BOARD_PAGE_SIZE));
      const staff = await signIn({ kind: "user", role: "staff" });
      try {
        await staff.call("adjustStock", { sku: liveSku, location: "east", delta: 7, reason: "count", note: "e2e paging" });
      } finally {
        await staff.close();
      }
      const row = page.getByRole("row", { name: liveSku, exact: true });
      await expect.poll(() => row.locator('[data-column="onhand-east"]').textContent(), { timeout: 10_000 }).toBe(String(inventory.locations.east.onHand + 7));

      // Server-side filters: an SKU prefix, a stock status (inventory's copy of the public one) and a location.
      const search = page.getByLabel("SKU or product name");
      await page.goto(`${inject("baseUrl")}/admin/inventory`);
      await search.fill("sof-al");
      await search.press("Enter");
      await expect.poll(() => boardSkus(page), { timeout: SLOW }).toEqual(ordered.filter((s) => s.startsWith("SOF-AL")));
      expect(page.url()).toContain("q=sof-al");

      const low = (await adminDb().collection(Collections.stock).where("status", "==", "low_stock").orderBy("sku").select().get()).docs.map((d) => d.id);
      await page.getByRole("button", { name: /^Low stock: \d+\. Show them$/ }).click();
      await page.getByRole("button", { name: "Clear filters" }).waitFor();
      await search.fill("");
      await search.press("Enter");
      await expect.poll(() => boardSkus(page), { timeout: SLOW }).toEqual(low.slice(0, BOARD_PAGE_SIZE));
      expect(await page.getByRole("button", { name: /^Low stock: / }).getAttribute("aria-label")).toBe(`Low stock: ${low.length}. Show them`);
      await expect.poll(() => status(page).textContent(), { timeout: SLOW }).toContain(`${low.length} match`);

      const east = (await adminDb().collection(Collections.inventory).where("locations.east.onHand", "!=", 0).orderBy("sku").select().get()).docs.map(
        (d) => d.id,
      );
      await page.goto(`${inject("baseUrl")}/admin/inventory?location=east`);
      await expect.poll(() => boardSkus(page), { timeout: SLOW }).toEqual(east.slice(0, BOARD_PAGE_SIZE));
      const eastOnHand = await page.locator('table[aria-label="Inventory board"] tbody [data-column="onhand-east"]').allTextContents();
      expect(eastOnHand.filter((n) => n === "0")).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    "shows the board and the dashboard (README screenshots)",
    async () => {
      // A few real orders so the dashboard has something to chart.
      const picks = await useSkus(4, "in");
      const shopper = await signIn({ kind: "anonymous" });
      try {
        for (const [i, pick] of picks.entries()) {
          for (let n = 0; n <= i % 3; n += 1) {
            await shopper.call("placeOrder", {
              idempotencyKey: `e2e-shot-${randomUUID()}`,
              lines: [{ sku: pick.sku, quantity: 1 + ((i + n) % 2) }],
              shipping: { name: "Ada Lovelace", line1: "1 Loom Street", city: "Leeds", postalCode: "LS1 1AA", country: "GB" },
            });
          }
        }
      } finally {
        await shopper.close();
      }

      const page = await signInToConsole("admin@showroom.test", "/admin/inventory");
      await page.getByRole("table", { name: "Inventory board" }).getByRole("row").nth(40).waitFor({ timeout: SLOW });
      await screenshot(page, "admin-board");

      await page.getByRole("navigation", { name: "Staff console" }).getByRole("link", { name: "Dashboard" }).click();
      await page.getByRole("heading", { name: "Top sellers, last 7 days" }).waitFor();
      await page.locator(".recharts-bar-rectangle").first().waitFor({ timeout: SLOW });
      await expect.poll(async () => Number(await page.locator(".admin-kpi__value").first().textContent())).toBeGreaterThanOrEqual(6);
      await screenshot(page, "admin-dashboard");
    },
    TEST_TIMEOUT,
  );

  // Last: it adds decor SKUs, which the screenshots above should not show.
  it(
    "finds SKUs by product name words and filters a category, alone and with a stock status, across pages, on the server",
    async () => {
      const skusOf = (products: { variants: { sku: string }[] }[]) => products.flatMap((p) => p.variants.map((v) => v.sku)).toSorted();

      const page = await signInToConsole("staff@showroom.test", "/admin/inventory");
      const search = page.getByLabel("SKU or product name");
      await search.fill("Table LAMP");
      await search.press("Enter");
      const lamps = skusOf(seedProducts().filter((p) => /\btable lamp/i.test(p.name)));
      expect(lamps.length).toBeGreaterThan(1);
      await expect.poll(() => boardSkus(page), { timeout: SLOW }).toEqual(lamps);
      await page.getByLabel("Category").selectOption("rugs");
      await expect.poll(() => boardSkus(page), { timeout: SLOW }).toEqual([]);
      await page.getByLabel("Category").selectOption("lighting");
      await expect.poll(() => boardSkus(page), { timeout: SLOW }).toEqual(lamps);

      // More decor SKUs than a page holds, interleaved with the seeded ones in SKU order.
      const tag = randomUUID().slice(0, 4).toUpperCase();
      const extra = ["E", "S"].map((letter) => ({
        productId: `e2e-decor-${letter}-${tag}`.toLowerCase(),
        // Hidden from the shop: the storefront suite counts the seeded catalog.
        active: false,
        // The last few sold out, so the stock filter has matches past the category's first page.
        variants: Array.from({ length: 15 }, (_, n) => ({ sku: `DEC-${letter}${tag}-${String(n).padStart(2, "0")}`, main: letter === "S" && n >= 12 ? 0 : 4 })),
      }));
      await writeStockedProducts(adminDb(), extra);
      const decorProducts = (await adminDb().collection(Collections.products).where("category", "==", "decor").get()).docs.map(
        (d) => d.data() as { variants: { sku: string }[] },
      );
      const decor = skusOf(decorProducts);
      expect(decor.length).toBeGreaterThan(BOARD_PAGE_SIZE);

      await page.goto(`${inject("baseUrl")}/admin/inventory?category=decor`);
      await expect.poll(() => boardSkus(page), { timeout: SLOW }).toEqual(decor.slice(0, BOARD_PAGE_SIZE));
      await page
        .getByRole("status")
        .filter({ hasText: `${decor.length} match · live` })
        .waitFor({ timeout: SLOW });
      await page.getByRole("button", { name: "Next page" }).click();
      await expect.poll(() => boardSkus(page), { timeout: SLOW }).toEqual(decor.slice(BOARD_PAGE_SIZE));
      expect(await page.getByRole("button", { name: "Next page" }).isDisabled()).toBe(true);

      // Category and stock status in one query: the out-of-stock decor SKUs from every page, on the first.
      const outStatuses = new Set<string>(StockFilterStatuses.out);
      const stock = await adminDb().getAll(...decor.map((sku) => adminDb().collection(Collections.stock).doc(sku)));
      const decorOut = stock.filter((d) => outStatuses.has(d.get("status"))).map((d) => d.id);
      expect(decorOut.length).toBeLessThanOrEqual(BOARD_PAGE_SIZE);
      expect(decorOut.some((sku) => decor.indexOf(sku) >= BOARD_PAGE_SIZE)).toBe(true);
      await page.goto(`${inject("baseUrl")}/admin/inventory?category=decor&stock=out`);
      await expect.poll(() => boardSkus(page), { timeout: SLOW }).toEqual(decorOut);
      await page
        .getByRole("status")
        .filter({ hasText: `${decorOut.length} match · live` })
        .waitFor({ timeout: SLOW });
      expect(await page.getByRole("button", { name: "Next page" }).isDisabled()).toBe(true);
    },
    TEST_TIMEOUT,
  );
});
