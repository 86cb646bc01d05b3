/**
 * Every callable goes through `defineCallable`: check auth → check role →
 * parse the input with its zod schema → handler. Anything that is not an
 * HttpsError becomes `internal` with no message leaked, and is logged.
 */
import { HttpsError, onCall, type CallableRequest } from "firebase-functions/https";
import { isStaffRole, type CallableName } from "@showroom/model";
import type { SecretParam } from "firebase-functions/params";
import type { z } from "zod";
import { config } from "../config.js";
import { unexpectedError } from "../logs.js";

export type Access = "signed-in" | "staff" | "admin";

export interface Caller {
  uid: string;
  role: "staff" | "admin" | null;
  email?: string;
  anonymous: boolean;
}

export function callerOf(request: CallableRequest<unknown>, access: Access): Caller {
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

export function defineCallable<S extends z.ZodType, R>(
  name: CallableName,
  access: Access,
  schema: S,
  handler: (input: z.infer<S>, caller: Caller) => Promise<R>,
  options: { secrets?: SecretParam[] } = {},
) {
  return onCall({ region: config.region, concurrency: config.callableConcurrency, ...options }, async (request) => {
    const caller = callerOf(request, access);
    const input = parseInput(schema, request.data);
    try {
      return await handler(input, caller);
    } catch (error) {
      if (error instanceof HttpsError) throw error;
      unexpectedError(name, caller.uid, error);
      throw new HttpsError("internal", "Something went wrong. Please try again.");
    }
  });
}
