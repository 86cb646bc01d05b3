import { describe, expect, it } from "vitest";
import { allocate } from "./allocation.js";
import { drawSequence, LocationCodeSchema, locationRefusal, parseLocationDoc, StockLocationSchema, type StockLocation } from "./locations.js";

const loc = (code: string, drawOrder: number, active = true): StockLocation => ({ code, name: code, kind: "warehouse", drawOrder, active });
const three = [loc("main", 1), loc("east", 2), loc("showroom-nyc", 0)];
const order = (locations: StockLocation[]) => drawSequence(locations).map((l) => l.code);

describe("location codes", () => {
  it("accepts short lowercase slugs", () => {
    for (const code of ["main", "east", "showroom-nyc", "w2", "a".repeat(24)]) expect(LocationCodeSchema.safeParse(code).success).toBe(true);
  });
  it("rejects anything else", () => {
    for (const code of ["", "Main", "show room", "-east", "east-", "a--b", "a_b", "a".repeat(25), "nyc/1", "é"]) {
      expect(LocationCodeSchema.safeParse(code).success, code).toBe(false);
    }
  });
  it("validates a location document strictly", () => {
    expect(StockLocationSchema.safeParse(loc("main", 0)).success).toBe(true);
    expect(StockLocationSchema.safeParse({ ...loc("main", 0), kind: "store" }).success).toBe(false);
    expect(StockLocationSchema.safeParse({ ...loc("main", 0), drawOrder: 1.5 }).success).toBe(false);
    expect(StockLocationSchema.safeParse({ ...loc("main", 0), name: "  " }).success).toBe(false);
    expect(StockLocationSchema.safeParse({ ...loc("main", 0), extra: 1 }).success).toBe(false);
  });
});

describe("draw order", () => {
  it("puts active locations by drawOrder first, inactive ones after, ties by code", () => {
    expect(order(three)).toEqual(["showroom-nyc", "main", "east"]);
    expect(order([loc("main", 1), loc("east", 0, false), loc("b", 5), loc("a", 5)])).toEqual(["main", "a", "b", "east"]);
  });
});

describe("allocate with three locations", () => {
  const sequence = order(three);

  it("draws in drawOrder, only from positive on hand", () => {
    const onHand = { main: { onHand: 4 }, east: { onHand: 6 }, "showroom-nyc": { onHand: 2 } };
    expect(allocate(onHand, 1, "stock", sequence)).toEqual([{ location: "showroom-nyc", quantity: 1 }]);
    expect(allocate(onHand, 9, "stock", sequence)).toEqual([
      { location: "showroom-nyc", quantity: 2 },
      { location: "main", quantity: 4 },
      { location: "east", quantity: 3 },
    ]);
    expect(allocate({ ...onHand, "showroom-nyc": { onHand: -1 } }, 5, "stock", sequence)).toEqual([
      { location: "main", quantity: 4 },
      { location: "east", quantity: 1 },
    ]);
  });

  it("puts a backorder remainder against the first location in draw order", () => {
    expect(allocate({ main: { onHand: 1 } }, 3, "backorder", sequence)).toEqual([
      { location: "showroom-nyc", quantity: 2 },
      { location: "main", quantity: 1 },
    ]);
  });

  it("draws stock at a location missing from the configuration last, so available units are always drawable", () => {
    expect(allocate({ main: { onHand: 1 }, gone: { onHand: 5 } }, 3, "stock", sequence)).toEqual([
      { location: "main", quantity: 1 },
      { location: "gone", quantity: 2 },
    ]);
  });
});

describe("locationRefusal", () => {
  const configured = new Map([loc("main", 0), loc("closed", 1, false)].map((l) => [l.code, l]));
  it("refuses an unknown code and new stock at an inactive location", () => {
    expect(locationRefusal(configured, "west", -1)).toBe("unknown-location");
    expect(locationRefusal(configured, "closed", 3)).toBe("inactive-location");
  });
  it("lets stock leave an inactive location and anything happen at an active one", () => {
    expect(locationRefusal(configured, "closed", -3)).toBeNull();
    expect(locationRefusal(configured, "main", 3)).toBeNull();
  });
});

describe("parseLocationDoc", () => {
  it("reads a stored location by its id, dropping the writer's timestamp", () => {
    expect(parseLocationDoc("main", { ...loc("main", 0), updatedAt: { seconds: 1 } })).toEqual(loc("main", 0));
    expect(() => parseLocationDoc("main", { ...loc("main", 0), drawOrder: "first" })).toThrow();
  });
});
