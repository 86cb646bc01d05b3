import { doc } from "firebase/firestore";
import { Collections } from "@showroom/model";
import { db } from "../../../lib/firebase";
import type { LiveSdk } from "../../../lib/load-live";
import { useLiveDoc } from "../../../lib/live";
import { useLiveDocsById } from "../../../lib/use-live-docs";
import { parseProduct } from "../../catalog/api/parse-live";

/** The product document, live. */
export function useProduct(productId: string) {
  return useLiveDoc(doc(db, Collections.products, productId), parseProduct);
}

const parser = (sdk: LiveSdk) => sdk.parsePublicStock;

/** Live `stock/{sku}` for each SKU: the exact availability of every variant. */
export function useVariantStock(skus: readonly string[]) {
  return useLiveDocsById(Collections.stock, skus, parser);
}
