import { describe, expect, it } from "vitest";
import { EMULATOR_APP_ID, emulatorAppCheckToken } from "./app-check.js";

/** What the Functions emulator does with the X-Firebase-AppCheck header: decode the middle part, no signature check. */
const decode = (token: string) => JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;

describe("emulatorAppCheckToken", () => {
  it("is a JWT the emulator's decoder accepts, naming the app, valid for an hour", () => {
    const now = Date.UTC(2026, 10, 30, 12);
    const { token, expireTimeMillis } = emulatorAppCheckToken(EMULATOR_APP_ID, now);
    // firebase-functions' JWT_REGEX: three base64url parts, the signature may be empty.
    expect(token).toMatch(/^[a-zA-Z0-9\-_=]+?\.[a-zA-Z0-9\-_=]+?\.([a-zA-Z0-9\-_=]+)?$/);
    expect(decode(token)).toMatchObject({ sub: EMULATOR_APP_ID, iat: now / 1000, exp: now / 1000 + 3600 });
    expect(expireTimeMillis).toBe(now + 3_600_000);
  });

  it("names another app when asked", () => {
    expect(decode(emulatorAppCheckToken("1:2:web:other").token).sub).toBe("1:2:web:other");
  });
});
