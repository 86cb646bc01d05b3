import type { Browser, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Collections, formatMoney, lowestPrice, productInStock, shipsNow, type Product } from "@showroom/model";
import { adminDb } from "../../scripts/lib/admin.js";
import { planStatus, seedProducts } from "../../scripts/seed/catalog.js";
import { launchChromium } from "../support/browser.js";
import { screenshot } from "../support/screenshots.js";
import { availabilityText, closeStaff, setStock, staff, stockedVariant, waitForAvailability, warmUp } from "./shop-support.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  await warmUp(["adjustStock"]);
});
afterAll(async () => {
  await closeStaff();
  await browser?.close();
});

const base = () => inject("baseUrl");
const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Counts the Firestore documents a page reads: Lite queries (REST) and live listens (WebChannel). */
function countReads(page: Page) {
  const counts = { queried: 0, aggregations: 0, listened: new Set<string>() };
  page.on("response", async (response) => {
    const url = response.url();
    if (url.includes(":runQuery")) {
      const rows = (await response.json()) as { document?: unknown }[];
      counts.queried += rows.filter((r) => r.document).length;
    }
    if (url.includes(":runAggregationQuery")) counts.aggregations += 1;
  });
  page.on("request", (request: Request) => {
    if (!request.url().includes("/Listen/channel")) return;
    const body = decodeURIComponent(request.postData() ?? "");
    for (const m of body.matchAll(/documents\/(productStock|products|stock)\/([A-Za-z0-9_-]+)/g)) counts.listened.add(`${m[1]}/${m[2]}`);
  });
  return counts;
}

describe("storefront", () => {
  it("home shows featured pieces with prices, pictures and live availability (desktop and phone)", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(base());
    const featured = seedProducts()
      .filter((p) => p.featured)
      .toSorted(byName);
    const card = page.getByRole("article", { name: featured[0]!.name });
    await card.waitFor();
    expect(await card.textContent()).toContain(formatMoney(lowestPrice(featured[0]!.variants), "USD"));
    expect(await card.locator("img").evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0)).toBe(true);
    await expect.poll(() => card.getByTestId("availability").count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole("article").count()).toBe(Math.min(8, featured.length));
    await screenshot(page, "home", true);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "home-phone");
    await page.close();
  });

  it("a catalog page reads only the documents it shows (≤ 30), then pages on with a cursor", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const reads = countReads(page);
    await page.goto(`${base()}/shop`);
    const grid = page.getByRole("list", { name: "Products" });
    await expect.poll(() => grid.getByTestId("availability").count(), { timeout: 15_000 }).toBe(12);
    const names = await grid.getByRole("article").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
    expect(names).toEqual(
      seedProducts()
        .toSorted(byName)
        .slice(0, 12)
        .map((p) => p.name),
    );
    expect(reads.queried).toBe(12);
    expect(reads.aggregations).toBe(1);
    expect([...reads.listened].every((d) => d.startsWith("productStock/"))).toBe(true);
    expect(reads.listened.size).toBe(12);
    expect(reads.queried + reads.aggregations + reads.listened.size).toBeLessThanOrEqual(30);

    await page.getByRole("button", { name: "Next page" }).click();
    await page.getByText(`Showing 13–24 of ${seedProducts().length}`).waitFor();
    const second = await grid.getByRole("article").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
    expect(second).toEqual(
      seedProducts()
        .toSorted(byName)
        .slice(12, 24)
        .map((p) => p.name),
    );
    expect(reads.queried).toBe(24);
    await page.close();
  });

  it("filters by category, price and material, sorts by price and searches by any word of the name", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const articleNames = () =>
      page
        .getByRole("list", { name: "Products" })
        .getByRole("article")
        .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));

    await page.goto(base());
    await page
      .getByRole("link", { name: /^Lighting/ })
      .first()
      .click();
    await page.getByRole("heading", { name: "Lighting", level: 1 }).waitFor();
    const lighting = seedProducts().filter((p) => p.category === "lighting");
    await expect.poll(articleNames).toEqual(
      lighting
        .toSorted(byName)
        .slice(0, 12)
        .map((p) => p.name),
    );

    await page.getByLabel("Sort by").selectOption("price-desc");
    const byPriceDesc = lighting.toSorted((a, b) => lowestPrice(b.variants) - lowestPrice(a.variants));
    await expect.poll(async () => (await articleNames())[0]).toBe(byPriceDesc[0]!.name);
    expect(page.url()).toContain("sort=price-desc");

    await page.goto(`${base()}/shop?max=200`);
    const cheap = seedProducts().filter((p) => lowestPrice(p.variants) <= 20_000);
    await page.getByText(`of ${cheap.length}`, { exact: false }).waitFor();

    await page.goto(`${base()}/shop?material=Jute`);
    const jute = seedProducts()
      .filter((p) => p.materials.includes("Jute"))
      .map((p) => p.name);
    await expect.poll(articleNames).toEqual(jute.toSorted());

    const target = seedProducts().toSorted(byName)[5]!;
    await page.getByRole("searchbox", { name: "Search products" }).fill(target.name.split(" ")[0]!.toLowerCase());
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("heading", { name: /Results for/ }).waitFor();
    await expect.poll(articleNames).toContain(target.name);

    // Any word, cut short, any case: "FLOOR la" finds every floor lamp and nothing else.
    const floorLamps = seedProducts()
      .filter((p) => / Floor Lamp$/.test(p.name))
      .map((p) => p.name);
    expect(floorLamps.length).toBeGreaterThan(1);
    await page.getByRole("searchbox", { name: "Search products" }).fill("FLOOR la");
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(articleNames).toEqual(floorLamps.toSorted());

    // A search combines with a material and a sort.
    await page.goto(`${base()}/search?q=rug&material=Jute&sort=price-desc`);
    const juteRugs = seedProducts().filter((p) => p.materials.includes("Jute") && / Rug$/.test(p.name));
    await expect.poll(articleNames).toEqual(juteRugs.toSorted((a, b) => lowestPrice(b.variants) - lowestPrice(a.variants)).map((p) => p.name));
    await page.close();
  });

  it("“In stock only” asks the server for products that ship now, and drops one whose last such SKU sells out", async () => {
    // A product with one SKU that ships now (the other is made to order or similar): staff sell it out.
    const soldOut = seedProducts().find((p) => p.category === "decor" && p.variants.filter((v) => shipsNow(planStatus(v.stock))).length === 1)!;
    const last = soldOut.variants.find((v) => shipsNow(planStatus(v.stock)))!;
    const flag = async () => (await adminDb().collection(Collections.products).doc(soldOut.id).get()).get("inStock") as boolean;
    await setStock(last.sku, 0);
    await expect.poll(flag, { timeout: 30_000 }).toBe(false);

    // Expected from the live stock summaries by the model's rule (other suites move stock and retire products).
    const summaries = new Map(
      (await adminDb().collection(Collections.productStock).get()).docs.map((d) => [d.id, d.get("skus") as Record<string, { status: string }>]),
    );
    const active = (await adminDb().collection(Collections.products).where("active", "==", true).get()).docs.map((d) => ({
      id: d.id,
      ...(d.data() as Product),
    }));
    const shipping = active
      .filter((p) =>
        productInStock(
          p.variants.map((v) => v.sku),
          summaries.get(p.id) ?? {},
        ),
      )
      .toSorted(byName);
    expect(shipping.map((p) => p.id)).not.toContain(soldOut.id);
    expect(shipping.length).toBeGreaterThan(12);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const reads = countReads(page);
    await page.goto(`${base()}/shop`);
    await page.getByRole("checkbox", { name: "In stock only" }).check();
    await page.getByText(`Showing 1–12 of ${shipping.length}`).waitFor();
    expect(page.url()).toContain("instock=1");
    const grid = page.getByRole("list", { name: "Products" });
    expect(await grid.getByRole("article").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")))).toEqual(
      shipping.slice(0, 12).map((p) => p.name),
    );
    await expect.poll(() => grid.getByTestId("availability").count(), { timeout: 15_000 }).toBe(12);
    const labels = await grid.getByTestId("availability").allTextContents();
    expect(labels.every((label) => label === "In stock" || /^Only \d+ left$/.test(label))).toBe(true);
    expect(reads.queried).toBe(24); // the unfiltered first page, then the filtered one

    await page.goto(`${base()}/c/decor?instock=1`);
    await page.getByRole("heading", { name: "Decor", level: 1 }).waitFor();
    await page.getByRole("status").filter({ hasText: "Showing" }).waitFor();
    expect(await grid.getByRole("article", { name: soldOut.name }).count()).toBe(0);
    await setStock(last.sku, last.stock.main, last.stock.east);
    await expect.poll(flag, { timeout: 30_000 }).toBe(true);
    await page.reload();
    await grid.getByRole("article", { name: soldOut.name }).waitFor();
    await page.close();
  });

  it("shows live availability per variant, and “Out of stock” within one second when staff sets the SKU to 0", async () => {
    const { product, variant } = stockedVariant("lighting");
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base()}/p/${product.id}?sku=${variant.sku}`);
    await page.getByRole("heading", { name: product.name, level: 1 }).waitFor();
    await expect.poll(() => availabilityText(page), { timeout: 10_000 }).toBe("In stock");
    expect(await page.getByLabel("Price").textContent()).toBe(formatMoney(variant.priceCents, "USD"));

    // Warm the callable up (the first call spawns a worker), leaving the SKU in stock.
    const client = await staff();
    await client.call("adjustStock", { sku: variant.sku, location: "east", setTo: 0, reason: "count" });
    await client.call("adjustStock", { sku: variant.sku, location: "main", setTo: 2, reason: "count" });
    await expect.poll(() => availabilityText(page), { timeout: 5_000 }).toBe("Only 2 left");

    const started = Date.now();
    await client.call("adjustStock", { sku: variant.sku, location: "main", setTo: 0, reason: "count" });
    await waitForAvailability(page, "Out of stock");
    const elapsed = Date.now() - started;
    console.log(`staff adjustStock → shopper sees "Out of stock": ${elapsed} ms`);
    expect(elapsed).toBeLessThanOrEqual(1_000);
    expect(await page.getByRole("button", { name: "Out of stock" }).isDisabled()).toBe(true);
    await setStock(variant.sku, variant.stock.main, variant.stock.east);
    await page.close();
  });

  it("shows a 404 page for unknown routes and unknown products", async () => {
    const page = await browser.newPage();
    await page.goto(`${base()}/no/such/page`);
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await page.goto(`${base()}/p/no-such-product`);
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await page.goto(`${base()}/c/boats`);
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await page.close();
  });
});
