/**
 * Where browser tests save screenshots. The README's images under
 * docs/screenshots are tracked, so a test run must not rewrite them: only
 * `npm run screenshots` (SHOWROOM_SCREENSHOTS=1) writes there; every other
 * run writes to the ignored test-results/screenshots, for a look after a run.
 */
import fs from "node:fs";
import type { BrowserContext, Page } from "playwright-core";

export const SCREENSHOTS = process.env.SHOWROOM_SCREENSHOTS === "1" ? "docs/screenshots" : "test-results/screenshots";

export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage });
}

/** After a failed test, every page of these contexts as `test-results/<name>-failed-<i>.png` (best effort), for a look at why. */
export async function screenshotOnFailure(failed: boolean, contexts: (BrowserContext | undefined)[], name: string): Promise<void> {
  if (!failed) return;
  fs.mkdirSync("test-results", { recursive: true });
  const pages = contexts.flatMap((c) => c?.pages() ?? []);
  await Promise.all(pages.map((p, i) => p.screenshot({ path: `test-results/${name}-failed-${i}.png` }).catch(() => undefined)));
}
