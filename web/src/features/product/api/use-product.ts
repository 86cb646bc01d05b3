/**
 * The product page's data. It paints from one REST read, with no SDK: the
 * product, its `productStock` (every variant's current public stock) and its
 * rating, in one `batchGet` at one read time. Once the live SDK has loaded
 * (after paint), each document is followed with onSnapshot, and every live
 * value replaces the first read's as it arrives.
 */
import { Collections } from "@showroom/model/labels";
import { decodeFields, readDocs } from "../../../lib/firestore-rest";
import type { LiveSdk } from "../../../lib/load-live";
import { preferLive } from "../../../lib/live-state";
import { useLiveDocs } from "../../../lib/use-live-docs";
import { useReadOnce } from "../../../lib/use-read-once";
import { parseRatingView, type RatingView } from "../../feedback";
import { parseProductView, skuAvailability, type ProductView, type SkuAvailability } from "./first-read";

export interface FirstRead {
  /** Null when the product is missing, inactive or unreadable. */
  product: ProductView | null;
  stock: Record<string, SkuAvailability | null>;
  rating: RatingView | null;
}

export function useProductFirstRead(productId: string) {
  return useReadOnce<FirstRead>(`product:${productId}`, async () => {
    const paths = [Collections.products, Collections.productStock, Collections.productRatings].map((collection) => `${collection}/${productId}`);
    const [product, stock, rating] = (await readDocs(paths)).map((doc) => (doc ? decodeFields(doc.fields ?? {}) : null));
    const view = parseProductView(product, productId);
    return { product: view, stock: skuAvailability(stock, view?.variants.map((v) => v.sku) ?? []), rating: parseRatingView(rating) };
  });
}

const parser = (sdk: LiveSdk) => sdk.parseProduct;

/** The product document, live: the first read's until the listener answers. */
export function useLiveProduct(productId: string, first: ProductView | null): ProductView | null {
  return preferLive(first, useLiveDocs(Collections.products, [productId], parser).byId[productId]);
}
