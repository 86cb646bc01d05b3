/**
 * App Check enforcement on the callables (on by default on the emulators,
 * functions/src/config.ts): a call without a token is refused before any of
 * our code runs; the same call with the token the web app and the test
 * clients send reaches validation. The browser side is the e2e suite: every
 * storefront and console call there goes through App Check.
 */
import { describe, expect, it } from "vitest";
import { call, emulatorToken } from "../../scripts/bench/callables.js";

describe("App Check on callables", () => {
  it("refuses a call without an App Check token as unauthenticated, and lets the same call with one through", async () => {
    const shopper = emulatorToken();
    const without = await call("placeOrder", shopper, {}, { appCheck: false });
    expect(without).toMatchObject({ ok: false, status: "UNAUTHENTICATED" });
    const withToken = await call("placeOrder", shopper, {});
    expect(withToken).toMatchObject({ ok: false, status: "INVALID_ARGUMENT" });
  });

  it("refuses staff and signed-out callers alike without a token", async () => {
    expect(await call("adjustStock", emulatorToken({ role: "staff" }), {}, { appCheck: false })).toMatchObject({ status: "UNAUTHENTICATED" });
    expect(await call("submitFeedback", null, {}, { appCheck: false })).toMatchObject({ status: "UNAUTHENTICATED" });
    expect(await call("adjustStock", emulatorToken({ role: "staff" }), {})).toMatchObject({ status: "INVALID_ARGUMENT" });
  });
});
