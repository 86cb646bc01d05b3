import { describe, expect, it } from "vitest";
import { startOfDay } from "../../../lib/calendar";
import { dashboardStats, type DashboardOrder } from "./dashboard-stats";

const now = new Date(2026, 10, 26, 15, 30).getTime();
const at = (hour: number, dayOffset = 0) => new Date(2026, 10, 26 + dayOffset, hour, 5).getTime();
const line = (sku: string, quantity: number, unit = 1000) => ({ sku, name: sku, label: "v", quantity, lineTotalCents: quantity * unit });
const order = (createdAtMs: number, lines: DashboardOrder["lines"], status: DashboardOrder["status"] = "placed"): DashboardOrder => ({
  createdAtMs,
  status,
  currency: "USD",
  lines,
  totalCents: lines.reduce((s, l) => s + l.lineTotalCents, 0),
});

describe("dashboardStats", () => {
  const orders = [
    order(at(9), [line("A", 2)]),
    order(at(9), [line("B", 1, 5000)]),
    order(at(14), [line("A", 1)], "cancelled"),
    order(at(11, -1), [line("C", 9)]),
  ];
  const stats = dashboardStats(orders, now);

  it("counts today's orders, cancelled included, and buckets them by hour", () => {
    expect(stats.ordersToday).toBe(3);
    expect(stats.ordersPerHour[9]).toEqual({ hour: 9, orders: 2 });
    expect(stats.ordersPerHour[14]).toEqual({ hour: 14, orders: 1 });
    expect(stats.ordersPerHour.reduce((s, h) => s + h.orders, 0)).toBe(3);
  });

  it("sums today's revenue without cancelled orders", () => {
    expect(stats.revenueToday).toEqual({ USD: 7000 });
  });

  it("ranks top sellers by units over the whole window, skipping cancelled orders", () => {
    expect(stats.topSellers.map((s) => [s.sku, s.units])).toEqual([
      ["C", 9],
      ["A", 2],
      ["B", 1],
    ]);
  });

  it("is empty without orders", () => {
    expect(dashboardStats([], now)).toMatchObject({ ordersToday: 0, revenueToday: {}, topSellers: [] });
  });

  it("starts the day at local midnight", () => {
    expect(startOfDay(now)).toBe(new Date(2026, 10, 26).getTime());
  });
});
