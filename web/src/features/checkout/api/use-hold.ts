/**
 * Holds the cart's units while the shopper checks out: one hold per cart
 * content, re-placed when the cart changes or on request, released when the
 * shopper leaves without ordering. Out-of-stock answers correct the cart.
 */
import { useCallback, useEffect, useState } from "react";
import { ReleaseHoldOutputSchema, type HoldCartOutput, type OrderLineInput } from "@showroom/model";
import { callable, callError } from "../../../lib/callables";
import { ensureShopper } from "../../../lib/auth";
import { findLine, type CartLine } from "../../cart";
import { correctCart } from "./correct-cart";
import { holdCart } from "./hold-cart";
import { holdRefusal } from "./hold-refusal";

const releaseHold = callable<{ holdId: string }, unknown>("releaseHold", ReleaseHoldOutputSchema);

export type HoldState = { status: "holding" } | { status: "held"; hold: HoldCartOutput } | { status: "error"; message: string };

export function cartSignature(lines: readonly CartLine[]): string {
  return lines.map((l) => `${l.sku}x${l.quantity}`).join(",");
}

/**
 * Holds by key, shared while in use: a remount (React StrictMode in
 * development) reuses the pending hold instead of placing a second one, and a
 * hold is released shortly after its last user leaves — unless an order consumed it.
 */
const holds = new Map<string, { promise: Promise<HoldCartOutput>; users: number; timer?: ReturnType<typeof setTimeout> }>();
const consumed = new Set<string>();

function acquire(key: string, lines: OrderLineInput[]): Promise<HoldCartOutput> {
  let entry = holds.get(key);
  if (!entry) {
    const promise = ensureShopper().then(() => holdCart({ lines }));
    promise.catch(() => holds.delete(key));
    entry = { promise, users: 0 };
    holds.set(key, entry);
  }
  clearTimeout(entry.timer);
  entry.users += 1;
  return entry.promise;
}

function leave(key: string): void {
  const entry = holds.get(key);
  if (!entry) return;
  entry.users -= 1;
  if (entry.users > 0) return;
  entry.timer = setTimeout(() => {
    holds.delete(key);
    void entry.promise.then(({ holdId }) => (consumed.has(holdId) ? undefined : releaseHold({ holdId }))).catch(() => undefined);
  }, 250);
}

export function useHold(lines: readonly CartLine[], onNotice: (message: string) => void) {
  const signature = cartSignature(lines);
  const [attempt, setAttempt] = useState(0);
  const key = `${signature}#${attempt}`;
  const [state, setState] = useState<{ key: string; hold: HoldState }>({ key, hold: { status: "holding" } });

  useEffect(() => {
    if (signature === "") return;
    let cancelled = false;
    acquire(
      key,
      lines.map(({ sku, quantity }) => ({ sku, quantity })),
    ).then(
      (hold) => !cancelled && setState({ key, hold: { status: "held", hold } }),
      (error: unknown) => {
        if (cancelled) return;
        const err = callError(error);
        const notice = correctCart(err);
        // A corrected cart has a new signature, so a new hold follows by itself.
        if (notice) onNotice(notice);
        else {
          const message = holdRefusal(err, (sku) => findLine(sku)?.name ?? "This item") ?? "We couldn’t reserve your items just now. Please try again.";
          setState({ key, hold: { status: "error", message } });
        }
      },
    );
    return () => {
      cancelled = true;
      leave(key);
    };
    // `key` stands for `lines`' content and the retry count; `onNotice` only reports.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return {
    hold: state.key === key ? state.hold : ({ status: "holding" } as HoldState),
    retry,
    /** The order took this hold: it must not be released on the way out. */
    consume(holdId: string) {
      consumed.add(holdId);
    },
  };
}
