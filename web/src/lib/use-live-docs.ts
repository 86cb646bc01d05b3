/**
 * Live documents by id for pages that painted from a REST read: the live SDK
 * is loaded lazily, then one onSnapshot per document; all unsubscribe on
 * unmount or when the ids change. A missing document maps to null; not yet
 * known maps to undefined.
 */
import { useEffect, useState } from "react";
import { loadLiveSdk, type LiveSdk } from "./load-live";

/** `parser` picks the parse function from the live chunk, so schemas load with it. */
export function useLiveDocsById<T>(collectionName: string, ids: readonly string[], parser: (sdk: LiveSdk) => (data: unknown) => T | null): Record<string, T | null | undefined> {
  const key = ids.join("\n");
  const [state, setState] = useState<{ key: string; docs: Record<string, T | null> }>({ key, docs: {} });
  useEffect(() => {
    if (key === "") return;
    let cancelled = false;
    const unsubscribers: (() => void)[] = [];
    void loadLiveSdk().then((sdk) => {
      if (cancelled) return;
      const parse = parser(sdk);
      for (const id of key.split("\n")) {
        unsubscribers.push(
          sdk.onSnapshot(sdk.doc(sdk.db, collectionName, id), (snap) => {
            const value = snap.exists() ? parse(snap.data()) : null;
            setState((prev) => (prev.key === key ? { key, docs: { ...prev.docs, [id]: value } } : { key, docs: { [id]: value } }));
          }),
        );
      }
    });
    return () => {
      cancelled = true;
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
    // `parser` is a module-level function; `key` identifies the ids.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [collectionName, key]);
  return state.key === key ? state.docs : {};
}
