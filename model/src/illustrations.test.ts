import { describe, expect, it } from "vitest";
import { productIllustration, variantColor } from "./illustrations.js";
import { Categories } from "./labels.js";

describe("illustrations", () => {
  it("colours variants from their options", () => {
    expect(variantColor({ fabric: "Velvet — Emerald" })).toBe(variantColor({ colour: "Emerald" }));
    expect(variantColor({ finish: "Walnut" })).not.toBe(variantColor({ finish: "Oak" }));
    expect(variantColor({ size: "Large" })).toMatch(/^#[0-9a-f]{6}$/);
    expect(variantColor({ size: "Large" })).toBe(variantColor({ size: "Large" }));
  });

  it("draws a different shape per category", () => {
    const options = { colour: "Sage" };
    const svgs = Categories.map((category) => productIllustration({ category, name: "Test", variants: [{ options }] }));
    expect(new Set(svgs).size).toBe(Categories.length);
  });
});
