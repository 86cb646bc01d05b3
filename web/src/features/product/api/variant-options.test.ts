import { describe, expect, it } from "vitest";
import type { Variant } from "@showroom/model";
import { pickVariant, variantAxes } from "./variant-options";

const v = (sku: string, options: Record<string, string>): Variant => ({ sku, label: Object.values(options).join(" / "), options, priceCents: 100 });
const variants = [
  v("T-OAK-S", { finish: "Oak", size: "Small" }),
  v("T-OAK-L", { finish: "Oak", size: "Large" }),
  v("T-WAL-L", { finish: "Walnut", size: "Large" }),
];

describe("variant options", () => {
  it("lists each axis with its values in catalog order", () => {
    expect(variantAxes(variants)).toEqual([
      { key: "finish", values: ["Oak", "Walnut"] },
      { key: "size", values: ["Small", "Large"] },
    ]);
  });

  it("keeps the other choices when the combination exists", () => {
    expect(pickVariant(variants, variants[1]!, "finish", "Walnut").sku).toBe("T-WAL-L");
    expect(pickVariant(variants, variants[1]!, "size", "Small").sku).toBe("T-OAK-S");
  });

  it("falls back to the first variant with the chosen value when the combination does not exist", () => {
    expect(pickVariant(variants, variants[0]!, "finish", "Walnut").sku).toBe("T-WAL-L");
  });
});
