import { Collections } from "@showroom/model/labels";
import type { LiveSdk } from "./load-live";
import { useLiveDocs } from "./use-live-docs";

const parser = (sdk: LiveSdk) => sdk.parsePublicStock;

/** Live `stock/{sku}` for each SKU: the exact availability of every variant (the product page's and the cart's). */
export function useVariantStock(skus: readonly string[]) {
  return useLiveDocs(Collections.stock, skus, parser).byId;
}
