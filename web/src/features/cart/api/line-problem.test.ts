import { describe, expect, it } from "vitest";
import type { PublicStock } from "@showroom/model";
import { lineProblem } from "./line-problem";

const stock = (status: PublicStock["status"], available: number): PublicStock => ({ sku: "SKU-1", productId: "p", status, available });

describe("cart line problems", () => {
  it("flags a line whose SKU sold out or no longer exists", () => {
    expect(lineProblem(1, stock("out_of_stock", 0))).toEqual({ kind: "sold-out" });
    expect(lineProblem(1, null)).toEqual({ kind: "sold-out" });
  });

  it("flags a line asking for more than is left, with what is left", () => {
    expect(lineProblem(3, stock("low_stock", 2))).toEqual({ kind: "short", available: 2 });
  });

  it("accepts lines within stock, made to order or on backorder, and waits for unknown stock", () => {
    expect(lineProblem(2, stock("low_stock", 2))).toBeNull();
    expect(lineProblem(20, stock("made_to_order", 0))).toBeNull();
    expect(lineProblem(5, stock("backorder", 0))).toBeNull();
    expect(lineProblem(5, undefined)).toBeNull();
  });
});
