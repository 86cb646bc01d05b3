/** Dashboard figures from recent orders, pure: what "today", "revenue" and "top seller" mean lives here, tested. */
import type { Currency, OrderStatus } from "@showroom/model";
import { startOfDay } from "../../../lib/calendar";

export interface DashboardOrder {
  createdAtMs: number;
  status: OrderStatus;
  totalCents: number;
  currency: Currency;
  lines: { sku: string; name: string; label: string; quantity: number; lineTotalCents: number }[];
}

export interface DashboardStats {
  ordersToday: number;
  /** Revenue of today's orders that were not cancelled, per currency. */
  revenueToday: Partial<Record<Currency, number>>;
  /** 24 buckets, local hours of today; cancelled orders count (they were placed). */
  ordersPerHour: { hour: number; orders: number }[];
  /** By units sold in the window, cancelled orders excluded; most first. */
  topSellers: { sku: string; name: string; units: number; revenueCents: number }[];
}

export function dashboardStats(orders: readonly DashboardOrder[], nowMs: number, topN = 5): DashboardStats {
  const dayStart = startOfDay(nowMs);
  const today = orders.filter((o) => o.createdAtMs >= dayStart && o.createdAtMs <= nowMs);
  const revenueToday: Partial<Record<Currency, number>> = {};
  for (const o of today) if (o.status !== "cancelled") revenueToday[o.currency] = (revenueToday[o.currency] ?? 0) + o.totalCents;
  const ordersPerHour = Array.from({ length: 24 }, (_, hour) => ({ hour, orders: 0 }));
  for (const o of today) ordersPerHour[new Date(o.createdAtMs).getHours()]!.orders += 1;

  const sellers = new Map<string, { sku: string; name: string; units: number; revenueCents: number }>();
  for (const o of orders) {
    if (o.status === "cancelled") continue;
    for (const line of o.lines) {
      const entry = sellers.get(line.sku) ?? { sku: line.sku, name: `${line.name} — ${line.label}`, units: 0, revenueCents: 0 };
      entry.units += line.quantity;
      entry.revenueCents += line.lineTotalCents;
      sellers.set(line.sku, entry);
    }
  }
  const topSellers = [...sellers.values()]
    .toSorted((a, b) => b.units - a.units || b.revenueCents - a.revenueCents || a.sku.localeCompare(b.sku))
    .slice(0, topN);
  return { ordersToday: today.length, revenueToday, ordersPerHour, topSellers };
}
