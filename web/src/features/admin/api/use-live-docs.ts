/**
 * Live documents by id, for a page's worth of ids (the board's SKUs and their
 * products, a receipt's SKUs): one document listener each, all on the SDK's
 * one stream. Reads are one per document either way; `documentId() in`
 * queries would save listeners but cost the emulator seconds per query at
 * 10,000 documents, where a document listener costs milliseconds.
 */
import { useEffect, useState } from "react";
import { doc, onSnapshot } from "firebase/firestore";
import { db } from "../../../lib/firebase";
import type { Live } from "../../../lib/live";

const NONE: Live<Map<string, never>> = { status: "ready", data: new Map<string, never>() };

/**
 * The documents found, by id (missing ones are absent); "loading" until every
 * id asked for has been read. `keepWhile` names a view (the board's page):
 * while it stays the same, new ids keep showing the last documents until
 * theirs arrive, so a live page that gains a row does not flash back to
 * loading; a new view waits for its own documents.
 */
export function useLiveDocs<T>(collectionName: string, ids: readonly string[], parse: (data: unknown, id: string) => T, { keepWhile }: { keepWhile?: string } = {}): Live<Map<string, T>> {
  const unique = [...new Set(ids)].sort();
  const key = `${collectionName}\n${unique.join("\n")}`;
  const [state, setState] = useState<{ key: string; keepWhile: string | undefined; live: Live<Map<string, T>> }>({ key: "", keepWhile: undefined, live: { status: "loading" } });
  useEffect(() => {
    if (unique.length === 0) return;
    const found = new Map<string, T | null>();
    const unsubscribers = unique.map((id) =>
      onSnapshot(
        doc(db, collectionName, id),
        (snap) => {
          found.set(id, snap.exists() ? parse(snap.data(), id) : null);
          if (found.size < unique.length) return;
          const data = new Map<string, T>();
          for (const [foundId, value] of found) if (value !== null) data.set(foundId, value);
          setState({ key, keepWhile, live: { status: "ready", data } });
        },
        (error) => setState({ key, keepWhile, live: { status: "error", error } }),
      ),
    );
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
    // `key` names the collection and every id; `parse` is a module-level function; `keepWhile` only labels the result.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (unique.length === 0) return NONE;
  if (state.key === key) return state.live;
  if (keepWhile !== undefined && state.keepWhile === keepWhile && state.live.status === "ready") return state.live;
  return { status: "loading" };
}
