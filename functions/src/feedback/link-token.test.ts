import { describe, expect, it } from "vitest";
import { SurveyTokenSchema } from "@showroom/model";
import { checkSurveyToken, signSurveyToken } from "./link-token.js";

const key = "test-key";
const expires = 1_800_000_000_000;

describe("survey link tokens", () => {
  const token = signSurveyToken(key, "order-1", expires);

  it("have the shape the input schema accepts", () => {
    expect(SurveyTokenSchema.safeParse(token).success).toBe(true);
  });

  it("are valid for their order until they expire", () => {
    expect(checkSurveyToken(key, "order-1", token, expires - 1)).toBe("valid");
    expect(checkSurveyToken(key, "order-1", token, expires)).toBe("expired");
  });

  it("are forged for another order, another key, or a moved expiry", () => {
    expect(checkSurveyToken(key, "order-2", token, 0)).toBe("forged");
    expect(checkSurveyToken("other-key", "order-1", token, 0)).toBe("forged");
    const [, sig] = token.split(".");
    expect(checkSurveyToken(key, "order-1", `${expires + 86_400_000}.${sig}`, 0)).toBe("forged");
    expect(checkSurveyToken(key, "order-1", `${expires}.${"A".repeat(43)}`, 0)).toBe("forged");
  });
});
