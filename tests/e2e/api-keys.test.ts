/**
 * The API keys page in Chromium: an admin creates a key through the console,
 * the key (shown once) works from fetch against the real `api` function, the
 * list shows its use, and revoking it in the console stops it.
 */
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject, it } from "vitest";
import { Collections } from "@showroom/model";
import { adminDb } from "../../scripts/lib/admin.js";
import { DEMO_PASSWORD } from "../../scripts/seed/demo-accounts.js";
import { apiFetch } from "../integration/api-support.js";
import { launchChromium } from "../support/browser.js";
import { screenshotOnFailure } from "../support/screenshots.js";

let browser: Browser;
let context: BrowserContext | undefined;
beforeAll(async () => {
  browser = await launchChromium();
});
afterEach(async ({ task }) => {
  await screenshotOnFailure(task.result?.state === "fail", [context], "api-keys");
  await context?.close();
});
afterAll(() => browser?.close());

it("an admin creates a key in the console, uses it from fetch, sees its use and revokes it", async () => {
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  // The dev server compiles the console on first load: slow on a busy machine.
  page.setDefaultTimeout(90_000);
  await page.goto(`${inject("baseUrl")}/admin`);
  await page.getByLabel("Email").fill("admin@showroom.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "API keys" }).click();

  await page.getByLabel("Name").fill("Warehouse ERP");
  await page.getByLabel("inventory:read").check();
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByLabel("API key", { exact: true }).textContent({ timeout: 60_000 }))?.trim() ?? "";
  expect(key).toMatch(/^shr_[A-Za-z0-9]{20}_[A-Za-z0-9_-]{43}$/);

  const [sku] = (await adminDb().collection(Collections.stock).limit(1).get()).docs.map((d) => d.id);
  const answer = await apiFetch(`/v1/inventory/${sku}`, { key });
  expect(answer.status).toBe(200);
  expect(answer.json()).toMatchObject({ sku });

  const row = page.getByRole("row", { name: /Warehouse ERP/ });
  await expect.poll(async () => (await row.textContent()) ?? "", { timeout: 30_000 }).toMatch(/inventory:read.*1active/);

  await page.getByRole("button", { name: "Revoke Warehouse ERP" }).click();
  await expect.poll(async () => (await row.textContent()) ?? "", { timeout: 30_000 }).toContain("revoked");
  expect((await apiFetch(`/v1/inventory/${sku}`, { key })).status).toBe(401);
}, 360_000);
