import { PlaceOrderOutputSchema, type PlaceOrderInput, type PlaceOrderOutput } from "@showroom/model";
import { callable } from "../../../lib/callables";

/** `placeOrder`: the same idempotency key always yields the same order, so retries are safe. */
export const placeOrder = callable<PlaceOrderInput, PlaceOrderOutput>("placeOrder", PlaceOrderOutputSchema);

const KEY = "showroom.checkout.attempt";

/**
 * One idempotency key per checkout attempt (this cart, this tab): a double
 * click, a retry after a network error or a reload re-sends the same key, so
 * the server makes one order. A changed cart is a new attempt.
 */
export function attemptKey(cartSignature: string): string {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as { signature?: string; key?: string } | null;
    if (saved?.signature === cartSignature && saved.key) return saved.key;
  } catch {
    // An unreadable entry is replaced below.
  }
  const key = `web-${crypto.randomUUID()}`;
  sessionStorage.setItem(KEY, JSON.stringify({ signature: cartSignature, key }));
  return key;
}

export function endAttempt(): void {
  sessionStorage.removeItem(KEY);
}
