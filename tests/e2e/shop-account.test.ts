import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Collections } from "@showroom/model";
import { adminAuth, adminDb } from "../../scripts/lib/admin.js";
import { launchChromium } from "../support/browser.js";
import { fillAddress } from "./shop-support.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

const base = () => inject("baseUrl");

describe("account", () => {
  it("signs in, saves profile, an address and marketing consent to customers/{uid} under the real rules", async () => {
    const email = `acct-${randomUUID().slice(0, 8)}@test.showroom`;
    const user = await adminAuth().createUser({ email, password: "sofa-lover-1" });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base()}/sign-in`);

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "That email and password don’t match. Try again." }).waitFor();
    await page.getByLabel("Password").fill("sofa-lover-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Your account" }).waitFor();

    await page.getByLabel("Name", { exact: true }).fill("Ada Lovelace");
    await page.getByLabel("Phone (optional)").fill("+44 20 7946 0000");
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByText("Profile saved.").waitFor();

    await page.getByRole("button", { name: "Add an address" }).click();
    const form = page.getByRole("form", { name: "New address" });
    await form.getByLabel("Label (optional, e.g. Home)").fill("Home");
    await form.getByRole("button", { name: "Save address" }).click();
    await form.getByText("Enter the recipient’s name.").waitFor();
    await fillAddress(form, { name: "Ada Lovelace", line1: "12 St James's Square", city: "London", postalCode: "SW1Y 4JH", country: "GB" });
    await form.getByRole("button", { name: "Save address" }).click();
    await page.getByRole("button", { name: "Remove address Home" }).waitFor();

    await page.getByLabel("Email me about new pieces and offers").check();
    const ref = adminDb().collection(Collections.customers).doc(user.uid);
    await expect.poll(async () => (await ref.get()).get("marketing"), { timeout: 10_000 }).toEqual({ email: { granted: true }, sms: { granted: false } });
    const saved = (await ref.get()).data()!;
    expect(saved).toMatchObject({
      displayName: "Ada Lovelace",
      phone: "+44 20 7946 0000",
      addresses: [{ label: "Home", name: "Ada Lovelace", line1: "12 St James's Square", city: "London", postalCode: "SW1Y 4JH", country: "GB" }],
    });
    await page.getByText("No orders yet.").waitFor();

    // The first address is the default (checkout preselects it); another can take its place.
    await page.getByRole("button", { name: "Add an address" }).click();
    await form.getByLabel("Label (optional, e.g. Home)").fill("Work");
    await fillAddress(form, { name: "Ada Lovelace", line1: "1 Analytical Row", city: "Leeds", postalCode: "LS1 1AA", country: "GB" });
    await form.getByRole("button", { name: "Save address" }).click();
    await page.getByRole("button", { name: "Make address Work the default" }).click();
    await expect.poll(async () => ((await ref.get()).get("addresses") as { label: string }[]).map((a) => a.label)).toEqual(["Work", "Home"]);
    await page.getByRole("button", { name: "Make address Home the default" }).waitFor();

    // The address book is live and removals persist.
    await page.getByRole("button", { name: "Remove address Home" }).click();
    await page.getByRole("button", { name: "Remove address Home" }).waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Remove address Work" }).click();
    await expect.poll(async () => (await ref.get()).get("addresses")).toEqual([]);
    await page.close();
  });

  it("asks a visitor who is not signed in to sign in or create an account", async () => {
    const page = await browser.newPage();
    await page.goto(`${base()}/account`);
    await page.getByRole("link", { name: "create an account" }).waitFor();
    await page.close();
  });
});
