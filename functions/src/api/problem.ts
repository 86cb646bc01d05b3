/**
 * Every error the API answers is an `ApiProblem`, sent as RFC 9457 problem
 * JSON; nothing else reaches the client, so there is never an HTML page or a
 * bare 500.
 */
import type { Problem, ProblemCode } from "@showroom/model";
import type { z } from "zod";

type Issue = NonNullable<Problem["issues"]>[number];

const titles: Record<ProblemCode, string> = {
  invalid: "The request is not valid",
  unauthenticated: "A valid API key is required",
  forbidden: "The key lacks a scope this needs",
  "not-found": "No such resource",
  "unknown-sku": "Unknown SKU",
  "method-not-allowed": "Method not allowed",
  conflict: "Conflict",
  "idempotency-key-reused": "Idempotency-Key was used with another body",
  "too-large": "The request body is too large",
  "unsupported-media-type": "Unsupported media type",
  "rate-limited": "Too many requests",
  internal: "Something went wrong",
};

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly detail: string,
    readonly extra: { issues?: Issue[]; retryAfterSeconds?: number; allow?: string[] } = {},
  ) {
    super(detail);
  }

  toJSON(): Problem {
    return {
      type: `https://showroom.dev/problems/${this.code}`,
      title: titles[this.code],
      status: this.status,
      detail: this.detail,
      code: this.code,
      ...(this.extra.issues ? { issues: this.extra.issues } : {}),
    };
  }
}

export const issuesOf = (error: z.ZodError, prefix: (string | number)[] = []): Issue[] =>
  error.issues.map((issue) => ({ path: [...prefix, ...issue.path].map(String), message: issue.message }));

export function invalid(error: z.ZodError, prefix: (string | number)[] = []): ApiProblem {
  const issues = issuesOf(error, prefix);
  return new ApiProblem(400, "invalid", issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "), { issues });
}

/** Parses with a model schema; a refusal is a 400 naming each issue. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, prefix: (string | number)[] = []): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(parsed.error, prefix);
  return parsed.data;
}
