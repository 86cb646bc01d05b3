/**
 * Typed callables: the input type and output schema come from
 * `@showroom/model`'s contract, and errors become plain data for the UI.
 */
import { FunctionsError, httpsCallable } from "firebase/functions";
import type { CallableName } from "@showroom/model";
import { functions } from "./firebase";

export function callable<I, O>(name: CallableName, output: { parse(data: unknown): O }): (input: I) => Promise<O> {
  const call = httpsCallable<I, unknown>(functions, name);
  return async (input) => output.parse((await call(input)).data);
}

export interface CallError {
  /** The HttpsError code without the `functions/` prefix, e.g. "failed-precondition". */
  code: string;
  details: Record<string, unknown>;
}

export function callError(error: unknown): CallError {
  if (error instanceof FunctionsError) {
    const details = typeof error.details === "object" && error.details !== null ? (error.details as Record<string, unknown>) : {};
    return { code: error.code.replace(/^functions\//, ""), details };
  }
  return { code: "unknown", details: {} };
}
