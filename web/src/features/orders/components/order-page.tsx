import { lazy, Suspense } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { formatMoney } from "@showroom/model";
import { NotFound } from "../../../components/ui/not-found";
import { ErrorNote, Loading } from "../../../components/ui/status";
import { ShippingAddressBlock } from "../../../components/ui/shipping-address";
import { useAuthUser } from "../../../lib/auth";
import { OrderStatusLabels, useOrder } from "../api/use-orders";
import { OrderLinesTable } from "./order-lines-table";

// Asked once after checkout (and not again for a while), in its own chunk.
const HeardAboutUsQuestion = lazy(() => import("../../site-questions").then((m) => ({ default: m.HeardAboutUsQuestion })));

export function OrderPage() {
  const { orderId = "" } = useParams();
  const [search] = useSearchParams();
  const auth = useAuthUser();
  const signedIn = auth.status === "ready" && auth.user !== null;
  const order = useOrder(orderId, signedIn);
  if (auth.status === "loading") return <Loading>Loading your order…</Loading>;
  if (!signedIn) {
    return (
      <section>
        <h1>Your order</h1>
        <p>
          <Link to={`/sign-in?next=/orders/${orderId}`}>Sign in</Link> to see this order.
        </p>
      </section>
    );
  }
  if (order.status === "loading") return <Loading>Loading your order…</Loading>;
  // The rules refuse other people's orders: show the same page as for one that does not exist.
  if (order.status === "error") {
    return "code" in order.error && order.error.code === "permission-denied" ? (
      <NotFound />
    ) : (
      <ErrorNote>We couldn’t load this order. Please refresh the page.</ErrorNote>
    );
  }
  if (!order.data) return <NotFound />;
  const o = order.data;
  const isGuest = auth.status === "ready" && auth.user?.isAnonymous;
  return (
    <section className="order-page" aria-labelledby="order-heading">
      {search.get("placed") === "1" && (
        <div className="confirmation" role="status">
          <h2>Thank you — your order is placed</h2>
          <p>We’ve reserved your pieces. You can follow the order here; it updates on its own.</p>
          {isGuest && (
            <p>
              <Link to="/sign-up">Create an account</Link> to keep this order and your cart with you — no need to re-enter anything.
            </p>
          )}
        </div>
      )}
      {search.get("placed") === "1" && (
        <Suspense fallback={null}>
          <HeardAboutUsQuestion orderId={o.id} />
        </Suspense>
      )}
      <h1 id="order-heading">Order {o.id}</h1>
      <p className="order-status">
        Status: <strong data-testid="order-status">{OrderStatusLabels[o.status]}</strong>
        {o.createdAt && <span className="muted"> · placed {o.createdAt.toLocaleString()}</span>}
      </p>
      <OrderLinesTable
        caption="Items in this order"
        className="order-lines"
        columns={[
          {
            header: "Item",
            cell: (l) => (
              <>
                <Link to={`/p/${l.productId}?sku=${encodeURIComponent(l.sku)}`}>{l.name}</Link>
                <span className="muted"> — {l.label}</span>
              </>
            ),
          },
          { header: "Qty", cell: (l) => l.quantity },
          { header: "Price", cell: (l) => formatMoney(l.unitPriceCents, o.currency) },
          { header: "Total", cell: (l) => formatMoney(l.lineTotalCents, o.currency) },
        ]}
        lines={o.lines}
        totalCents={o.totalCents}
        currency={o.currency}
      />
      <h2>Delivering to</h2>
      <ShippingAddressBlock address={o.shipping} />
    </section>
  );
}
