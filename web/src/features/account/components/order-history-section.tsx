import { Link } from "react-router";
import { formatMoney } from "@showroom/model";
import { ErrorNote, Loading } from "../../../components/ui/status";
import { OrderStatusLabels, useMyOrders } from "../../orders";

/** The shopper's orders with their status, live: a status change by staff shows up here at once. */
export function OrderHistorySection({ uid }: { uid: string }) {
  const orders = useMyOrders(uid);
  return (
    <section className="account-section" aria-labelledby="orders-heading">
      <h2 id="orders-heading">Your orders</h2>
      {orders.status === "loading" && <Loading>Loading your orders…</Loading>}
      {orders.status === "error" && <ErrorNote>We couldn’t load your orders. Please refresh the page.</ErrorNote>}
      {orders.status === "ready" &&
        (orders.data.length === 0 ? (
          <p className="muted">No orders yet.</p>
        ) : (
          <ul className="order-history" aria-label="Orders">
            {orders.data.map((o) => (
              <li key={o.id}>
                <Link to={`/orders/${o.id}`}>
                  {o.createdAt ? o.createdAt.toLocaleDateString() : "Just now"} · {o.lines.reduce((n, l) => n + l.quantity, 0)} item(s)
                </Link>
                <span>{formatMoney(o.totalCents, o.currency)}</span>
                <span className={`order-badge order-badge--${o.status}`}>{OrderStatusLabels[o.status]}</span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
