/** Everything the lazily loaded live chunk exposes (see `load-live.ts`). */
export { db, auth, functions } from "./firebase";
export { doc, onSnapshot } from "firebase/firestore";
export { parseProduct, parseProductRating, parseProductStock, parsePublicStock } from "./parse-live";
