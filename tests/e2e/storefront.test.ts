import fs from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Collections, formatMoney, lowestPrice } from "@showroom/model";
import { adminDb } from "../../scripts/lib/admin.js";
import { seedProducts } from "../../scripts/seed/catalog.js";
import { launchChromium } from "../support/browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe("storefront", () => {
  it("shows the seeded catalog with names, prices and images", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(inject("baseUrl"));
    const cards = page.getByRole("article");
    await expect.poll(() => cards.count(), { timeout: 20_000 }).toBeGreaterThan(10);

    const first = seedProducts().toSorted((a, b) => a.name.localeCompare(b.name))[0]!;
    const card = page.getByRole("article", { name: first.name });
    await card.waitFor();
    expect(await card.textContent()).toContain(formatMoney(lowestPrice(first.variants), "USD"));
    expect(await card.locator("img").evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth > 0)).toBe(true);

    fs.mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/storefront.png" });
    await page.close();
  });

  it("filters by category from the navigation", async () => {
    const page = await browser.newPage();
    await page.goto(inject("baseUrl"));
    await page.getByRole("link", { name: "Lighting" }).click();
    await page.getByRole("heading", { name: "Lighting" }).waitFor();
    const lighting = seedProducts().filter((p) => p.category === "lighting").map((p) => p.name);
    await expect.poll(async () => (await page.getByRole("article").allTextContents()).length).toBe(Math.min(lighting.length, 12));
    for (const name of await page.getByRole("article").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")))) {
      expect(lighting).toContain(name);
    }
    await page.close();
  });

  it("updates a card live when a product changes in Firestore", async () => {
    const page = await browser.newPage();
    await page.goto(inject("baseUrl"));
    const product = seedProducts()[0]!;
    await page.getByRole("article", { name: product.name }).waitFor();
    const renamed = `${product.name} (renamed live)`;
    await adminDb().collection(Collections.products).doc(product.id).update({ name: renamed });
    try {
      await page.getByRole("article", { name: renamed }).waitFor({ timeout: 5_000 });
    } finally {
      await adminDb().collection(Collections.products).doc(product.id).update({ name: product.name });
    }
    await page.close();
  });

  it("shows a 404 page for unknown routes", async () => {
    const page = await browser.newPage();
    await page.goto(`${inject("baseUrl")}/no/such/page`);
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await page.close();
  });
});
