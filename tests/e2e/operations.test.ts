/**
 * The console's Operations page in Chromium against the real emulators: a
 * SKU's on hand corrupted with the Admin SDK (as a bug would) shows up as an
 * alert while the page is open, whether the check runs elsewhere or from the
 * page's own "Check now"; staff acknowledge and resolve it there. The Health
 * tiles count an order placed while the page is open (the functions'
 * per-minute documents, followed live).
 */
import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { Collections } from "@showroom/model";
import { adminDb } from "../../scripts/lib/admin.js";
import { writeStockedProducts } from "../../scripts/bench/stocked-products.js";
import { DEMO_PASSWORD } from "../../scripts/seed/demo-accounts.js";
import { launchChromium } from "../support/browser.js";
import { screenshotOnFailure } from "../support/screenshots.js";
import { signIn, type TestClient } from "../support/clients.js";
import { screenshot } from "../support/screenshots.js";

let browser: Browser;
let admin: TestClient;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  admin = await signIn({ kind: "user", role: "admin" });
  // Start the callables' emulator workers with inputs the schema rejects, which write nothing.
  await Promise.all(
    (["runReconcile", "acknowledgeAlert", "resolveAlert", "operationsHealth", "placeOrder"] as const).map((name) =>
      admin.call(name, { warmUp: true }).catch(() => undefined),
    ),
  );
});
afterEach(async ({ task }) => {
  const open = contexts.splice(0);
  await screenshotOnFailure(task.result?.state === "fail", open, "operations");
  await Promise.all(open.map((c) => c.close()));
});
afterAll(async () => {
  await admin?.close();
  await browser?.close();
});

async function operationsPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${inject("baseUrl")}/admin/operations`);
  await page.getByLabel("Email").fill("admin@showroom.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Operations" }).waitFor({ timeout: 30_000 });
  return page;
}

/** A fresh stocked SKU whose main on hand is then set with no ledger entry. */
async function corruptedSku(onHand: number): Promise<string> {
  const sku = `OPS-${randomUUID().slice(0, 8).toUpperCase()}`;
  await writeStockedProducts(adminDb(), [{ productId: `ops-${sku.toLowerCase()}`, variants: [{ sku, main: 4 }], active: false }]);
  await adminDb().collection(Collections.inventory).doc(sku).update({ "locations.main.onHand": onHand });
  return sku;
}

describe("operations page", () => {
  it("shows drift alerts live, from a check run elsewhere and from Check now, and lets staff acknowledge and resolve them", async () => {
    const page = await operationsPage();
    const row = (sku: string) => page.getByRole("row", { name: new RegExp(sku) });

    // A check run by someone else: the row arrives through the page's listener, with no action on the page.
    const elsewhere = await corruptedSku(9);
    await admin.call("runReconcile");
    await expect.poll(() => row(elsewhere).textContent(), { timeout: 30_000 }).toContain("main: on hand 9 ≠ ledger sum 4");
    expect(await row(elsewhere).textContent()).toContain("Open");

    // Check now, from the page.
    const fromPage = await corruptedSku(2);
    await page.getByRole("button", { name: "Check now" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent(), { timeout: 120_000 }).toMatch(/Checked \d+ SKUs: \d+ with drift, \d+ new alerts\./);
    await expect.poll(() => row(fromPage).textContent(), { timeout: 30_000 }).toContain("main: on hand 2 ≠ ledger sum 4");

    await row(elsewhere).getByRole("button", { name: "Acknowledge" }).click();
    await expect.poll(() => row(elsewhere).textContent(), { timeout: 30_000 }).toContain("Acknowledged by");
    await row(elsewhere).getByRole("button", { name: "Resolve" }).click();
    await expect.poll(() => row(elsewhere).textContent(), { timeout: 30_000 }).toContain("Resolved by");
    expect(await row(elsewhere).getByRole("button").count()).toBe(0);
  }, 300_000);

  it("shows health tiles, with the orders per minute counting an order placed while the page is open", async () => {
    const page = await operationsPage();
    const tile = (name: string) => page.getByRole("group", { name });
    for (const name of ["Orders / min", "Errors / min", "p95 latency", "Holds active", "Event lag", "Failing endpoints", "Open alerts"])
      await expect.poll(() => tile(name).textContent(), { timeout: 30_000 }).not.toContain("…");

    const ordersTile = async () => Number(await tile("Orders / min").locator(".admin-kpi__value").textContent());
    const before = await ordersTile();

    // An active product (only those sell), hidden again afterwards so later storefront suites do not list it.
    const sku = `OPS-${randomUUID().slice(0, 8).toUpperCase()}`;
    const productId = `ops-${sku.toLowerCase()}`;
    await writeStockedProducts(adminDb(), [{ productId, variants: [{ sku, main: 3 }] }]);
    const shopper = await signIn({ kind: "anonymous" });
    try {
      await shopper.call("placeOrder", {
        idempotencyKey: `ops-${randomUUID()}`,
        lines: [{ sku, quantity: 1 }],
        shipping: { name: "Ada Lovelace", line1: "1 Loom Street", city: "Leeds", postalCode: "LS1 1AA", country: "GB" },
      });
    } finally {
      await shopper.close();
      await adminDb().collection(Collections.products).doc(productId).update({ active: false });
    }
    // The tile is a mean over the last five minutes: one more order raises it by 0.2, with no reload.
    await expect.poll(ordersTile, { timeout: 30_000 }).toBeGreaterThan(before);
    expect(await ordersTile()).toBeGreaterThan(0);
    expect(await tile("p95 latency").textContent()).toMatch(/\d+ ms/);
    await expect.poll(() => page.getByRole("heading", { name: /Orders and errors per minute/ }).isVisible()).toBe(true);
    await screenshot(page, "admin-operations", true);
  }, 120_000);
});
