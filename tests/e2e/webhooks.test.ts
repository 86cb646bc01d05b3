/**
 * The console's webhooks page in Chromium against the real emulators: an
 * admin adds an endpoint (the secret shows once), an event published to
 * `showroom-events` reaches a real receiver on loopback, the page shows the
 * delivery and its attempt, and Resend sends the event again.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { Collections } from "@showroom/model";
import { adminDb } from "../../scripts/lib/admin.js";
import { DEMO_PASSWORD } from "../../scripts/seed/demo-accounts.js";
import { launchChromium } from "../support/browser.js";
import { screenshotOnFailure } from "../support/screenshots.js";
import { signIn } from "../support/clients.js";
import { inventoryEvent, isTestTraffic, publishEvent, startReceiver, uniqueSkuCode, type Receiver } from "../../scripts/lib/events.js";

let browser: Browser;
let receiver: Receiver;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  receiver = await startReceiver(undefined, { only: isTestTraffic });
  // Start the callables' emulator workers now with inputs the schema rejects, which write nothing.
  const admin = await signIn({ kind: "user", role: "admin" });
  try {
    await Promise.all((["createWebhookEndpoint", "resendWebhookDelivery"] as const).map((name) => admin.call(name, { warmUp: true }).catch(() => undefined)));
  } finally {
    await admin.close();
  }
});
afterEach(async ({ task }) => {
  const open = contexts.splice(0);
  await screenshotOnFailure(task.result?.state === "fail", open, "webhooks");
  await Promise.all(open.map((c) => c.close()));
});
afterAll(async () => {
  await receiver?.close();
  await browser?.close();
});

async function adminConsole(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${inject("baseUrl")}/admin/webhooks`);
  await page.getByLabel("Email").fill("admin@showroom.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  return page;
}

describe("webhooks page", () => {
  it("adds an endpoint, shows its deliveries and attempts, and resends one", async () => {
    const page = await adminConsole();
    await page.getByRole("heading", { name: "Webhooks" }).waitFor({ timeout: 30_000 });

    // A bad URL is refused with the server's reason and nothing is added.
    await page.getByLabel("Endpoint URL").fill("https://10.0.0.1/hook");
    await page.getByLabel("inventory.updated").check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect.poll(() => page.getByRole("alert").textContent(), { timeout: 30_000 }).toContain("private");

    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = page.getByTestId("webhook-secret");
    await secret.waitFor({ timeout: 30_000 });
    const secretText = (await secret.textContent())!;
    expect(secretText).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    receiver.secrets.push(secretText);
    await page.getByRole("button", { name: "I have copied it" }).click();
    await expect.poll(() => page.getByTestId("webhook-secret").count()).toBe(0);

    const row = page.getByRole("row", { name: new RegExp(receiver.url.replace(/[.:/]/g, "\\$&")) });
    await expect.poll(() => row.textContent()).toContain("Enabled");

    const sku = uniqueSkuCode();
    const event = inventoryEvent(sku, 1);
    await publishEvent(event);
    await expect.poll(() => receiver.accepted().length, { timeout: 180_000 }).toBe(1);
    expect(receiver.accepted()[0]!.verifiedWith).toBe(0);

    // The page lists the delivery live, with its attempt.
    const summary = page.getByText(`inventory.updated · sku/${sku} #1`);
    await expect.poll(() => summary.textContent(), { timeout: 30_000 }).toContain("delivered");
    await summary.click();
    const attempts = page.getByRole("table", { name: /^Attempts of / });
    await expect.poll(() => attempts.textContent(), { timeout: 30_000 }).toContain("answer 200");

    await page.getByRole("button", { name: `Resend inventory.updated sku/${sku} #1` }).click();
    await expect.poll(() => page.getByRole("status").allTextContents(), { timeout: 30_000 }).toContainEqual(`Event ${event.id} queued again.`);
    await expect.poll(() => receiver.accepted().length, { timeout: 60_000 }).toBe(2);
    expect(receiver.accepted()[1]!.webhookId).toBe(event.id);
    const resends = await adminDb().collection(Collections.webhookDeliveries).where("eventId", "==", event.id).where("origin", "==", "resend").get();
    expect(resends.size).toBe(1);
    await expect.poll(() => page.getByText(/· resend$/).count(), { timeout: 30_000 }).toBe(1);
    // The first Pub/Sub message on a cold emulator can take over a minute to reach the consumer under load.
  }, 300_000);
});
