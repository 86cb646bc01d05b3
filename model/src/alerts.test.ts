import { describe, expect, it } from "vitest";
import { AlertIdSchema, alertIdOf, compareAlerts, nextAlertStatus, ResolveAlertInputSchema } from "./alerts.js";

describe("alert transitions", () => {
  it("acknowledges only an open alert", () => {
    expect(nextAlertStatus("open", "acknowledge")).toBe("acknowledged");
    expect(nextAlertStatus("acknowledged", "acknowledge")).toBeNull();
    expect(nextAlertStatus("resolved", "acknowledge")).toBeNull();
  });

  it("resolves an open or acknowledged alert, never a resolved one", () => {
    expect(nextAlertStatus("open", "resolve")).toBe("resolved");
    expect(nextAlertStatus("acknowledged", "resolve")).toBe("resolved");
    expect(nextAlertStatus("resolved", "resolve")).toBeNull();
  });
});

describe("alert ids and order", () => {
  it("builds ids its own schema accepts, and refuses paths and other kinds", () => {
    expect(AlertIdSchema.safeParse(alertIdOf("stock-drift", "SOF-ALBA-3S", 12)).success).toBe(true);
    for (const bad of ["stock-drift~A/B~1", "other~SKU-1~1", "stock-drift~SKU-1~0", "stock-drift~SKU-1"]) {
      expect(AlertIdSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("puts open alerts first, then acknowledged, then resolved, newest first within each", () => {
    const list = [
      { id: "r", status: "resolved" as const, openedAt: 5 },
      { id: "o-old", status: "open" as const, openedAt: 1 },
      { id: "a", status: "acknowledged" as const, openedAt: 9 },
      { id: "o-new", status: "open" as const, openedAt: 3 },
    ];
    expect(list.sort(compareAlerts).map((a) => a.id)).toEqual(["o-new", "o-old", "a", "r"]);
  });

  it("refuses a blank or oversized resolve note", () => {
    const alertId = alertIdOf("stock-drift", "SKU-1", 1);
    expect(ResolveAlertInputSchema.safeParse({ alertId, note: "   " }).success).toBe(false);
    expect(ResolveAlertInputSchema.safeParse({ alertId, note: "x".repeat(501) }).success).toBe(false);
    expect(ResolveAlertInputSchema.safeParse({ alertId, extra: 1 }).success).toBe(false);
  });
});
