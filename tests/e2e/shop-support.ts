/** Helpers shared by the storefront and checkout e2e suites. */
import type { Locator, Page } from "playwright-core";
import { planStatus, seedProducts, type SeedProduct, type SeedVariant } from "../../scripts/seed/catalog.js";
import type { CallableName } from "@showroom/model";
import { signIn, type TestClient } from "../support/clients.js";

/**
 * The n-th seeded product of a category with a SKU sold from stock with at
 * least `min` units: suites pick different categories so their stock changes
 * never meet.
 */
export function stockedVariant(category: SeedProduct["category"], min = 4, n = 0, notFirst = false): { product: SeedProduct; variant: SeedVariant } {
  const found = seedProducts()
    .filter((p) => p.category === category)
    .flatMap((product) => product.variants.map((variant, index) => ({ product, variant, index })))
    .filter(
      ({ variant, index }) =>
        (!notFirst || index > 0) &&
        variant.stock.policy === "stock" &&
        planStatus(variant.stock) === "in_stock" &&
        variant.stock.main + variant.stock.east >= min,
    );
  const pick = found[n];
  if (!pick) throw new Error(`no seeded ${category} SKU with ${min}+ units`);
  return pick;
}

let staffClient: TestClient | null = null;

/** A signed-in staff client (the web SDK, like the staff console), created once. */
export async function staff(): Promise<TestClient> {
  staffClient ??= await signIn({ kind: "user", role: "staff" });
  return staffClient;
}

export async function closeStaff(): Promise<void> {
  await staffClient?.close();
  staffClient = null;
}

/** Sets a SKU's on-hand stock in every location, as staff would after a count. */
export async function setStock(sku: string, main: number, east = 0): Promise<void> {
  const client = await staff();
  await client.call("adjustStock", { sku, location: "east", setTo: east, reason: "count" });
  await client.call("adjustStock", { sku, location: "main", setTo: main, reason: "count" });
}

/**
 * Calls each callable once with bad input (rejected, writes nothing) so the
 * Functions emulator has a worker ready before a test measures or waits.
 */
export async function warmUp(names: CallableName[]): Promise<void> {
  const client = await signIn({ kind: "anonymous" });
  await Promise.all(names.map((name) => client.call(name, {}).catch(() => undefined)));
  await client.close();
}

/** The text of the first availability line in the page, or "" while there is none. */
export async function availabilityText(page: Page): Promise<string> {
  const line = page.getByTestId("availability").first();
  return (await line.count()) === 0 ? "" : ((await line.textContent()) ?? "");
}

/** Resolves when the first availability line reads `text` (polled in the page every 20 ms). */
export async function waitForAvailability(page: Page, text: string, timeout = 5_000): Promise<void> {
  await page.waitForFunction(`document.querySelector("[data-testid=availability]")?.textContent === ${JSON.stringify(text)}`, null, { timeout, polling: 20 });
}

export interface TypedAddress {
  name: string;
  line1: string;
  city: string;
  postalCode: string;
  country: string;
}

/** Types an address into the shared address fields (checkout's shipping form, the account's address book). */
export async function fillAddress(scope: Page | Locator, address: TypedAddress): Promise<void> {
  await scope.getByLabel("Full name").fill(address.name);
  await scope.getByLabel("Address line 1").fill(address.line1);
  await scope.getByLabel("Town or city").fill(address.city);
  await scope.getByLabel("Postal code").fill(address.postalCode);
  await scope.getByLabel("Country").selectOption(address.country);
}
