/**
 * The inventory board's search and category filter, answered by the server.
 * One search box finds a SKU by its prefix ("SOF-AL") or by words of its
 * product's name ("velvet sofa"): each `inventory/{sku}` stores `searchTerms`,
 * the SKU's prefixes and the storefront's name terms (search.ts), spelled as
 * `searchKey` spells a query, so a search is one `array-contains`. The
 * product's `category` sits beside it, so search, category and location make
 * one indexed query. Both are copies of product fields: whatever writes a
 * product's name or category (upsertProduct, the seed) rewrites them on every
 * SKU of the product, in the same write.
 */
import type { Category } from "./catalog.js";
import { MAX_SEARCH_TERMS, normalizeSearchText, phrasePrefixes, searchKey, searchTerms } from "./search.js";

/** What a board search matches: the SKU's prefixes ("SOF-ALBA-2" → "so", "sof", "sof a", …) and the product's name terms. */
export function boardSearchTerms(sku: string, productName: string): string[] {
  return [...new Set([...phrasePrefixes(normalizeSearchText(sku)), ...searchTerms(productName)])].slice(0, MAX_SEARCH_TERMS);
}

/** The fields `inventory/{sku}` copies from its product for the board. */
export interface InventoryBoardFields {
  category: Category;
  searchTerms: string[];
}

export function inventoryBoardFields(sku: string, product: { name: string; category: Category }): InventoryBoardFields {
  return { category: product.category, searchTerms: boardSearchTerms(sku, product.name) };
}

/** Whether an inventory document already holds these board fields (so an unchanged product rewrites nothing). */
export function hasBoardFields(stored: { category?: unknown; searchTerms?: unknown }, fields: InventoryBoardFields): boolean {
  const terms = stored.searchTerms;
  return (
    stored.category === fields.category &&
    Array.isArray(terms) &&
    terms.length === fields.searchTerms.length &&
    terms.every((t, i) => t === fields.searchTerms[i])
  );
}

/** The same match for a row already on the page: no search, or the query is one of the row's terms. */
export function matchesBoardSearch(sku: string, productName: string, search: string): boolean {
  const key = searchKey(search);
  return key === "" || boardSearchTerms(sku, productName).includes(key);
}
