import { describe, expect, it } from "vitest";
import { nestedDeeperThan } from "./body-guard.js";

const nest = (depth: number, wrap: (inner: unknown) => unknown): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
};

describe("nestedDeeperThan", () => {
  it("counts objects and arrays alike, scalars not at all", () => {
    expect(nestedDeeperThan({ data: { lines: [{ sku: "A" }] } }, 4)).toBe(false);
    expect(nestedDeeperThan({ data: { lines: [{ sku: "A" }] } }, 3)).toBe(true);
    expect(
      nestedDeeperThan(
        nest(5, (v) => [v]),
        5,
      ),
    ).toBe(false);
    expect(
      nestedDeeperThan(
        nest(6, (v) => ({ a: v })),
        5,
      ),
    ).toBe(true);
    expect(nestedDeeperThan("x", 0)).toBe(false);
    expect(nestedDeeperThan(null, 0)).toBe(false);
  });

  it("walks a 100,000-deep body without overflowing its own stack", () => {
    expect(nestedDeeperThan(JSON.parse(`${"[".repeat(100_000)}${"]".repeat(100_000)}`), 32)).toBe(true);
  });

  it("finds the deep branch among wide shallow ones", () => {
    const wide = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, { v: i }]));
    expect(nestedDeeperThan({ ...wide, deep: nest(40, (v) => ({ a: v })) }, 32)).toBe(true);
    expect(nestedDeeperThan(wide, 32)).toBe(false);
  });
});
