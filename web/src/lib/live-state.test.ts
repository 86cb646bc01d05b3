import { describe, expect, it } from "vitest";
import { preferLive, withLive } from "./live-state";

describe("first read, then live", () => {
  it("shows the first value until the listener answers, and a missing document once it says so", () => {
    expect(preferLive("first", undefined)).toBe("first");
    expect(preferLive<string | null>("first", "live")).toBe("live");
    expect(preferLive<string | null>("first", null)).toBeNull();
  });

  it("takes each key's live value once it has one, keeping the others' first values and adding keys only the listener has", () => {
    const first = { A: { available: 5 }, B: { available: 1 }, C: null };
    const live = { A: { available: 4 }, B: undefined, C: { available: 2 }, D: null };
    expect(withLive<{ available: number } | null>(first, live)).toEqual({ A: { available: 4 }, B: { available: 1 }, C: { available: 2 }, D: null });
    expect(first).toEqual({ A: { available: 5 }, B: { available: 1 }, C: null });
  });
});
