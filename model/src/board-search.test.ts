import { describe, expect, it } from "vitest";
import { boardSearchTerms, hasBoardFields, inventoryBoardFields, matchesBoardSearch } from "./board-search.js";
import { searchKey, searchTerms } from "./search.js";

describe("boardSearchTerms", () => {
  const terms = boardSearchTerms("SOF-ADA-VLV", "Ada Velvet Sofa");

  it("holds the SKU's prefixes as a query spells them, and the product's name terms", () => {
    expect(terms).toEqual(
      expect.arrayContaining([searchKey("SO"), searchKey("SOF-"), searchKey("sof-ada"), searchKey("SOF-ADA-VLV"), ...searchTerms("Ada Velvet Sofa")]),
    );
  });

  it("matches SKUs by prefix only, and no duplicates", () => {
    expect(terms).not.toContain(searchKey("ADA-VLV"));
    expect(terms).not.toContain(searchKey("VLV"));
    expect(new Set(terms).size).toBe(terms.length);
  });
});

describe("inventoryBoardFields", () => {
  it("copies the category and knows when a stored copy is current", () => {
    const fields = inventoryBoardFields("RUG-MOSS-S", { name: "Moss Rug", category: "rugs" });
    expect(fields.category).toBe("rugs");
    expect(hasBoardFields(fields, fields)).toBe(true);
    expect(hasBoardFields({}, fields)).toBe(false);
    expect(hasBoardFields({ ...fields, category: "decor" }, fields)).toBe(false);
    expect(hasBoardFields(inventoryBoardFields("RUG-MOSS-S", { name: "Moss Runner", category: "rugs" }), fields)).toBe(false);
  });
});

describe("matchesBoardSearch", () => {
  it("keeps every row for an empty or one-letter search, as the server does", () => {
    expect(matchesBoardSearch("LMP-ARC", "Arc Lamp", "")).toBe(true);
    expect(matchesBoardSearch("LMP-ARC", "Arc Lamp", "z")).toBe(true);
  });
  it("matches a SKU prefix or name words, whatever the case and punctuation", () => {
    expect(matchesBoardSearch("LMP-ARC", "Arc Lamp", "lmp-a")).toBe(true);
    expect(matchesBoardSearch("LMP-ARC", "Arc Lamp", "ARC LA")).toBe(true);
    expect(matchesBoardSearch("LMP-ARC", "Arc Lamp", "lamp arc")).toBe(false);
  });
});
