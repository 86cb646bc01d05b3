/**
 * The verified buyers' rating as the product page's first read finds it
 * (`productRatings/{productId}` over REST): a structural check, because zod
 * would not fit the page's first-paint budget. Only functions write ratings,
 * validated with `ProductRatingSchema`; the live document that follows is
 * parsed with it.
 */
import type { ProductRating } from "@showroom/model";

/** What the page shows of a rating. */
export type RatingView = Pick<ProductRating, "count" | "average" | "matchesPhotosRate">;

const between = (v: unknown, min: number, max: number): v is number => typeof v === "number" && v >= min && v <= max;

/** The rating, or null when there is none (no answers yet) or it cannot be read. */
export function parseRatingView(data: unknown): RatingView | null {
  const d = data as Record<string, unknown> | null;
  if (typeof d !== "object" || d === null) return null;
  const { count, average, matchesPhotosRate } = d;
  if (!Number.isInteger(count) || (count as number) < 0 || !between(average, 0, 5)) return null;
  if (matchesPhotosRate !== undefined && !between(matchesPhotosRate, 0, 1)) return null;
  return { count: count as number, average, ...(matchesPhotosRate === undefined ? {} : { matchesPhotosRate }) };
}
