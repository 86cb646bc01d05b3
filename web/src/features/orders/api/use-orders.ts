import { collection, doc, orderBy, query, where, type Timestamp } from "firebase/firestore";
import { Collections, OrderSchema, type Order } from "@showroom/model";
import { db } from "../../../lib/firebase";
import { useLiveDoc, useLiveQuery } from "../../../lib/live";

export type OrderView = Order & { id: string; createdAt: Date | null };

export function parseOrder(data: unknown, id: string): OrderView | null {
  const parsed = OrderSchema.safeParse(data);
  if (!parsed.success) return null;
  const created = (data as { createdAt?: Timestamp | null }).createdAt;
  return { ...parsed.data, id, createdAt: created && typeof created.toDate === "function" ? created.toDate() : null };
}

/** One order, live (the rules let only its owner and staff read it). */
export function useOrder(orderId: string, ready: boolean) {
  return useLiveDoc(ready ? doc(db, Collections.orders, orderId) : null, parseOrder);
}

/** The signed-in shopper's orders, newest first, live. */
export function useMyOrders(uid: string | null) {
  const q = uid ? query(collection(db, Collections.orders), where("uid", "==", uid), orderBy("createdAt", "desc")) : null;
  const live = useLiveQuery(q, `orders:${uid ?? ""}`, parseOrder);
  if (live.status !== "ready") return live;
  return { status: "ready" as const, data: live.data.filter((o): o is OrderView => o !== null) };
}

export const OrderStatusLabels: Record<Order["status"], string> = {
  placed: "Placed — we’re preparing it",
  fulfilled: "Shipped",
  delivered: "Delivered",
  cancelled: "Cancelled",
};
