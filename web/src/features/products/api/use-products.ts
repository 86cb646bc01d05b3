import { collection } from "firebase/firestore";
import { Collections } from "@showroom/model";
import { parseProduct, type AdminProduct } from "../../../lib/admin/api/docs";
import { db } from "../../../lib/firebase";
import { useLiveQuery, type Live } from "../../../lib/live";

const productsQuery = collection(db, Collections.products);

/** Every product, live (the products page lists them all). */
export function useProducts(): Live<AdminProduct[]> {
  return useLiveQuery(productsQuery, "admin-products", parseProduct);
}
