import { collection, getDocs, limit, orderBy, query, where } from "firebase/firestore/lite";
import { Collections } from "@showroom/model/labels";
import { liteDb } from "../../../lib/firestore-lite";
import { useLiteRead } from "../../../lib/use-lite-query";
import { parseCatalogProduct, type CatalogProduct } from "./products";

const FEATURED_COUNT = 8;

/** The home page's featured pieces, read once with Firestore Lite for a fast first paint. */
export function useFeatured() {
  return useLiteRead("featured", async () => {
    const snap = await getDocs(
      query(collection(liteDb, Collections.products), where("active", "==", true), where("featured", "==", true), orderBy("name"), limit(FEATURED_COUNT)),
    );
    return snap.docs.map((d) => parseCatalogProduct(d.data(), d.id)).filter((p): p is CatalogProduct => p !== null);
  });
}
