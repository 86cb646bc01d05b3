/**
 * One page of the catalog, read once with Firestore Lite (so it paints before
 * the live SDK loads) with cursor pagination. A page reads exactly the
 * documents it shows, plus one count aggregation per filter set.
 */
import { useState } from "react";
import {
  collection,
  getCount,
  getDocs,
  limit,
  orderBy,
  query,
  startAfter,
  where,
  type QueryConstraint,
  type QueryDocumentSnapshot,
} from "firebase/firestore/lite";
import { Collections } from "@showroom/model/labels";
import { config } from "../../../config/env";
import { liteDb } from "../../../lib/firestore-lite";
import { useLiteRead } from "../../../lib/use-lite-query";
import { catalogClauses, filtersKey, type CatalogFilters } from "./catalog-query";
import { parseCatalogProduct, type CatalogProduct } from "./products";

function constraints(filters: CatalogFilters): QueryConstraint[] {
  return catalogClauses(filters).map((c) => (c.kind === "where" ? where(c.field, c.op, c.value) : orderBy(c.field, c.direction)));
}

interface Page {
  products: CatalogProduct[];
  last: QueryDocumentSnapshot | null;
}

export function useCatalogPage(filters: CatalogFilters) {
  const key = filtersKey(filters);
  // Cursors: the last document of each page before the current one, for this filter set.
  const [cursors, setCursors] = useState<{ key: string; stack: QueryDocumentSnapshot[] }>({ key, stack: [] });
  const stack = cursors.key === key ? cursors.stack : [];
  const cursor = stack.at(-1);
  const base = query(collection(liteDb, Collections.products), ...constraints(filters));

  const page = useLiteRead<Page>(`page:${key}#${stack.length}`, async () => {
    const snap = await getDocs(query(base, ...(cursor ? [startAfter(cursor)] : []), limit(config.catalogPageSize)));
    return {
      products: snap.docs.map((d) => parseCatalogProduct(d.data(), d.id)).filter((p): p is CatalogProduct => p !== null),
      last: snap.docs.at(-1) ?? null,
    };
  });
  const total = useLiteRead<number>(`count:${key}`, async () => (await getCount(base)).data().count);

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
