/** REST API helpers: the `api` function's URL on the Functions emulator, keys created through the real callable. */
import { randomUUID } from "node:crypto";
import type { ApiScope, CreateApiKeyOutput, Problem } from "@showroom/model";
import { expect } from "vitest";
import type { TestClient } from "../support/clients.js";
import { functionsEmulator, PROJECT_ID } from "../support/env.js";

export const apiBase = () => `${functionsEmulator().origin}/${PROJECT_ID}/us-central1/api`;

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  json: () => unknown;
}

export async function apiFetch(
  path: string,
  init: { method?: string; key?: string; body?: unknown; raw?: string; contentType?: string; idempotencyKey?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  if (init.idempotencyKey) headers["idempotency-key"] = init.idempotencyKey;
  const body = init.raw ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined);
  if (body !== undefined) headers["content-type"] = init.contentType ?? "application/json";
  const response = await fetch(`${apiBase()}${path}`, { method: init.method ?? (body !== undefined ? "POST" : "GET"), headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

export const idemKey = () => `idem-${randomUUID()}`;

export async function createKey(
  admin: TestClient,
  scopes: ApiScope[],
  extra: { rateLimitPerMinute?: number; expiresAt?: string } = {},
): Promise<CreateApiKeyOutput> {
  return admin.call<CreateApiKeyOutput>("createApiKey", { name: `test ${randomUUID().slice(0, 6)}`, scopes, ...extra });
}

/** Asserts an RFC 9457 problem answer with this status and code. */
export function expectProblem(response: ApiResponse, status: number, code: Problem["code"]): Problem {
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const problem = response.json() as Problem;
  expect({ status: response.status, code: problem.code }).toEqual({ status, code });
  expect(problem).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  return problem;
}
