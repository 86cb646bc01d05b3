import { describe, expect, it } from "vitest";
import { isIdleAnonymous } from "./anonymous-cleanup.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = Date.parse("2026-11-30T12:00:00Z");
const daysAgo = (n: number) => new Date(NOW - n * DAY_MS).toUTCString();
const user = (over: { providers?: number; email?: string; created?: number; signedIn?: number; refreshed?: number }) => ({
  providerData: Array.from({ length: over.providers ?? 0 }, () => ({}) as never),
  email: over.email,
  metadata: {
    creationTime: daysAgo(over.created ?? 40),
    lastSignInTime: daysAgo(over.signedIn ?? over.created ?? 40),
    lastRefreshTime: over.refreshed === undefined ? null : daysAgo(over.refreshed),
  } as never,
});

describe("isIdleAnonymous", () => {
  it("is an anonymous account not seen for longer than the limit", () => {
    expect(isIdleAnonymous(user({}), NOW, 30)).toBe(true);
  });
  it("is not an account with a provider or an email", () => {
    expect(isIdleAnonymous(user({ providers: 1 }), NOW, 30)).toBe(false);
    expect(isIdleAnonymous(user({ email: "a@example.com" }), NOW, 30)).toBe(false);
  });
  it("is not an anonymous account created, signed in or refreshed within the limit", () => {
    expect(isIdleAnonymous(user({ created: 10 }), NOW, 30)).toBe(false);
    expect(isIdleAnonymous(user({ signedIn: 29 }), NOW, 30)).toBe(false);
    expect(isIdleAnonymous(user({ refreshed: 1 }), NOW, 30)).toBe(false);
  });
});
