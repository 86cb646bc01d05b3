/**
 * Turns a stock error from `holdCart` or `placeOrder` into a corrected cart
 * and the sentence that tells the shopper what changed. Null: not a stock error.
 */
import type { CallError } from "../../../lib/callables";
import { findLine, removeLine, setQuantity } from "../../cart";

const lineName = (sku: string) => findLine(sku)?.name ?? "An item";

export function correctCart(error: CallError): string | null {
  const sku = typeof error.details.sku === "string" ? error.details.sku : null;
  if (!sku) return null;
  if (error.code === "failed-precondition" && error.details.reason === "out-of-stock") {
    const available = typeof error.details.available === "number" ? Math.max(0, error.details.available) : 0;
    const name = lineName(sku);
    if (available === 0) {
      removeLine(sku);
      return `${name} just sold out — we removed it from your cart.`;
    }
    setQuantity(sku, available);
    return `Only ${available} left — we updated your cart (${name}).`;
  }
  if (error.code === "not-found" && error.details.reason === "unknown-sku") {
    const name = lineName(sku);
    removeLine(sku);
    return `${name} is no longer sold — we removed it from your cart.`;
  }
  return null;
}
