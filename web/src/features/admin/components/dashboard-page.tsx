/** Today at a glance: orders and revenue, orders per hour, stock alerts and the week's top sellers. */
import { useMemo } from "react";
import { Link } from "react-router";
import { collection, orderBy, query, Timestamp, where } from "firebase/firestore";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Collections, formatMoney, type Currency } from "@showroom/model";
import { db } from "../../../lib/firebase";
import { useLiveQuery } from "../../../lib/live";
import { windowStart } from "../../../lib/calendar";
import { dashboardStats } from "../api/dashboard-stats";
import { parseOrder } from "../../../lib/admin/api/docs";
import { useNow } from "../../../lib/use-now";
import { useBoardCounts, useLowStockAlerts } from "../../inventory";
import { AdminTable, LoadState, PageHeader, StatusBadge } from "../../../components/admin/ui";

const WINDOW_DAYS = 7;

export function DashboardPage() {
  const now = useNow(60_000);
  const since = windowStart(now, WINDOW_DAYS);
  const q = useMemo(
    () => query(collection(db, Collections.orders), where("createdAt", ">=", Timestamp.fromMillis(since)), orderBy("createdAt", "desc")),
    [since],
  );
  const orders = useLiveQuery(q, `dashboard-${since}`, parseOrder);
  const counts = useBoardCounts();
  const lowStock = useLowStockAlerts(6);
  const stats = useMemo(() => dashboardStats(orders.status === "ready" ? orders.data : [], now), [orders, now]);
  const alerts = lowStock.status === "ready" ? lowStock.data : [];
  const revenue = Object.entries(stats.revenueToday) as [Currency, number][];
  const currentHour = new Date(now).getHours();

  return (
    <>
      <PageHeader title="Dashboard">
        <span className="admin-muted">{new Date(now).toLocaleDateString("en-US", { weekday: "long", month: "long", day: "numeric" })} · live</span>
      </PageHeader>
      <section className="admin-kpis" aria-label="Today">
        <div className="admin-kpi">
          <span className="admin-kpi__value">{orders.status === "ready" ? stats.ordersToday : "…"}</span>
          <span className="admin-kpi__label">Orders today</span>
        </div>
        <div className="admin-kpi">
          <span className="admin-kpi__value">
            {revenue.length === 0 ? formatMoney(0, "USD") : revenue.map(([c, cents]) => formatMoney(cents, c)).join(" · ")}
          </span>
          <span className="admin-kpi__label">Revenue today</span>
        </div>
        <Link className="admin-kpi admin-kpi--low" to="/admin/inventory?stock=low">
          <span className="admin-kpi__value">{counts.status === "ready" ? counts.data.low.toLocaleString("en-US") : "…"}</span>
          <span className="admin-kpi__label">Low-stock SKUs</span>
        </Link>
        <Link className="admin-kpi admin-kpi--out" to="/admin/inventory?stock=out">
          <span className="admin-kpi__value">{counts.status === "ready" ? counts.data.out.toLocaleString("en-US") : "…"}</span>
          <span className="admin-kpi__label">Out of stock</span>
        </Link>
      </section>
      {orders.status === "error" && <LoadState live={orders} />}
      <div className="admin-grid-2">
        <section className="admin-card" aria-labelledby="per-hour">
          <h2 id="per-hour">Orders per hour, today</h2>
          <div className="admin-chart">
            <ResponsiveContainer width="100%" height={240}>
              <BarChart data={stats.ordersPerHour.filter((h) => h.hour <= Math.max(currentHour, 8))} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                <CartesianGrid stroke="#e5e7eb" vertical={false} />
                <XAxis dataKey="hour" tickFormatter={(h: number) => `${h}h`} fontSize={12} />
                <YAxis allowDecimals={false} fontSize={12} />
                <Tooltip labelFormatter={(h) => `${h}:00–${h}:59`} />
                <Bar dataKey="orders" name="Orders" fill="#2563eb" radius={[4, 4, 0, 0]} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </section>
        <section className="admin-card" aria-labelledby="top-sellers">
          <h2 id="top-sellers">Top sellers, last {WINDOW_DAYS} days</h2>
          {stats.topSellers.length === 0 ? (
            <p className="admin-empty">No sales yet.</p>
          ) : (
            <div className="admin-chart">
              <ResponsiveContainer width="100%" height={240}>
                <BarChart data={stats.topSellers} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
                  <CartesianGrid stroke="#e5e7eb" horizontal={false} />
                  <XAxis type="number" allowDecimals={false} fontSize={12} />
                  <YAxis type="category" dataKey="name" width={190} fontSize={12} />
                  <Tooltip />
                  <Bar dataKey="units" name="Units sold" fill="#16a34a" radius={[0, 4, 4, 0]} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          )}
        </section>
      </div>
      <section className="admin-card" aria-labelledby="stock-alerts">
        <h2 id="stock-alerts">Stock alerts</h2>
        {lowStock.status !== "ready" ? (
          <LoadState live={lowStock} />
        ) : alerts.length === 0 ? (
          <p className="admin-empty">Nothing is running low.</p>
        ) : (
          <AdminTable label="Low stock" columns={["SKU", "Product", { heading: "Available", numeric: true }, { heading: "Low at", numeric: true }, "Status"]}>
            {alerts.map((r) => (
              <tr key={r.sku}>
                <td className="mono">
                  <Link to={`/admin/inventory?q=${encodeURIComponent(r.sku)}`}>{r.sku}</Link>
                </td>
                <td>{r.productName}</td>
                <td className="num">{r.available}</td>
                <td className="num">{r.lowStockThreshold}</td>
                <td>
                  <StatusBadge status={r.status} />
                </td>
              </tr>
            ))}
          </AdminTable>
        )}
      </section>
    </>
  );
}
