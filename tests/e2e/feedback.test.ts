/**
 * Customer feedback in Chromium against the real emulators: a buyer answers
 * from the email link without signing in, the product page shows the
 * verified buyers' rating, and staff see the answer and the follow-up task.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Timestamp } from "firebase-admin/firestore";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Collections, DAY_MS } from "@showroom/model";
import { adminDb } from "../../scripts/lib/admin.js";
import { seedProducts } from "../../scripts/seed/catalog.js";
import { DEMO_PASSWORD } from "../../scripts/seed/demo-accounts.js";
import { signSurveyToken } from "../../functions/src/feedback/link-token.js";
import { writeStockedProducts } from "../../scripts/bench/stocked-products.js";
import { launchChromium } from "../support/browser.js";
import { screenshot } from "../support/screenshots.js";
import { warmUp } from "./shop-support.js";

const LINK_KEY = /^SURVEY_LINK_SECRET=(.+)$/m.exec(readFileSync(new URL("../../functions/.secret.local", import.meta.url), "utf8"))![1]!;
const SLOW = 60_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  await warmUp(["openSurvey", "submitFeedback", "answerSiteQuestion", "demandReport"]);
}, 120_000);
afterAll(() => browser?.close());

const base = () => inject("baseUrl");

describe("feedback", () => {
  it("answers from the email link, shows the rating on the product page, and puts the answer and the task in the console", async () => {
    const product = seedProducts().at(-1)!;
    const variant = product.variants[0]!;
    const orderId = `e2e-fb-${randomUUID().slice(0, 8)}`;
    await adminDb()
      .collection(Collections.orders)
      .doc(orderId)
      .set({
        uid: `buyer-${orderId}`,
        lines: [
          {
            sku: variant.sku,
            productId: product.id,
            name: product.name,
            label: variant.label,
            quantity: 1,
            unitPriceCents: variant.priceCents,
            lineTotalCents: variant.priceCents,
            allocations: [{ location: "main", quantity: 1 }],
          },
        ],
        totalCents: variant.priceCents,
        currency: "USD",
        status: "delivered",
        shipping: { name: "Ada Lovelace", line1: "1 Loom Street", city: "Leeds", postalCode: "LS1 1AA", country: "GB" },
        idempotencyKey: `key-${orderId}`,
        createdAt: Timestamp.now(),
      });
    const token = signSurveyToken(LINK_KEY, orderId, Date.now() + DAY_MS);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base()}/survey/${orderId}?t=${encodeURIComponent(token)}`);
    await page.getByRole("heading", { name: "How did your order turn out?" }).waitFor({ timeout: SLOW });
    await page.getByRole("radio", { name: "3", exact: true }).first().check();
    await page
      .getByRole("radiogroup", { name: `Rating for ${product.name}` })
      .getByRole("radio", { name: "2 ★" })
      .check();
    await page.getByRole("radio", { name: "Doesn’t match" }).check();
    await page.getByRole("checkbox", { name: "colour" }).check();
    await page.getByLabel("Anything else?").fill("<b>Greener</b> than in the photos");
    await screenshot(page, "feedback-survey", true);
    await page.getByRole("button", { name: "Send my answer" }).click();
    await page.getByRole("status").filter({ hasText: "Thank you for your answer!" }).waitFor({ timeout: SLOW });
    const answer = (await adminDb().collection(Collections.feedback).doc(orderId).get()).data();
    expect(answer).toMatchObject({
      nps: 3,
      via: "link",
      comment: "<b>Greener</b> than in the photos",
      lines: [{ sku: variant.sku, rating: 2, matchesPhotos: false, differences: ["colour"] }],
    });

    await page.goto(`${base()}/p/${product.id}`);
    await page
      .getByLabel("Verified buyers' rating")
      .filter({ hasText: /from \d+ verified buyers?/ })
      .waitFor({ timeout: SLOW });

    const staffPage = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await staffPage.goto(`${base()}/admin/feedback/tasks`);
    await staffPage.getByLabel("Email").fill("staff@showroom.test");
    await staffPage.getByLabel("Password").fill(DEMO_PASSWORD);
    await staffPage.getByRole("button", { name: "Sign in" }).click();
    await staffPage.getByRole("link", { name: orderId }).waitFor({ timeout: SLOW });
    await staffPage.getByRole("button", { name: `Mark ${orderId} done` }).click();
    await expect.poll(async () => (await adminDb().collection(Collections.feedbackTasks).doc(orderId).get()).get("status"), { timeout: 10_000 }).toBe("done");

    await staffPage.goto(`${base()}/admin/feedback`);
    const answers = staffPage.getByRole("table", { name: "Answers" });
    // Free text is shown as text: the tags appear literally, no bold element is created.
    await answers.getByText("<b>Greener</b> than in the photos").waitFor({ timeout: SLOW });
    expect(await answers.locator("b").count()).toBe(0);
    await screenshot(staffPage, "feedback-results", true);
  }, 300_000);

  it("asks on a sold-out page, is not asked again after answering, and staff see the demand next to the subscriptions", async () => {
    const run = randomUUID().slice(0, 8);
    const skus = [`E2E-SOLD-${run}-A`.toUpperCase(), `E2E-SOLD-${run}-B`.toUpperCase()];
    const products = skus.map((sku, i) => ({ productId: `e2e-sold-${run}-${i}`, variants: [{ sku, main: 0 }] }));
    await writeStockedProducts(adminDb(), products);
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${base()}/p/${products[0]!.productId}`);
      const question = page.getByRole("form", { name: "Help us restock" });
      await question.waitFor({ timeout: SLOW });
      // Never blocking: the page's own controls are there beside it.
      await page.getByRole("button", { name: "Out of stock" }).waitFor({ timeout: SLOW });
      await question.getByRole("radio", { name: "Within a month" }).check();
      await question.getByRole("radio", { name: "A similar piece from you" }).check();
      await question.getByRole("button", { name: "Send" }).click();
      await page.getByRole("status").filter({ hasText: "Thank you — that helps us decide what to stock." }).waitFor({ timeout: SLOW });
      await expect
        .poll(async () => (await adminDb().collection(Collections.demandSignals).doc(skus[0]!).get()).data(), { timeout: 10_000 })
        .toMatchObject({ answers: 1, needBy: { "within-a-month": 1 }, instead: { "similar-product": 1 } });

      // Another sold-out page, and the same one reloaded: not asked again.
      for (const product of [products[1]!, products[0]!]) {
        await page.goto(`${base()}/p/${product.productId}`);
        await page.getByRole("heading", { name: `Test product ${product.productId}` }).waitFor({ timeout: SLOW });
        await page.getByRole("button", { name: /notify me/i }).waitFor({ timeout: SLOW });
        expect(await page.getByRole("form", { name: "Help us restock" }).count()).toBe(0);
      }
      // A back-in-stock subscription for the second one, which the demand page counts beside the answers.
      await page.goto(`${base()}/p/${products[1]!.productId}`);
      await page.getByRole("button", { name: /notify me/i }).click();
      await page.getByRole("button", { name: /stop notifying me/i }).waitFor({ timeout: SLOW });

      const staffPage = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await staffPage.goto(`${base()}/admin/feedback/demand`);
      await staffPage.getByLabel("Email").fill("staff@showroom.test");
      await staffPage.getByLabel("Password").fill(DEMO_PASSWORD);
      await staffPage.getByRole("button", { name: "Sign in" }).click();
      const row = staffPage
        .getByRole("table", { name: "Demand per SKU" })
        .getByRole("row")
        .filter({ has: staffPage.getByRole("rowheader", { name: skus[0]! }) });
      await row.waitFor({ timeout: SLOW });
      await expect.poll(() => row.textContent()).toContain("Within a month 1");
      const subscribed = staffPage
        .getByRole("table", { name: "Demand per SKU" })
        .getByRole("row")
        .filter({ has: staffPage.getByRole("rowheader", { name: skus[1]! }) });
      expect(await subscribed.getByRole("cell").last().textContent()).toBe("1");
      await screenshot(staffPage, "feedback-demand", true);
    } finally {
      // Off the storefront again, so later screenshots show the seeded catalog only.
      await Promise.all(products.map((p) => adminDb().collection(Collections.products).doc(p.productId).update({ active: false })));
    }
  }, 300_000);
});
