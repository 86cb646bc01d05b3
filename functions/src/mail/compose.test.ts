import { describe, expect, it } from "vitest";
import { backInStockMail, endpointDisabledMail, escapeHtml, orderConfirmationMail } from "./compose.js";

const order = {
  lines: [
    { sku: "SOFA-1", productId: "p1", name: "Alba <sofa>", label: "Green & gold", quantity: 2, unitPriceCents: 50000, lineTotalCents: 100000, allocations: [] },
  ],
  totalCents: 100000,
  currency: "USD" as const,
  shipping: { name: `Ada "A" O'Neil`, line1: "1 Main St", city: "Springfield", postalCode: "12345", country: "US" },
};

describe("escapeHtml", () => {
  it("escapes the five characters that matter in HTML text and attributes", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});

describe("orderConfirmationMail", () => {
  const mail = orderConfirmationMail(order, "o-123", "https://shop.example");

  it("lists lines, total and address in the text body", () => {
    expect(mail.subject).toBe("Your Showroom order o-123");
    expect(mail.text).toContain("2 × Alba <sofa> (Green & gold)  $1,000.00");
    expect(mail.text).toContain("Total: $1,000.00");
    expect(mail.text).toContain(`Ada "A" O'Neil`);
    expect(mail.text).toContain("https://shop.example/orders/o-123");
  });

  it("escapes every value in the HTML body", () => {
    expect(mail.html).toContain("Alba &lt;sofa&gt; (Green &amp; gold)");
    expect(mail.html).toContain("Ada &quot;A&quot; O&#39;Neil");
    expect(mail.html).not.toContain("<sofa>");
  });
});

describe("other mails", () => {
  it("back in stock links the product page and escapes its name", () => {
    const mail = backInStockMail({ productName: "Lamp <b>", productId: "p 1", sku: "LMP-1" }, "https://shop.example");
    expect(mail.subject).toBe("Back in stock: Lamp <b>");
    expect(mail.text).toContain("https://shop.example/p/p%201");
    expect(mail.html).toContain("Lamp &lt;b&gt;");
  });

  it("endpoint disabled says why", () => {
    expect(endpointDisabledMail({ endpointId: "e1", url: "https://h.example/x", reason: "gone" }).text).toContain("410 Gone");
    expect(endpointDisabledMail({ endpointId: "e1", url: "https://h.example/x", reason: "failing" }).text).toContain("failing for too long");
  });
});
