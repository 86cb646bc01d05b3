/** Every SKU's inventory and every product, live: the board, the dashboard and the receiving preview share it. */
import { useEffect, useMemo, useState } from "react";
import { collection } from "firebase/firestore";
import { boardRow, Collections, type BoardRow } from "@showroom/model";
import { db } from "../../../lib/firebase";
import { useLiveQuery, type Live } from "../../../lib/live";
import { parseInventory, parseProduct, type AdminProduct } from "./docs";

const inventoryQuery = collection(db, Collections.inventory);
const productsQuery = collection(db, Collections.products);

/** Re-renders every `ms`, so holds that expire stop counting without a write. */
export function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

export function useProducts(): Live<AdminProduct[]> {
  return useLiveQuery(productsQuery, "admin-products", parseProduct);
}

export function useBoardRows(): Live<BoardRow[]> {
  const inventory = useLiveQuery(inventoryQuery, "admin-inventory", parseInventory);
  const products = useProducts();
  const now = useNow(30_000);
  return useMemo((): Live<BoardRow[]> => {
    if (inventory.status === "error") return inventory;
    if (products.status === "error") return products;
    if (inventory.status === "loading" || products.status === "loading") return { status: "loading" };
    const byId = new Map(products.data.map((p) => [p.id, p]));
    return { status: "ready", data: inventory.data.map((i) => boardRow(i, byId.get(i.productId), now)) };
  }, [inventory, products, now]);
}
