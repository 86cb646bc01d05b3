import "../feedback.css";
import { ratingLabel } from "@showroom/model";
import { useProductRating } from "../api/use-product-rating";

/** "4.6 from 23 verified buyers", and how many say it matches the photos once enough have answered. */
export function ProductRating({ productId }: { productId: string }) {
  const rating = useProductRating(productId);
  if (rating.status !== "ready" || !rating.data || rating.data.count === 0) return null;
  const { matchesPhotosRate } = rating.data;
  return (
    <p className="product-rating" aria-label="Verified buyers' rating">
      <span aria-hidden="true">★ </span>
      {ratingLabel(rating.data)}
      {matchesPhotosRate !== undefined && <span className="product-rating__match"> · {Math.round(matchesPhotosRate * 100)}% say it matches the photos</span>}
    </p>
  );
}
