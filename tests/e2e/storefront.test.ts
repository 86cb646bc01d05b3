import type { Browser, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { formatMoney, lowestPrice } from "@showroom/model";
import { seedProducts } from "../../scripts/seed/catalog.js";
import { launchChromium } from "../support/browser.js";
import { availabilityText, closeStaff, screenshot, setStock, staff, stockedVariant, waitForAvailability, warmUp } from "./shop-support.js";

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
    const featured = seedProducts().filter((p) => p.featured).toSorted(byName);
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
    expect(names).toEqual(seedProducts().toSorted(byName).slice(0, 12).map((p) => p.name));
    expect(reads.queried).toBe(12);
    expect(reads.aggregations).toBe(1);
    expect([...reads.listened].every((d) => d.startsWith("productStock/"))).toBe(true);
    expect(reads.listened.size).toBe(12);
    expect(reads.queried + reads.aggregations + reads.listened.size).toBeLessThanOrEqual(30);

    await page.getByRole("button", { name: "Next page" }).click();
    await page.getByText(`Showing 13–24 of ${seedProducts().length}`).waitFor();
    const second = await grid.getByRole("article").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
    expect(second).toEqual(seedProducts().toSorted(byName).slice(12, 24).map((p) => p.name));
    expect(reads.queried).toBe(24);
    await page.close();
  });

  it("filters by category, price and material, sorts by price and searches by name", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const articleNames = () => page.getByRole("list", { name: "Products" }).getByRole("article").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));

    await page.goto(base());
    await page.getByRole("link", { name: /^Lighting/ }).first().click();
    await page.getByRole("heading", { name: "Lighting", level: 1 }).waitFor();
    const lighting = seedProducts().filter((p) => p.category === "lighting");
    await expect.poll(articleNames).toEqual(lighting.toSorted(byName).slice(0, 12).map((p) => p.name));

    await page.getByLabel("Sort by").selectOption("price-desc");
    const byPriceDesc = lighting.toSorted((a, b) => lowestPrice(b.variants) - lowestPrice(a.variants));
    await expect.poll(async () => (await articleNames())[0]).toBe(byPriceDesc[0]!.name);
    expect(page.url()).toContain("sort=price-desc");

    await page.goto(`${base()}/shop?max=200`);
    const cheap = seedProducts().filter((p) => lowestPrice(p.variants) <= 20_000);
    await page.getByText(`of ${cheap.length}`, { exact: false }).waitFor();

    await page.goto(`${base()}/shop?material=Jute`);
    const jute = seedProducts().filter((p) => p.materials.includes("Jute")).map((p) => p.name);
    await expect.poll(articleNames).toEqual(jute.toSorted());

    const target = seedProducts().toSorted(byName)[5]!;
    await page.getByRole("searchbox", { name: "Search products" }).fill(target.name.split(" ")[0]!.toLowerCase());
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("heading", { name: /Results for/ }).waitFor();
    await expect.poll(articleNames).toContain(target.name);
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
