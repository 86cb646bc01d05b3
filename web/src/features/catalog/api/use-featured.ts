import { Collections } from "@showroom/model/labels";
import { runQuery } from "../../../lib/firestore-rest";
import { useReadOnce } from "../../../lib/use-read-once";
import { CARD_FIELDS } from "./products";
import { toProducts } from "./use-catalog-page";

const FEATURED_COUNT = 8;

/** The home page's featured pieces, read once over REST for a fast first paint. */
export function useFeatured() {
  return useReadOnce("featured", async () =>
    toProducts(
      await runQuery({
        collection: Collections.products,
        filters: [
          { field: "active", op: "==", value: true },
          { field: "featured", op: "==", value: true },
        ],
        orderBy: [{ field: "name", direction: "asc" }],
        select: CARD_FIELDS,
        limit: FEATURED_COUNT,
      }),
    ),
  );
}
