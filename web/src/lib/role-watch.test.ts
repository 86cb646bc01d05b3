import { describe, expect, it } from "vitest";
import { needsTokenRefresh, roleFromClaims } from "./role-watch";

describe("roleFromClaims", () => {
  it("reads staff and admin, and treats anything else as a shopper", () => {
    expect(roleFromClaims({ role: "staff" })).toBe("staff");
    expect(roleFromClaims({ role: "admin", tier: "gold" })).toBe("admin");
    for (const role of [undefined, null, "Admin", "owner", ["admin"], true]) expect(roleFromClaims({ role })).toBeNull();
  });
});

describe("needsTokenRefresh", () => {
  it("refreshes for a stamp newer than the token, once", () => {
    expect(needsTokenRefresh(2_000, 1_000, null)).toBe(true);
    expect(needsTokenRefresh(2_000, 1_000, 2_000)).toBe(false);
  });
  it("refreshes for a stamp in the token's own second (issue times are floored to seconds)", () => {
    expect(needsTokenRefresh(10_500, 10_000, null)).toBe(true);
  });
  it("leaves a token issued after the stamp alone", () => {
    expect(needsTokenRefresh(1_000, 5_000, null)).toBe(false);
  });
});
