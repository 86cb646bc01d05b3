/** One order, live, with the transitions staff may make: fulfil, deliver, cancel (which restocks). */
import { useState } from "react";
import { Link, useParams } from "react-router";
import { doc } from "firebase/firestore";
import { Collections, formatMoney, NextOrderStatus } from "@showroom/model";
import { db } from "../../../lib/firebase";
import { useLiveDoc } from "../../../lib/live";
import { cancelOrder, staffErrorMessage, updateOrderStatus } from "../../../lib/admin/api/admin-callables";
import { parseOrder } from "../../../lib/admin/api/docs";
import { OrderLinesTable } from "./order-lines-table";
import { formatTime, LoadState, OrderStatusBadge, PageHeader, shortUid } from "../../../components/admin/ui";
import { ShippingAddressBlock } from "../../../components/ui/shipping-address";

const actionLabels: Record<string, string> = { fulfilled: "Mark fulfilled", delivered: "Mark delivered" };

export function OrderDetail() {
  const { orderId = "" } = useParams();
  const order = useLiveDoc(doc(db, Collections.orders, orderId), parseOrder);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [reason, setReason] = useState("");

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    setMessage(null);
    try {
      await action();
      setMessage({ ok: true, text: done });
    } catch (error) {
      setMessage({ ok: false, text: staffErrorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  if (order.status !== "ready") return <LoadState live={order} />;
  const o = order.data;
  if (!o) return <p className="admin-empty">No order {orderId}.</p>;
  const next = NextOrderStatus[o.status] as "fulfilled" | "delivered" | undefined;
  const cancellable = o.status === "placed" || o.status === "fulfilled";

  return (
    <>
      <PageHeader title={`Order ${o.id}`}>
        <OrderStatusBadge status={o.status} />
        <Link to="/admin/orders">All orders</Link>
      </PageHeader>
      <div className="admin-grid-2">
        <section className="admin-card">
          <h2>Items</h2>
          <OrderLinesTable
            caption="Order lines"
            className="admin-table"
            columns={[
              { header: "SKU", className: "mono", cell: (l) => l.sku },
              {
                header: "Item",
                cell: (l) => (
                  <>
                    {l.name} <span className="admin-muted">{l.label}</span>
                  </>
                ),
              },
              { header: "Qty", className: "num", cell: (l) => l.quantity },
              { header: "Line total", className: "num", cell: (l) => formatMoney(l.lineTotalCents, o.currency) },
            ]}
            lines={o.lines}
            totalCents={o.totalCents}
            currency={o.currency}
          />
        </section>
        <section className="admin-card">
          <h2>Ship to</h2>
          <ShippingAddressBlock address={o.shipping} showPhone />
          <p className="admin-muted">
            Customer <span className="mono">{shortUid(o.uid)}</span> · placed {formatTime(o.createdAtMs)}
          </p>
          <h2>History</h2>
          <ol className="admin-timeline">
            {o.statusHistory.map((h, i) => (
              <li key={i}>
                <OrderStatusBadge status={h.status} /> {formatTime(h.atMs)} <span className="admin-muted">by {shortUid(h.by)}</span>
              </li>
            ))}
          </ol>
          {o.cancelReason && <p>Cancel reason: {o.cancelReason}</p>}
        </section>
      </div>
      <section className="admin-card" aria-label="Order actions">
        <div className="admin-row admin-row--wrap">
          {next && (
            <button
              type="button"
              className="admin-button admin-button--primary"
              disabled={busy}
              onClick={() => void run(() => updateOrderStatus({ orderId: o.id, status: next }), `Order marked ${next}.`)}
            >
              {actionLabels[next]}
            </button>
          )}
          {cancellable && (
            <>
              <label className="admin-field admin-field--grow">
                Cancel reason
                <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} placeholder="Optional" />
              </label>
              <button
                type="button"
                className="admin-button admin-button--danger"
                disabled={busy}
                onClick={() =>
                  void run(
                    () => cancelOrder({ orderId: o.id, ...(reason.trim() ? { reason: reason.trim() } : {}) }),
                    "Order cancelled; its stock is back on the shelf.",
                  )
                }
              >
                Cancel order
              </button>
            </>
          )}
          {!next && !cancellable && <p className="admin-muted">No further changes: this order is {o.status}.</p>}
        </div>
        {message && (
          <p role={message.ok ? "status" : "alert"} className={message.ok ? "admin-ok" : "admin-error"}>
            {message.text}
          </p>
        )}
      </section>
    </>
  );
}
