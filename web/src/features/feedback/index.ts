// The feedback feature's public entry: what other features show of it.
export { parseRatingView, type RatingView } from "./api/rating-view";
export { ProductRating } from "./components/product-rating";
export { SurveyPrompts } from "./components/survey-prompts";
