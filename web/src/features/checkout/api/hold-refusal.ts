/**
 * The sentence for a hold the server refused on purpose (DESIGN.md "Hold
 * limits"): a cap, or too many tries. The cart stays as it is — the shopper
 * can still order, only without the units set aside. Null: not such a refusal.
 */
import type { CallError } from "../../../lib/callables";

const STILL_ORDER = "You can still place your order; we just can’t set the items aside while you check out.";

export function holdRefusal(error: CallError, nameOf: (sku: string) => string): string | null {
  if (error.code === "resource-exhausted") {
    const seconds = typeof error.details.retryAfterSeconds === "number" ? Math.max(1, Math.ceil(error.details.retryAfterSeconds)) : null;
    return `Too many tries in a short time${seconds ? ` — please wait ${seconds} s` : ""}. ${STILL_ORDER}`;
  }
  if (error.code !== "failed-precondition" || error.details.reason !== "hold-limit") return null;
  const limit = typeof error.details.limit === "number" ? error.details.limit : null;
  const name = typeof error.details.sku === "string" ? nameOf(error.details.sku) : "an item";
  switch (error.details.rule) {
    case "per-sku":
      return `We can hold at most ${limit ?? "a few"} of ${name} per order. ${STILL_ORDER}`;
    case "per-cart":
      return `We can hold at most ${limit ?? "a limited number of"} items per cart. ${STILL_ORDER}`;
    case "held-share":
      return `${name} is in high demand, so we can’t hold more of it right now. ${STILL_ORDER}`;
    default:
      return `We can’t hold these items right now. ${STILL_ORDER}`;
  }
}
