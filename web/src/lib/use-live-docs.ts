/**
 * Live documents by id, for a page's worth of ids (a catalog page's cards, a
 * product's variants, the board's SKUs and their products, a receipt's SKUs):
 * one document listener each, all on the SDK's one stream, all unsubscribed on
 * unmount or when the ids change. The live SDK is loaded lazily, so pages that
 * painted from a REST read keep it off their critical path. Reads are one per
 * document either way; `documentId() in` queries would save listeners but cost
 * the emulator seconds per query at 10,000 documents, where a document
 * listener costs milliseconds.
 */
import { useEffect, useState } from "react";
import { loadLiveSdk, type LiveSdk } from "./load-live";
import type { Live } from "./live-state";

export interface LiveDocs<T> {
  /** Each document as it arrives: null when missing (or unparseable), undefined until read. */
  byId: Record<string, T | null | undefined>;
  /**
   * The documents found (missing ones absent), "loading" until every id has
   * been read. With `keepWhile` (a view, such as the board's page): while it
   * stays the same, new ids keep showing the last complete set until theirs
   * arrive, so a live page that gains a row does not flash back to loading.
   */
  all: Live<Map<string, T>>;
}

interface State<T> {
  key: string;
  docs: Record<string, T | null>;
  error: Error | null;
  /** The last set with every id read, and the view it belonged to. */
  complete: { keepWhile: string | undefined; data: Map<string, T> } | null;
}

const NONE = { byId: {}, all: { status: "ready", data: new Map<string, never>() } } as const satisfies LiveDocs<never>;

const found = <T>(docs: Record<string, T | null>): Map<string, T> => new Map(Object.entries(docs).filter((entry): entry is [string, T] => entry[1] !== null));

/** `parser` picks the parse function from the live chunk, so schemas load with it (a module-level function). */
export function useLiveDocs<T>(
  collectionName: string,
  ids: readonly string[],
  parser: (sdk: LiveSdk) => (data: unknown, id: string) => T | null,
  { keepWhile }: { keepWhile?: string } = {},
): LiveDocs<T> {
  const unique = [...new Set(ids)].sort();
  const key = `${collectionName}\n${unique.join("\n")}`;
  const [state, setState] = useState<State<T>>({ key: "", docs: {}, error: null, complete: null });
  useEffect(() => {
    if (unique.length === 0) return;
    let cancelled = false;
    const unsubscribers: (() => void)[] = [];
    void loadLiveSdk().then((sdk) => {
      if (cancelled) return;
      const parse = parser(sdk);
      for (const id of unique) {
        unsubscribers.push(
          sdk.onSnapshot(
            sdk.doc(sdk.db, collectionName, id),
            (snap) =>
              setState((prev) => {
                const docs = { ...(prev.key === key ? prev.docs : {}), [id]: snap.exists() ? parse(snap.data(), id) : null };
                const complete = Object.keys(docs).length === unique.length ? { keepWhile, data: found(docs) } : prev.complete;
                return { key, docs, error: null, complete };
              }),
            (error) => setState((prev) => ({ ...prev, key, error })),
          ),
        );
      }
    });
    return () => {
      cancelled = true;
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
    // `key` names the collection and every id; `parser` is a module-level function; `keepWhile` only labels the result.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (unique.length === 0) return NONE;
  const current = state.key === key ? state : null;
  const byId = current?.docs ?? {};
  if (current?.error) return { byId, all: { status: "error", error: current.error } };
  if (current && Object.keys(current.docs).length === unique.length)
    return { byId, all: { status: "ready", data: current.complete?.data ?? found(current.docs) } };
  if (keepWhile !== undefined && state.complete?.keepWhile === keepWhile) return { byId, all: { status: "ready", data: state.complete.data } };
  return { byId, all: { status: "loading" } };
}
