/**
 * A one-shot read (REST, no SDK) as a hook: used where the first paint must not
 * wait for the live SDK. `key` changes exactly when the read does.
 */
import { useEffect, useState } from "react";
import type { Live } from "./live-state";

/**
 * Reads in flight, by key: a remount (React StrictMode in development, or a
 * quick back-and-forth) joins the pending read instead of paying for it twice.
 */
const inFlight = new Map<string, Promise<unknown>>();

function shared<T>(key: string, read: () => Promise<T>): Promise<T> {
  const pending = inFlight.get(key) as Promise<T> | undefined;
  if (pending) return pending;
  const started = read().finally(() => inFlight.delete(key));
  inFlight.set(key, started);
  return started;
}

export function useReadOnce<T>(key: string, read: () => Promise<T>): Live<T> {
  const [state, setState] = useState<{ key: string; live: Live<T> }>({ key, live: { status: "loading" } });
  useEffect(() => {
    let cancelled = false;
    shared(key, read).then(
      (data) => !cancelled && setState({ key, live: { status: "ready", data } }),
      (error: Error) => !cancelled && setState({ key, live: { status: "error", error } }),
    );
    return () => {
      cancelled = true;
    };
    // `read` is rebuilt every render; `key` identifies it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  // A stale result for an older key is never shown.
  return state.key === key ? state.live : { status: "loading" };
}
