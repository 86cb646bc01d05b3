import { Collections } from "@showroom/model/labels";
import type { LiveSdk } from "../../../lib/load-live";
import { preferLive } from "../../../lib/live-state";
import { useLiveDocs } from "../../../lib/use-live-docs";
import type { RatingView } from "./rating-view";

const parser = (sdk: LiveSdk) => sdk.parseProductRating;

/**
 * `productRatings/{productId}`, live: the server-kept aggregate (never computed
 * here from answers). `first` is the page's first read, shown until the
 * listener answers.
 */
export function useProductRating(productId: string, first: RatingView | null): RatingView | null {
  return preferLive(first, useLiveDocs(Collections.productRatings, [productId], parser).byId[productId]);
}
