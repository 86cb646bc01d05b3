import { describe, expect, it } from "vitest";
import { confirmsDeletion, exportFileName } from "./account-data";
import { parseNotification } from "./alerts";

describe("confirmsDeletion", () => {
  it("needs the word DELETE, in any case, and nothing else", () => {
    expect(confirmsDeletion(" delete ")).toBe(true);
    expect(confirmsDeletion("DELETE")).toBe(true);
    expect(confirmsDeletion("")).toBe(false);
    expect(confirmsDeletion("delete it")).toBe(false);
  });
});

describe("exportFileName", () => {
  it("names the file by a short uid and the day", () => {
    expect(exportFileName("abcdefghijkl", new Date("2026-03-04T10:00:00Z"))).toBe("showroom-data-abcdefgh-2026-03-04.json");
  });
});

describe("parseNotification", () => {
  it("reads a server notification and whether it was read", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    expect(parseNotification({ sku: "SOF-1", productId: "p", status: "in_stock", createdAt: { toDate: () => at }, readAt: null }, "n1")).toEqual({
      id: "n1",
      sku: "SOF-1",
      productId: "p",
      status: "in_stock",
      createdAt: at,
      read: false,
    });
    expect(parseNotification({ readAt: { toDate: () => at } }, "n2")).toMatchObject({ read: true, createdAt: null });
  });
});
