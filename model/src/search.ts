/**
 * Catalog search with one Firestore `array-contains`. A product stores
 * `searchTerms`: every prefix (2+ characters) of every word-suffix phrase of its
 * name, normalized, so "velvet so" and "sofa" both find "Ada Velvet Sofa".
 * Firestore allows one `array-contains` per query, so the material filter
 * lives in the same array: `material:<material>` alone, and
 * `material:<material>:<term>` for each name term, so a search and a material
 * combine in one clause (and one set of indexes serves both). Zod-free: the
 * storefront normalizes the query on its first paint.
 */

/** Shorter queries match too much to be useful, and would bloat the array. */
export const SEARCH_TERM_MIN_LENGTH = 2;
/** Longer queries are cut to this length, and so are the stored phrases: they still match. */
export const SEARCH_TERM_MAX_LENGTH = 24;
/** Phrases start at the name's first words only: names are short, and this bounds a long one. */
const MAX_PHRASE_STARTS = 8;
/**
 * Every element is an index entry in each composite index on the array
 * (Firestore allows 40,000 per document); a real name with a few materials
 * needs about a hundred.
 */
export const MAX_SEARCH_TERMS = 1000;

const MATERIAL_PREFIX = "material:";

/** Lower case, accents folded, apostrophes dropped, any other punctuation a word break, single spaces. */
export function normalizeSearchText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Every prefix a query could spell of a normalized phrase: 2+ characters, cut to the maximum length. */
export function phrasePrefixes(phrase: string): string[] {
  const cut = phrase.slice(0, SEARCH_TERM_MAX_LENGTH);
  const prefixes: string[] = [];
  for (let end = SEARCH_TERM_MIN_LENGTH; end <= cut.length; end++) {
    // "ada " would never be asked for: queries are trimmed.
    if (cut[end - 1] !== " ") prefixes.push(cut.slice(0, end));
  }
  return prefixes;
}

/** The name terms: prefixes of each phrase that starts at a word and runs to the end of the name. */
function nameTerms(name: string): string[] {
  const words = normalizeSearchText(name).split(" ").filter(Boolean);
  const terms = new Set<string>();
  for (let start = 0; start < Math.min(words.length, MAX_PHRASE_STARTS); start++) {
    for (const prefix of phrasePrefixes(words.slice(start).join(" "))) terms.add(prefix);
  }
  return [...terms];
}

function materialToken(material: string): string {
  return `${MATERIAL_PREFIX}${normalizeSearchText(material)}`;
}

/** `products/{id}.searchTerms`: name terms, then material tokens, then both together; at most MAX_SEARCH_TERMS. */
export function searchTerms(name: string, materials: readonly string[] = []): string[] {
  const terms = nameTerms(name);
  const materialTokens = [...new Set(materials.map(materialToken))].filter((t) => t !== MATERIAL_PREFIX);
  const combined = materialTokens.flatMap((token) => terms.map((term) => `${token}:${term}`));
  return [...terms, ...materialTokens, ...combined].slice(0, MAX_SEARCH_TERMS);
}

/** A shopper's query as a stored term would spell it, or "" when it is too short to search. */
export function searchKey(query: string): string {
  const key = normalizeSearchText(query).slice(0, SEARCH_TERM_MAX_LENGTH).trimEnd();
  return key.length >= SEARCH_TERM_MIN_LENGTH ? key : "";
}

/** The one value the catalog's `searchTerms array-contains` asks for, or null when neither is set. */
export function catalogSearchTerm(query: string, material: string | null): string | null {
  const key = searchKey(query);
  if (material === null) return key || null;
  return key ? `${materialToken(material)}:${key}` : materialToken(material);
}
