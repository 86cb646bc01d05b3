import { describe, expect, it } from "vitest";
import { catalogSearchTerm, MAX_SEARCH_TERMS, normalizeSearchText, SEARCH_TERM_MAX_LENGTH, searchKey, searchTerms } from "./search.js";

describe("normalizeSearchText", () => {
  it("lower-cases, folds accents, drops apostrophes and breaks words at other punctuation", () => {
    expect(normalizeSearchText("  Bouclé — Ivory ")).toBe("boucle ivory");
    expect(normalizeSearchText("Alba 3-Seater Sofa")).toBe("alba 3 seater sofa");
    expect(normalizeSearchText("St James’s   Square")).toBe("st jamess square");
    expect(normalizeSearchText("Ørsted Øre")).toBe("ørsted øre");
  });
});

describe("searchTerms", () => {
  const terms = searchTerms("Ada Velvet Sofa");

  it("holds every prefix of 2+ characters of each word-suffix phrase", () => {
    expect(terms).toEqual(
      expect.arrayContaining(["ad", "ada", "ada v", "ada velvet sofa", "ve", "vel", "velvet", "velvet so", "velvet sofa", "so", "sof", "sofa"]),
    );
  });

  it("has no one-letter terms, no trailing spaces and no duplicates", () => {
    expect(terms.every((t) => t.length >= 2 && !t.endsWith(" "))).toBe(true);
    expect(new Set(terms).size).toBe(terms.length);
    expect(terms).not.toContain("a");
    expect(terms).not.toContain("ada ");
  });

  it("caps phrases at the maximum length, and a query cut to that length still matches", () => {
    const long = searchTerms("Extraordinarily Comfortable Modular Corner Sofa");
    expect(Math.max(...long.map((t) => t.length))).toBe(SEARCH_TERM_MAX_LENGTH);
    expect(long).toContain(searchKey("extraordinarily comfortable modular"));
  });

  it("adds each material alone and with every name term", () => {
    const withMaterials = searchTerms("Moss Rug", ["Jute", "Cotton backing"]);
    expect(withMaterials).toEqual(
      expect.arrayContaining(["moss rug", "material:jute", "material:cotton backing", "material:jute:rug", "material:cotton backing:mo"]),
    );
    expect(withMaterials.filter((t) => t.startsWith("material:"))).toHaveLength(2 + 2 * searchTerms("Moss Rug").length);
  });

  it("stays within the cap for a pathological name", () => {
    const name = Array.from({ length: 40 }, (_, i) => `w${i}x`).join(" ");
    const materials = Array.from({ length: 10 }, (_, i) => `Material ${i}`);
    expect(searchTerms(name, materials).length).toBeLessThanOrEqual(MAX_SEARCH_TERMS);
  });
});

describe("catalogSearchTerm", () => {
  it("finds a product by any word, case and accents aside", () => {
    const terms = searchTerms("Ada Velvet Sofa");
    for (const query of ["velvet so", "SOFA", "  Ada  velvet ", "Velvét"]) expect(terms).toContain(catalogSearchTerm(query, null));
    expect(terms).not.toContain(catalogSearchTerm("sofa ada", null));
  });

  it("combines a search with a material in one term, and matches a material alone", () => {
    const terms = searchTerms("Moss Jute Rug", ["Jute"]);
    expect(terms).toContain(catalogSearchTerm("rug", "Jute"));
    expect(terms).toContain(catalogSearchTerm("", "Jute"));
    expect(terms).not.toContain(catalogSearchTerm("rug", "Wool"));
  });

  it("ignores a query too short to search", () => {
    expect(catalogSearchTerm(" a ", null)).toBeNull();
    expect(catalogSearchTerm("a", "Jute")).toBe("material:jute");
  });
});
