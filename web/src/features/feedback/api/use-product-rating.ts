import { doc } from "firebase/firestore";
import { Collections, ProductRatingSchema, type ProductRating } from "@showroom/model";
import { db } from "../../../lib/firebase";
import { useLiveDoc } from "../../../lib/live";

function parseRating(data: unknown): ProductRating | null {
  const parsed = ProductRatingSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** `productRatings/{productId}`, live: the server-kept aggregate (never computed here from answers). */
export function useProductRating(productId: string) {
  return useLiveDoc(doc(db, Collections.productRatings, productId), parseRating);
}
