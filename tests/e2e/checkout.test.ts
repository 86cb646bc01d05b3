import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Collections, EMULATOR_APP_ID, formatMoney } from "@showroom/model";
import { adminAuth, adminDb } from "../../scripts/lib/admin.js";
import { launchChromium } from "../support/browser.js";
import { screenshot } from "../support/screenshots.js";
import { availabilityText, closeStaff, fillAddress, setStock, stockedVariant, warmUp } from "./shop-support.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  await warmUp(["holdCart", "releaseHold", "placeOrder", "adjustStock"]);
});
afterAll(async () => {
  await closeStaff();
  await browser?.close();
});

const base = () => inject("baseUrl");

async function addToCart(page: Page, productId: string, sku: string, quantity = 1): Promise<void> {
  await page.goto(`${base()}/p/${productId}?sku=${sku}`);
  await expect.poll(() => availabilityText(page), { timeout: 10_000 }).not.toBe("");
  if (quantity > 1) await page.getByLabel("Quantity").selectOption(String(quantity));
  await page.getByRole("button", { name: "Add to cart" }).click();
  await page.getByRole("status").filter({ hasText: "to your cart" }).waitFor();
}

const fillShipping = (page: Page) => fillAddress(page, { name: "Grace Hopper", line1: "1 Navy Yard", city: "Arlington", postalCode: "22202", country: "US" });

async function ordersOf(uid: string) {
  return (await adminDb().collection(Collections.orders).where("uid", "==", uid).get()).docs;
}

describe("checkout", () => {
  it("browse → variant → cart → checkout with a hold → the order page shows the order; the guest signs up and keeps it", async () => {
    const { product, variant } = stockedVariant("sofas", 4, 0, true);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Which App Check token each callable request carried (callables enforce App Check on the emulators).
    const appCheckOf = new Map<string, string | undefined>();
    page.on("request", (request) => {
      const callable = /\/us-central1\/(\w+)$/.exec(request.url())?.[1];
      if (callable && request.method() === "POST") appCheckOf.set(callable, request.headers()["x-firebase-appcheck"]);
    });
    await page.goto(base());
    await page.getByRole("link", { name: "Sofas" }).first().click();
    await page.getByRole("link", { name: product.name }).click();
    await page.getByRole("heading", { name: product.name, level: 1 }).waitFor();

    // Choose the variant by its options, as a shopper would.
    for (const [axis, value] of Object.entries(variant.options)) {
      await page
        .getByRole("group", { name: new RegExp(`^${axis}`, "i") })
        .getByRole("radio", { name: value, exact: true })
        .click({ force: true });
    }
    await expect.poll(() => page.url()).toContain(`sku=${variant.sku}`);
    await expect.poll(() => availabilityText(page), { timeout: 10_000 }).toBe("In stock");
    // The chosen variant's price replaces the previous one's as the page re-renders.
    await expect.poll(() => page.getByLabel("Price").textContent()).toBe(formatMoney(variant.priceCents, "USD"));
    await screenshot(page, "product");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "product-phone", true);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByLabel("Quantity").selectOption("2");
    await page.getByRole("button", { name: "Add to cart" }).click();
    await page.getByRole("link", { name: "Cart, 2 items" }).click();

    const line = page.getByRole("listitem", { name: `${product.name}, ${variant.label}` });
    await line.waitFor();
    await page.reload(); // the cart survives a reload
    await line.waitFor();
    await line.getByTestId("availability").waitFor();
    await screenshot(page, "cart");
    await page.getByRole("link", { name: "Checkout" }).click();
    await page.getByRole("timer").waitFor({ timeout: 30_000 });
    // A guest's hold lasts 5 minutes (signed-in customers get 15).
    expect(await page.getByRole("timer").textContent()).toMatch(/^[45]:\d\d$/);

    // The shared schema validates the form before anything is sent.
    await page.getByRole("button", { name: "Place order" }).click();
    await page.getByText("Enter the recipient’s name.").waitFor();
    expect(await page.getByLabel("Full name").getAttribute("aria-invalid")).toBe("true");
    await fillShipping(page);
    await screenshot(page, "checkout");
    await page.getByRole("button", { name: "Place order" }).click();

    await page.getByRole("heading", { name: "Thank you — your order is placed" }).waitFor({ timeout: 20_000 });
    const orderId = new URL(page.url()).pathname.split("/").at(-1)!;
    await page.getByRole("heading", { name: `Order ${orderId}` }).waitFor();
    expect(await page.getByRole("cell", { name: new RegExp(product.name) }).count()).toBe(1);
    expect(await page.getByTestId("order-status").textContent()).toContain("Placed");
    expect(await page.getByRole("link", { name: "Cart, 0 items" }).count()).toBe(1);

    for (const callable of ["holdCart", "placeOrder"]) {
      const token = appCheckOf.get(callable);
      expect(token, `${callable} carried an App Check token`).toBeTruthy();
      expect(JSON.parse(Buffer.from(token!.split(".")[1]!, "base64url").toString())).toMatchObject({ sub: EMULATOR_APP_ID });
    }

    const order = (await adminDb().collection(Collections.orders).doc(orderId).get()).data()!;
    expect(order.lines).toMatchObject([{ sku: variant.sku, quantity: 2, unitPriceCents: variant.priceCents }]);
    expect(order.shipping).toMatchObject({ name: "Grace Hopper", country: "US" });
    const guestUid = order.uid as string;
    expect((await adminAuth().getUser(guestUid)).providerData).toEqual([]);

    // The guest signs up: the anonymous account is upgraded in place, so the order stays theirs.
    const email = `guest-${randomUUID().slice(0, 8)}@test.showroom`;
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByLabel("Your name").fill("Grace Hopper");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("cobol-1959");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Your account" }).waitFor();
    const history = page.getByRole("list", { name: "Orders" });
    await history.getByRole("link").first().waitFor({ timeout: 10_000 });
    expect(await history.getByRole("listitem").count()).toBe(1);
    expect(await history.textContent()).toContain(formatMoney(variant.priceCents * 2, "USD"));
    const user = await adminAuth().getUserByEmail(email);
    expect(user.uid).toBe(guestUid);
    expect((await ordersOf(user.uid)).map((d) => d.id)).toEqual([orderId]);
    await page.close();
  });

  it("a double click on “Place order” makes one order", async () => {
    const { product, variant } = stockedVariant("tables");
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await addToCart(page, product.id, variant.sku);
    await page.goto(`${base()}/checkout`);
    await page.getByRole("timer").waitFor({ timeout: 30_000 });
    await fillShipping(page);
    await page.getByRole("button", { name: "Place order" }).dblclick();
    await page.getByRole("heading", { name: "Thank you — your order is placed" }).waitFor({ timeout: 20_000 });
    const orderId = new URL(page.url()).pathname.split("/").at(-1)!;
    const uid = (await adminDb().collection(Collections.orders).doc(orderId).get()).get("uid") as string;
    expect((await ordersOf(uid)).length).toBe(1);
    await page.close();
  });

  it("a cart line that sells out or runs short meanwhile shows a live warning with a one-click fix", async () => {
    const short = stockedVariant("rugs", 4, 0);
    const gone = stockedVariant("rugs", 4, 1);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await addToCart(page, short.product.id, short.variant.sku, 3);
    await addToCart(page, gone.product.id, gone.variant.sku, 1);
    await page.goto(`${base()}/cart`);
    await page.getByRole("link", { name: "Checkout" }).waitFor();

    // Staff counts the shelves: two units left of one SKU, none of the other.
    await setStock(short.variant.sku, 2);
    await setStock(gone.variant.sku, 0);
    const shortLine = page.getByRole("listitem", { name: `${short.product.name}, ${short.variant.label}` });
    const goneLine = page.getByRole("listitem", { name: `${gone.product.name}, ${gone.variant.label}` });
    await shortLine.getByRole("alert").filter({ hasText: "Only 2 left — you have 3 in your cart." }).waitFor({ timeout: 5_000 });
    await goneLine.getByRole("alert").filter({ hasText: "Sold out while in your cart." }).waitFor({ timeout: 5_000 });
    expect(await page.getByRole("link", { name: "Checkout" }).count()).toBe(0);

    await shortLine.getByRole("button", { name: "Change to 2" }).click();
    await goneLine.getByRole("button", { name: `Remove ${gone.product.name}`, exact: true }).click();
    await expect.poll(() => goneLine.count()).toBe(0);
    expect(await shortLine.getByRole("spinbutton").inputValue()).toBe("2");
    expect(await shortLine.getByRole("alert").count()).toBe(0);
    await page.getByRole("link", { name: "Checkout" }).waitFor();
    await setStock(short.variant.sku, short.variant.stock.main, short.variant.stock.east);
    await setStock(gone.variant.sku, gone.variant.stock.main, gone.variant.stock.east);
    await page.close();
  });

  it("a signed-in customer starts from their default saved address, can pick another, or type a new one", async () => {
    const { product, variant } = stockedVariant("storage");
    const email = `book-${randomUUID().slice(0, 8)}@test.showroom`;
    const user = await adminAuth().createUser({ email, password: "drawer-pull-7" });
    const home = { id: "home", label: "Home", name: "Ada Lovelace", line1: "12 St James's Square", city: "London", postalCode: "SW1Y 4JH", country: "GB" };
    const work = {
      id: "work",
      label: "Work",
      name: "Ada Lovelace",
      line1: "1 Analytical Row",
      line2: "Floor 2",
      city: "Leeds",
      postalCode: "LS1 1AA",
      country: "GB",
      phone: "+44 113 496 0000",
    };
    await adminDb()
      .collection(Collections.customers)
      .doc(user.uid)
      .set({ addresses: [home, work] }, { merge: true });

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base()}/sign-in?next=/cart`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("drawer-pull-7");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: /cart/i, level: 1 }).waitFor();
    await addToCart(page, product.id, variant.sku);
    await page.goto(`${base()}/checkout`);
    await page.getByRole("timer").waitFor({ timeout: 30_000 });

    const saved = page.getByRole("group", { name: "Your saved addresses" });
    const fieldValue = (label: string) => page.getByLabel(label, { exact: true }).inputValue();
    await expect.poll(() => saved.getByRole("radio", { name: /^Home \(default\)/ }).isChecked(), { timeout: 10_000 }).toBe(true);
    expect(await fieldValue("Address line 1")).toBe(home.line1);
    expect(await fieldValue("Full name")).toBe(home.name);
    expect(await fieldValue("Country")).toBe("GB");

    await saved.getByRole("radio", { name: /^Work/ }).check();
    expect(await fieldValue("Address line 2 (optional)")).toBe(work.line2);
    expect(await fieldValue("Phone (optional)")).toBe(work.phone);

    await saved.getByRole("radio", { name: "A new address" }).check();
    expect(await fieldValue("Address line 1")).toBe("");
    await fillShipping(page);
    await page.getByRole("button", { name: "Place order" }).click();
    await page.getByRole("heading", { name: "Thank you — your order is placed" }).waitFor({ timeout: 20_000 });
    const orderId = new URL(page.url()).pathname.split("/").at(-1)!;
    const order = (await adminDb().collection(Collections.orders).doc(orderId).get()).data()!;
    expect(order).toMatchObject({ uid: user.uid, shipping: { name: "Grace Hopper", line1: "1 Navy Yard", city: "Arlington", country: "US" } });
    await page.close();
  });

  it("checkout corrects a cart that asks for more than is left, in plain words", async () => {
    const { product, variant } = stockedVariant("chairs");
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await addToCart(page, product.id, variant.sku, 3);
    await setStock(variant.sku, 2);
    await page.goto(`${base()}/checkout`);
    await page
      .getByRole("alert")
      .filter({ hasText: `Only 2 left — we updated your cart (${product.name}).` })
      .waitFor({ timeout: 30_000 });
    // Holds may take only half of a SKU's units, so the last 2 cannot be held; the shopper is told so and can still order.
    await page
      .getByRole("alert")
      .filter({ hasText: `${product.name} is in high demand, so we can’t hold more of it right now.` })
      .waitFor({ timeout: 30_000 });
    expect(await page.getByText(`2 × ${product.name}`).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Place order" }).isEnabled()).toBe(true);
    await setStock(variant.sku, variant.stock.main, variant.stock.east);
    await page.close();
  });
});
