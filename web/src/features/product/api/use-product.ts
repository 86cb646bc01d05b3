import { doc } from "firebase/firestore";
import { Collections } from "@showroom/model";
import { db } from "../../../lib/firebase";
import { useLiveDoc } from "../../../lib/live";
import { parseProduct } from "../../../lib/parse-live";

/** The product document, live. */
export function useProduct(productId: string) {
  return useLiveDoc(doc(db, Collections.products, productId), parseProduct);
}
