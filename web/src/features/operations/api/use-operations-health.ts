/**
 * What the minute documents do not hold (holds, outbox lag, failing webhook
 * endpoints) comes from the `operationsHealth` callable, asked again every
 * `POLL_MS` while the page is open: counts are aggregation queries, which
 * Firestore cannot stream.
 */
import { useEffect, useState } from "react";
import { OperationsHealthOutputSchema, type OperationsHealthOutput } from "@showroom/model";
import { callable } from "../../../lib/callables";
import type { Live } from "../../../lib/live";

export const POLL_MS = 30_000;

const operationsHealth = callable<Record<string, never>, OperationsHealthOutput>("operationsHealth", OperationsHealthOutputSchema);

export function useOperationsHealth(): Live<OperationsHealthOutput> {
  const [state, setState] = useState<Live<OperationsHealthOutput>>({ status: "loading" });
  useEffect(() => {
    let stopped = false;
    async function ask() {
      try {
        const data = await operationsHealth({});
        if (!stopped) setState({ status: "ready", data });
      } catch (error) {
        if (!stopped) setState({ status: "error", error: error instanceof Error ? error : new Error(String(error)) });
      }
    }
    void ask();
    const timer = setInterval(() => void ask(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);
  return state;
}
