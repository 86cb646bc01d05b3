/**
 * The locations page in Chromium: an admin adds a location, the inventory
 * board grows its column and filter option live, the admin deactivates it and
 * deletes it (it holds no stock); a bad code is refused in the form.
 */
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject, it } from "vitest";
import { Collections } from "@showroom/model";
import { adminDb } from "../../scripts/lib/admin.js";
import { DEMO_PASSWORD } from "../../scripts/seed/demo-accounts.js";
import { launchChromium } from "../support/browser.js";
import { screenshotOnFailure } from "../support/screenshots.js";

const CODE = "showroom-soho";
/** How long a live listener's update may take to show on a loaded machine. */
const LIVE = { timeout: 30_000 };
const locationDoc = () => adminDb().collection(Collections.locations).doc(CODE);

let browser: Browser;
let context: BrowserContext | undefined;
beforeAll(async () => {
  browser = await launchChromium();
});
afterEach(async ({ task }) => {
  await screenshotOnFailure(task.result?.state === "fail", [context], "locations");
  await context?.close();
  // Later files must not see this location, whatever happened here.
  await locationDoc().delete();
});
afterAll(() => browser?.close());

it("an admin adds a location, the board shows it live, then deactivates and deletes it", async () => {
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  // The dev server compiles the console on first load: slow on a busy machine.
  page.setDefaultTimeout(90_000);
  await page.goto(`${inject("baseUrl")}/admin`);
  await page.getByLabel("Email").fill("admin@showroom.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "Locations" }).click();

  const table = page.getByRole("table", { name: "Locations" });
  // The page's chunk compiles on its first request (seconds on a busy machine): wait for the table as long as for any page,
  // then give its live rows expect.poll's room (its default is 1 s).
  await table.waitFor();
  await expect.poll(async () => (await table.getByRole("row").allTextContents()).slice(1).map((t) => t.slice(0, 4)), LIVE).toEqual(["main", "east"]);

  const form = page.getByRole("form", { name: "Add a location" });
  await form.getByLabel("Code").fill("Soho Showroom");
  await form.getByLabel("Name").fill("Soho showroom");
  await form.getByRole("button", { name: "Add location" }).click();
  await page.getByRole("alert").filter({ hasText: "lowercase slug" }).waitFor();
  expect((await locationDoc().get()).exists).toBe(false);

  await form.getByLabel("Code").fill(CODE);
  await form.getByLabel("Kind").selectOption("showroom");
  await form.getByLabel("Draw order").fill("5");
  await form.getByRole("button", { name: "Add location" }).click();
  await page
    .getByRole("status")
    .filter({ hasText: `Added ${CODE}.` })
    .waitFor();
  await table.getByRole("row", { name: CODE }).waitFor();
  expect((await locationDoc().get()).data()).toMatchObject({ code: CODE, name: "Soho showroom", kind: "showroom", drawOrder: 5, active: true });

  await page.getByRole("link", { name: "Inventory" }).click();
  const board = page.getByRole("table", { name: "Inventory board" });
  await board.getByRole("columnheader", { name: CODE }).waitFor();
  await expect.poll(() => page.getByLabel("Location").locator("option").allTextContents(), LIVE).toContain(`Soho showroom (${CODE})`);

  await page.getByRole("link", { name: "Locations" }).click();
  await page.getByRole("button", { name: `Edit ${CODE}` }).click();
  const edit = page.getByRole("form", { name: `Edit ${CODE}` });
  await edit.getByLabel("Active").uncheck();
  await edit.getByRole("button", { name: "Save location" }).click();
  await expect.poll(async () => (await table.getByRole("row", { name: CODE }).textContent()) ?? "", LIVE).toContain("inactive");
  expect((await locationDoc().get()).get("active")).toBe(false);

  await page.getByRole("button", { name: `Delete ${CODE}` }).click();
  await page
    .getByRole("status")
    .filter({ hasText: `Deleted ${CODE}.` })
    .waitFor();
  await expect.poll(() => table.getByRole("row", { name: CODE }).count(), LIVE).toBe(0);
  expect((await locationDoc().get()).exists).toBe(false);

  // The seeded default location is never deleted.
  await page.getByRole("button", { name: "Delete main" }).click();
  await page.getByRole("alert").filter({ hasText: "default location" }).waitFor();
}, 360_000);
