/** Orders, live and newest first, with a status filter. */
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import { collection, limit, orderBy, query, where } from "firebase/firestore";
import { Collections, formatMoney, OrderStatusSchema, type OrderStatus } from "@showroom/model";
import { db } from "../../../lib/firebase";
import { useLiveQuery } from "../../../lib/live";
import { parseOrder } from "../../../lib/admin/api/docs";
import { AdminTable, formatTime, LiveTable, OrderStatusBadge, PageHeader, shortUid } from "../../../components/admin/ui";

const PAGE = 100;

export function OrdersPage() {
  const [params, setParams] = useSearchParams();
  const status = OrderStatusSchema.safeParse(params.get("status")).data ?? null;
  const q = useMemo(() => {
    const base = collection(db, Collections.orders);
    return status
      ? query(base, where("status", "==", status), orderBy("createdAt", "desc"), limit(PAGE))
      : query(base, orderBy("createdAt", "desc"), limit(PAGE));
  }, [status]);
  const orders = useLiveQuery(q, `orders-${status ?? "all"}`, parseOrder);

  return (
    <>
      <PageHeader title="Orders" />
      <div className="admin-tabs" role="group" aria-label="Filter by status">
        {([null, ...OrderStatusSchema.options] as (OrderStatus | null)[]).map((s) => (
          <button key={s ?? "all"} type="button" aria-pressed={status === s} onClick={() => setParams(s ? { status: s } : {}, { replace: true })}>
            {s ?? "all"}
          </button>
        ))}
      </div>
      <LiveTable live={orders} empty={`No ${status ? `${status} ` : ""}orders yet.`}>
        {(rows) => (
          <AdminTable
            label="Orders"
            columns={["Order", "Placed", "Customer", "Ship to", { heading: "Items", numeric: true }, { heading: "Total", numeric: true }, "Status"]}
          >
            {rows.map((o) => (
              <tr key={o.id}>
                <td className="mono">
                  <Link to={`/admin/orders/${o.id}`}>{o.id}</Link>
                </td>
                <td>{formatTime(o.createdAtMs)}</td>
                <td className="mono">{shortUid(o.uid)}</td>
                <td>
                  {o.shipping.name}, {o.shipping.city}
                </td>
                <td className="num">{o.lines.reduce((n, l) => n + l.quantity, 0)}</td>
                <td className="num">{formatMoney(o.totalCents, o.currency)}</td>
                <td>
                  <OrderStatusBadge status={o.status} />
                </td>
              </tr>
            ))}
          </AdminTable>
        )}
      </LiveTable>
    </>
  );
}
