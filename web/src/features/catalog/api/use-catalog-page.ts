/**
 * One page of the catalog, read once over Firestore's REST API (so it paints
 * before any SDK loads) with cursor pagination. A page reads exactly the
 * documents it shows, plus one count aggregation per filter set.
 */
import { useState } from "react";
import { Collections } from "@showroom/model/labels";
import { config } from "../../../config/env";
import { decodeFields, docId, runCount, runQuery, type RestDoc } from "../../../lib/firestore-rest";
import { useReadOnce } from "../../../lib/use-read-once";
import { catalogClauses, filtersKey, splitClauses, type CatalogFilters } from "./catalog-query";
import { CARD_FIELDS, parseCatalogCard, type CatalogCard } from "./products";

interface Page {
  products: CatalogCard[];
  last: RestDoc | null;
}

export function toProducts(docs: RestDoc[]): CatalogCard[] {
  return docs.map((d) => parseCatalogCard(decodeFields(d.fields ?? {}), docId(d))).filter((p): p is CatalogCard => p !== null);
}

export function useCatalogPage(filters: CatalogFilters) {
  const key = filtersKey(filters);
  // Cursors: the last document of each page before the current one, for this filter set.
  const [cursors, setCursors] = useState<{ key: string; stack: RestDoc[] }>({ key, stack: [] });
  const stack = cursors.key === key ? cursors.stack : [];
  const cursor = stack.at(-1);
  const base = { collection: Collections.products, ...splitClauses(catalogClauses(filters)) };

  const page = useReadOnce<Page>(`page:${key}#${stack.length}`, async () => {
    const docs = await runQuery({ ...base, select: CARD_FIELDS, limit: config.catalogPageSize, ...(cursor ? { after: cursor } : {}) });
    return { products: toProducts(docs), last: docs.at(-1) ?? null };
  });
  const total = useReadOnce<number>(`count:${key}`, () => runCount(base));

  const pageIndex = stack.length;
  const shown = page.status === "ready" ? page.data.products.length : 0;
  const totalCount = total.status === "ready" ? total.data : null;
  const hasNext =
    page.status === "ready" &&
    page.data.last !== null &&
    shown === config.catalogPageSize &&
    (totalCount === null || (pageIndex + 1) * config.catalogPageSize < totalCount);

  return {
    page,
    pageIndex,
    total: totalCount,
    hasNext,
    hasPrevious: pageIndex > 0,
    next() {
      if (page.status === "ready" && page.data.last) setCursors({ key, stack: [...stack, page.data.last] });
    },
    previous() {
      setCursors({ key, stack: stack.slice(0, -1) });
    },
  };
}
