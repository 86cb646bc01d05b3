/** A Chromium found on this machine (see scripts/lib/find-chromium.ts), driven by playwright-core: no browser download. */
import { chromium, type Browser } from "playwright-core";
import { findChromium } from "../../scripts/lib/find-chromium.js";

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium().executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}
