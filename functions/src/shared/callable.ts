/**
 * Every callable goes through `defineCallable`: check auth → check role →
 * parse the input with its zod schema → handler. Access and schema come from
 * the model's callable registry. A transient Firestore failure becomes
 * `unavailable` (retry); anything else that is not an HttpsError becomes
 * `internal` with no message leaked, and is logged. Every answer, refusals
 * included, logs one `callable: answered` line (operation, outcome, duration):
 * the error-rate and latency metrics in monitoring/metrics read it.
 */
import { HttpsError, onCall, type CallableRequest, type FunctionsErrorCode } from "firebase-functions/https";
import {
  CallableContracts,
  isStaffRole,
  type CallableAccess,
  type CallableName,
  type CallableOutput,
  type CallableParsedInput,
  type ErrorDetails,
} from "@showroom/model";
import type { SecretParam } from "firebase-functions/params";
import type { z } from "zod";
import { config } from "../config.js";
import { callableAnswered, transientError, unexpectedError } from "../logs.js";
import { recordCallableAnswer } from "../operations/minute-stats.js";
import { tracedCallable } from "../operations/tracing.js";
import { guardBody } from "./body-guard.js";
import { isTransientFirestoreError } from "./transient-error.js";

/** Who calls: the one caller type of the functions (callables, the stock engine's requests, the audit log's actor). */
export interface Caller {
  uid: string;
  role: "staff" | "admin" | null;
  email?: string;
  anonymous: boolean;
}

export function callerOf(request: CallableRequest<unknown>, access: CallableAccess): Caller {
  const auth = request.auth;
  if (!auth) throw new HttpsError("unauthenticated", "Sign in first.");
  const role = isStaffRole(auth.token.role) ? (auth.token.role as "staff" | "admin") : null;
  if (access === "staff" && role === null) throw new HttpsError("permission-denied", "Staff only.");
  if (access === "admin" && role !== "admin") throw new HttpsError("permission-denied", "Admins only.");
  return {
    uid: auth.uid,
    role,
    email: typeof auth.token.email === "string" ? auth.token.email : undefined,
    anonymous: auth.token.firebase?.sign_in_provider === "anonymous",
  };
}

export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const parsed = schema.safeParse(data ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
    throw new HttpsError("invalid-argument", issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; "), { issues });
  }
  return parsed.data;
}

/** A refusal the caller can act on: its reason (typed by the model's `ErrorReason`) and what it names. */
export const refusal = (code: FunctionsErrorCode, message: string, details: ErrorDetails) => new HttpsError(code, message, details);

export function defineCallable<N extends CallableName>(
  name: N,
  handler: (input: CallableParsedInput<N>, caller: Caller) => Promise<CallableOutput<N>>,
  options: { secrets?: SecretParam[]; timeoutSeconds?: number } = {},
) {
  const { access, input: schema } = CallableContracts[name];
  // guardBody: a body too deep for the SDK's decoder answers invalid-argument, not internal.
  return guardBody(
    onCall(
      { region: config.region, concurrency: config.callableConcurrency, enforceAppCheck: config.enforceAppCheck, ...options },
      tracedCallable(name, async (request) => {
        const started = Date.now();
        try {
          const result = await handle(name, handler, schema, access, request);
          callableAnswered(name, "ok", Date.now() - started);
          recordCallableAnswer(name, "ok", started);
          return result;
        } catch (error) {
          const outcome = error instanceof HttpsError ? error.code : "internal";
          callableAnswered(name, outcome, Date.now() - started);
          recordCallableAnswer(name, outcome, started);
          throw error;
        }
      }),
    ),
  );
}

async function handle<N extends CallableName>(
  name: N,
  handler: (input: CallableParsedInput<N>, caller: Caller) => Promise<CallableOutput<N>>,
  schema: z.ZodType,
  access: CallableAccess,
  request: CallableRequest<unknown>,
): Promise<CallableOutput<N>> {
  const caller = callerOf(request, access);
  // `schema` is the registry's schema for N; TypeScript cannot follow an index by a generic key.
  const input = parseInput(schema, request.data) as CallableParsedInput<N>;
  try {
    return await handler(input, caller);
  } catch (error) {
    if (error instanceof HttpsError) throw error;
    // A lost or timed-out transaction: the caller should send the same call again (orders and receipts carry keys, so one that did land is found, not repeated).
    if (isTransientFirestoreError(error)) {
      transientError(name, caller.uid, error);
      throw new HttpsError("unavailable", "The store is busy right now. Please try again in a moment.");
    }
    unexpectedError(name, caller.uid, error);
    throw new HttpsError("internal", "Something went wrong. Please try again.");
  }
}
