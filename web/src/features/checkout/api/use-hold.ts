/**
 * Holds the cart's units while the shopper checks out: one hold per cart
 * content, re-placed when the cart changes or on request, released when the
 * shopper leaves without ordering. Out-of-stock answers correct the cart.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { HoldCartOutput } from "@showroom/model";
import { ReleaseHoldOutputSchema } from "@showroom/model";
import { callable, callError } from "../../../lib/callables";
import { ensureShopper } from "../../auth/api/use-auth-user";
import type { CartLine } from "../../cart/api/cart-store";
import { holdCart } from "./hold-cart";
import { correctCart } from "./correct-cart";

const releaseHold = callable<{ holdId: string }, unknown>("releaseHold", ReleaseHoldOutputSchema);

export type HoldState = { status: "holding" } | { status: "held"; hold: HoldCartOutput } | { status: "error"; message: string };

export function cartSignature(lines: readonly CartLine[]): string {
  return lines.map((l) => `${l.sku}x${l.quantity}`).join(",");
}

export function useHold(lines: readonly CartLine[], onNotice: (message: string) => void) {
  const signature = cartSignature(lines);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ signature: string; attempt: number; hold: HoldState }>({ signature, attempt, hold: { status: "holding" } });
  // The hold the order consumes must not be released on the way out.
  const consumed = useRef<string | null>(null);

  useEffect(() => {
    if (signature === "") return;
    let cancelled = false;
    let holdId: string | null = null;
    void (async () => {
      try {
        await ensureShopper();
        const hold = await holdCart({ lines: lines.map(({ sku, quantity }) => ({ sku, quantity })) });
        holdId = hold.holdId;
        if (cancelled) void releaseHold({ holdId }).catch(() => undefined);
        else setState({ signature, attempt, hold: { status: "held", hold } });
      } catch (error) {
        if (cancelled) return;
        const notice = correctCart(callError(error));
        if (notice) onNotice(notice);
        else setState({ signature, attempt, hold: { status: "error", message: "We couldn’t reserve your items just now. Please try again." } });
      }
    })();
    return () => {
      cancelled = true;
      if (holdId && holdId !== consumed.current) void releaseHold({ holdId }).catch(() => undefined);
    };
    // `signature` stands for `lines`' content; `onNotice` only reports.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, attempt]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const hold: HoldState = state.signature === signature && state.attempt === attempt ? state.hold : { status: "holding" };
  return {
    hold,
    retry,
    consume(holdId: string) {
      consumed.current = holdId;
    },
  };
}
