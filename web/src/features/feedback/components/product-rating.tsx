import "../feedback.css";
import { ratingLabel } from "@showroom/model/labels";
import { useProductRating } from "../api/use-product-rating";
import type { RatingView } from "../api/rating-view";

/**
 * "4.6 from 23 verified buyers", and how many say it matches the photos once
 * enough have answered. `firstRead` is the rating the page painted with.
 */
export function ProductRating({ productId, firstRead }: { productId: string; firstRead: RatingView | null }) {
  const rating = useProductRating(productId, firstRead);
  if (!rating || rating.count === 0) return null;
  const { matchesPhotosRate } = rating;
  return (
    <p className="product-rating" aria-label="Verified buyers' rating">
      <span aria-hidden="true">★ </span>
      {ratingLabel(rating)}
      {matchesPhotosRate !== undefined && <span className="product-rating__match"> · {Math.round(matchesPhotosRate * 100)}% say it matches the photos</span>}
    </p>
  );
}
