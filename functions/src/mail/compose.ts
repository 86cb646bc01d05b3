/**
 * The store's mails, plain text and simple HTML (pure, unit-tested). Every
 * interpolated value goes through `escapeHtml` in the HTML body: product
 * names, addresses and URLs come from people.
 */
import { formatMoney, type Order } from "@showroom/model";

export interface MailMessage {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The store's frame: its name in the serif heading, a thin rule, a quiet footer. */
function frame(title: string, bodyHtml: string): string {
  return [
    `<!doctype html><html><body style="margin:0;padding:24px;background:#f7f4ef;font-family:Georgia,serif;color:#2b2622">`,
    `<div style="max-width:560px;margin:0 auto;background:#fff;padding:24px;border:1px solid #e6dfd4">`,
    `<p style="margin:0 0 4px;font-size:20px;letter-spacing:0.04em">Showroom</p>`,
    `<hr style="border:none;border-top:1px solid #e6dfd4;margin:8px 0 16px">`,
    `<h1 style="font-size:18px;font-weight:normal;margin:0 0 16px">${escapeHtml(title)}</h1>`,
    bodyHtml,
    `<p style="margin:24px 0 0;font-size:12px;color:#7a7068;font-family:Helvetica,Arial,sans-serif">Showroom · furniture and decor</p>`,
    `</div></body></html>`,
  ].join("");
}

const paragraph = (text: string) => `<p style="font-family:Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5">${escapeHtml(text)}</p>`;

export function orderConfirmationMail(order: Pick<Order, "lines" | "totalCents" | "currency" | "shipping">, orderId: string, storeUrl: string): MailMessage {
  const money = (cents: number) => formatMoney(cents, order.currency);
  const lines = order.lines.map((l) => ({ text: `${l.quantity} × ${l.name} (${l.label})`, total: money(l.lineTotalCents) }));
  const address = [
    order.shipping.name,
    order.shipping.line1,
    order.shipping.line2,
    `${order.shipping.postalCode} ${order.shipping.city}`,
    order.shipping.country,
  ].filter((part): part is string => Boolean(part));
  const link = `${storeUrl}/orders/${encodeURIComponent(orderId)}`;
  const text = [
    `Thank you for your order ${orderId}.`,
    "",
    ...lines.map((l) => `${l.text}  ${l.total}`),
    "",
    `Total: ${money(order.totalCents)}`,
    "",
    "Shipping to:",
    ...address,
    "",
    `Your orders: ${link}`,
  ].join("\n");
  const rows = lines
    .map((l) => `<tr><td style="padding:4px 0">${escapeHtml(l.text)}</td><td style="padding:4px 0;text-align:right">${escapeHtml(l.total)}</td></tr>`)
    .join("");
  const html = frame(
    `Thank you for your order ${orderId}`,
    [
      `<table style="width:100%;font-family:Helvetica,Arial,sans-serif;font-size:14px;border-collapse:collapse">${rows}`,
      `<tr><td style="padding:8px 0;border-top:1px solid #e6dfd4"><strong>Total</strong></td><td style="padding:8px 0;border-top:1px solid #e6dfd4;text-align:right"><strong>${escapeHtml(money(order.totalCents))}</strong></td></tr></table>`,
      paragraph("Shipping to:"),
      `<p style="font-family:Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5">${address.map(escapeHtml).join("<br>")}</p>`,
      `<p><a href="${escapeHtml(link)}" style="color:#2b2622">See your orders</a></p>`,
    ].join(""),
  );
  return { subject: `Your Showroom order ${orderId}`, text, html };
}

export function backInStockMail(item: { productName: string; productId: string; sku: string }, storeUrl: string): MailMessage {
  const link = `${storeUrl}/p/${encodeURIComponent(item.productId)}`;
  const text = [
    `Good news: ${item.productName} (${item.sku}) is back in stock.`,
    "",
    `Have a look: ${link}`,
    "",
    "You get this because you asked to be told and agreed to emails from us.",
  ].join("\n");
  const html = frame(
    `${item.productName} is back in stock`,
    [
      paragraph(`Good news: ${item.productName} (${item.sku}) is back in stock.`),
      `<p><a href="${escapeHtml(link)}" style="color:#2b2622">Have a look</a></p>`,
      paragraph("You get this because you asked to be told and agreed to emails from us."),
    ].join(""),
  );
  return { subject: `Back in stock: ${item.productName}`, text, html };
}

export function endpointDisabledMail(alert: { endpointId: string; url: string; reason: "gone" | "failing" }): MailMessage {
  const why = alert.reason === "gone" ? "its receiver answered 410 Gone" : "every delivery to it has been failing for too long";
  const text = [
    `The webhook endpoint ${alert.endpointId} (${alert.url}) was disabled because ${why}.`,
    "",
    "Its undelivered events are kept: enable it again in the console (Webhooks) once the receiver works, and they go out in order.",
  ].join("\n");
  const html = frame(
    "A webhook endpoint was disabled",
    [
      paragraph(`The webhook endpoint ${alert.endpointId} (${alert.url}) was disabled because ${why}.`),
      paragraph("Its undelivered events are kept: enable it again in the console (Webhooks) once the receiver works, and they go out in order."),
    ].join(""),
  );
  return { subject: `Webhook endpoint disabled: ${alert.url}`, text, html };
}

/** To every admin when reconcile finds a SKU's stock drifting (operations alerts, docs/operations.md). */
export function stockDriftMail(alert: { alertId: string; sku: string; problems: string[] }, storeUrl: string): MailMessage {
  const consoleUrl = `${storeUrl}/admin/operations`;
  const intro = `Reconcile found the stock of ${alert.sku} inconsistent (alert ${alert.alertId}):`;
  const next = "Sales go on. Check the SKU's ledger and counts, correct it with a stock adjustment, then resolve the alert in the console:";
  const text = [intro, "", ...alert.problems.map((p) => `- ${p}`), "", next, consoleUrl].join("\n");
  const html = frame(
    `Stock drift on ${alert.sku}`,
    [
      paragraph(intro),
      `<ul style="font-family:Helvetica,Arial,sans-serif;font-size:14px">${alert.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join("")}</ul>`,
      paragraph(next),
      `<p style="font-family:Helvetica,Arial,sans-serif;font-size:14px"><a href="${escapeHtml(consoleUrl)}">${escapeHtml(consoleUrl)}</a></p>`,
    ].join(""),
  );
  return { subject: `Stock drift on ${alert.sku}`, text, html };
}
