/**
 * Hooks for live Firestore data. Each subscribes with onSnapshot and
 * unsubscribes on unmount or when its target changes.
 */
import { useEffect, useState } from "react";
import { onSnapshot, type DocumentReference, type Query } from "firebase/firestore";
import type { Live } from "./live-state";

export type { Live };

export function useLiveDoc<T>(ref: DocumentReference | null, parse: (data: unknown, id: string) => T): Live<T | null> {
  const [state, setState] = useState<Live<T | null>>({ status: "loading" });
  const path = ref?.path ?? null;
  useEffect(() => {
    if (!ref) return;
    setState({ status: "loading" });
    return onSnapshot(
      ref,
      (snap) => setState({ status: "ready", data: snap.exists() ? parse(snap.data(), snap.id) : null }),
      (error) => setState({ status: "error", error }),
    );
    // `path` identifies the ref; `parse` is expected to be a stable module function.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path]);
  return state;
}

export function useLiveQuery<T>(query: Query | null, key: string, parse: (data: unknown, id: string) => T): Live<T[]> {
  const [state, setState] = useState<Live<T[]>>({ status: "loading" });
  useEffect(() => {
    if (!query) return;
    setState({ status: "loading" });
    return onSnapshot(
      query,
      (snap) => setState({ status: "ready", data: snap.docs.map((d) => parse(d.data(), d.id)) }),
      (error) => setState({ status: "error", error }),
    );
    // Queries are not comparable; callers pass a `key` that changes exactly when the query does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}
