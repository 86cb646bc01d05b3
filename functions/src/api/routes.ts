/**
 * Every path the API serves, with its scope and its schemas. The router
 * dispatches on this table and the OpenAPI document is generated from it, so a
 * path cannot be served without being documented, nor documented without
 * being served.
 */
import {
  AdjustRequestSchema,
  ApiDeliveryPageSchema,
  ApiWebhookCreatedSchema,
  ApiWebhookCreateSchema,
  ApiWebhookDeletedSchema,
  BulkLineSchema,
  BulkResultLineSchema,
  InventoryPageSchema,
  InventoryViewSchema,
  MAX_BULK_LINES,
  OrderPageSchema,
  PageQuerySchema,
  ProductPageSchema,
  SetRequestSchema,
  SkuSchema,
  toStockItem,
  WriteAnswerSchema,
  type ApiScope,
  type BulkResultLine,
} from "@showroom/model";
import { z } from "zod";
import { config } from "../config.js";
import type { ApiClient } from "./keys.js";
import { ApiProblem, issuesOf, parseOr400 } from "./problem.js";
import { listDeliveries, subscribe, unsubscribe } from "./hooks.js";
import { getInventory, listInventory, listOrders, listProducts } from "./reads.js";
import { applyItems, bodyHashOf } from "./stock-writes.js";

export const JSON_TYPE = "application/json";
export const JSONL_TYPE = "application/x-ndjson";

export interface RouteRequest {
  /** `null` only on routes served without a key. */
  client: ApiClient | null;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: Buffer;
  idempotencyKey: string;
  serverUrl: string;
}

export interface RouteAnswer {
  body: unknown;
  /** JSONL answers are sent as text; JSON ones are serialised by the router. */
  contentType?: typeof JSON_TYPE | typeof JSONL_TYPE;
  headers?: Record<string, string>;
}

export interface Route {
  method: "GET" | "POST" | "DELETE";
  /** OpenAPI path template; `{name}` segments become `params`. */
  path: string;
  summary: string;
  /** `null`: served without a key. */
  scope: ApiScope | null;
  params?: Record<string, z.ZodType<string>>;
  query?: z.ZodObject;
  body?: { schema: z.ZodType; contentType: typeof JSON_TYPE | typeof JSONL_TYPE; maxBytes: number };
  /** Writes need an `Idempotency-Key` header. */
  idempotent?: boolean;
  response: { schema: z.ZodType; contentType: typeof JSON_TYPE | typeof JSONL_TYPE };
  handle(request: RouteRequest): Promise<RouteAnswer>;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new ApiProblem(400, "invalid", "body: not valid JSON", { issues: [{ path: [], message: "Not valid JSON" }] });
  }
}

const replayHeaders = (replayed: boolean) => (replayed ? { "Idempotent-Replayed": "true" } : undefined);

function clientOf(request: RouteRequest): ApiClient {
  if (!request.client) throw new Error("a keyed route was served without a key");
  return request.client;
}

async function write(request: RouteRequest, schema: typeof SetRequestSchema | typeof AdjustRequestSchema, op: "set" | "adjust"): Promise<RouteAnswer> {
  const { items } = parseOr400(schema, parseJson(request.body));
  const stockItems = items.map((item) => toStockItem({ ...item, op } as z.infer<typeof BulkLineSchema>));
  const { results, replayed } = await applyItems(clientOf(request), request.idempotencyKey, bodyHashOf(request.body), stockItems);
  return { body: { items: results }, headers: replayHeaders(replayed) };
}

/** JSONL in, JSONL out: a line that is not JSON or not a valid set/adjust fails alone, the others apply. */
async function bulk(request: RouteRequest): Promise<RouteAnswer> {
  const lines = request.body.toString("utf8").split("\n");
  if (lines.at(-1)?.trim() === "") lines.pop();
  if (lines.length === 0) throw new ApiProblem(400, "invalid", "body: no lines", { issues: [{ path: [], message: "No lines" }] });
  if (lines.length > MAX_BULK_LINES) {
    throw new ApiProblem(400, "invalid", `body: at most ${MAX_BULK_LINES} lines`, {
      issues: [{ path: [], message: `At most ${MAX_BULK_LINES} lines, got ${lines.length}` }],
    });
  }
  const answers: BulkResultLine[] = [];
  const valid: { line: number; item: ReturnType<typeof toStockItem> }[] = [];
  lines.forEach((text, index) => {
    const line = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      answers[index] = { line, result: "invalid", issues: [{ path: [], message: "Not valid JSON" }] };
      return;
    }
    const parsed = BulkLineSchema.safeParse(value);
    if (parsed.success) valid.push({ line, item: toStockItem(parsed.data) });
    else answers[index] = { line, result: "invalid", issues: issuesOf(parsed.error) };
  });
  const { results, replayed } =
    valid.length > 0
      ? await applyItems(
          clientOf(request),
          request.idempotencyKey,
          bodyHashOf(request.body),
          valid.map((v) => v.item),
        )
      : { results: [], replayed: false };
  valid.forEach(({ line }, i) => {
    answers[line - 1] = { line, ...(results[i] as (typeof results)[number]) };
  });
  return { body: answers.map((a) => JSON.stringify(a)).join("\n") + "\n", contentType: JSONL_TYPE, headers: replayHeaders(replayed) };
}

const WebhookIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "Not a valid id");

const jsonBody = (schema: z.ZodType) => ({ schema, contentType: JSON_TYPE, maxBytes: config.apiMaxBodyBytes }) as const;
const json = (schema: z.ZodType) => ({ schema, contentType: JSON_TYPE }) as const;

export const routes: Route[] = [
  {
    method: "GET",
    path: "/v1/inventory",
    summary: "A page of inventory, by SKU or (with updatedSince) by last change",
    scope: "inventory:read",
    query: PageQuerySchema,
    response: json(InventoryPageSchema),
    handle: async ({ query }) => ({ body: await listInventory(query) }),
  },
  {
    method: "GET",
    path: "/v1/inventory/{sku}",
    summary: "One SKU's availability and on hand per location",
    scope: "inventory:read",
    params: { sku: SkuSchema },
    response: json(InventoryViewSchema),
    handle: async ({ params }) => ({ body: await getInventory(params.sku ?? "") }),
  },
  {
    method: "POST",
    path: "/v1/inventory/set",
    summary: "Set on hand per location, compare-and-set with changeFromQuantity",
    scope: "inventory:write",
    body: jsonBody(SetRequestSchema),
    idempotent: true,
    response: json(WriteAnswerSchema),
    handle: (request) => write(request, SetRequestSchema, "set"),
  },
  {
    method: "POST",
    path: "/v1/inventory/adjust",
    summary: "Add or remove units per location",
    scope: "inventory:write",
    body: jsonBody(AdjustRequestSchema),
    idempotent: true,
    response: json(WriteAnswerSchema),
    handle: (request) => write(request, AdjustRequestSchema, "adjust"),
  },
  {
    method: "POST",
    path: "/v1/inventory/bulk",
    summary: `Up to ${MAX_BULK_LINES} set/adjust lines as JSONL, answered line by line as JSONL`,
    scope: "inventory:write",
    body: { schema: BulkLineSchema, contentType: JSONL_TYPE, maxBytes: config.apiBulkMaxBodyBytes },
    idempotent: true,
    response: { schema: BulkResultLineSchema, contentType: JSONL_TYPE },
    handle: bulk,
  },
  {
    method: "GET",
    path: "/v1/products",
    summary: "A page of products",
    scope: "catalog:read",
    query: PageQuerySchema.omit({ updatedSince: true }),
    response: json(ProductPageSchema),
    handle: async ({ query }) => ({ body: await listProducts(query) }),
  },
  {
    method: "GET",
    path: "/v1/orders",
    summary: "A page of orders with status and lines",
    scope: "orders:read",
    query: PageQuerySchema,
    response: json(OrderPageSchema),
    handle: async ({ query }) => ({ body: await listOrders(query) }),
  },
  {
    method: "POST",
    path: "/v1/webhooks",
    summary: "Subscribe a URL to event types; the signing secret is answered once",
    scope: "webhooks:write",
    body: jsonBody(ApiWebhookCreateSchema),
    response: json(ApiWebhookCreatedSchema),
    handle: async (request) => ({ body: await subscribe(clientOf(request), parseOr400(ApiWebhookCreateSchema, parseJson(request.body))) }),
  },
  {
    method: "GET",
    path: "/v1/webhooks/{id}/deliveries",
    summary: "A page of one of this key's endpoints' deliveries, newest first",
    scope: "webhooks:write",
    params: { id: WebhookIdSchema },
    query: PageQuerySchema.omit({ updatedSince: true }),
    response: json(ApiDeliveryPageSchema),
    handle: async (request) => ({ body: await listDeliveries(clientOf(request), request.params.id ?? "", request.query) }),
  },
  {
    method: "DELETE",
    path: "/v1/webhooks/{id}",
    summary: "Unsubscribe one of this key's endpoints",
    scope: "webhooks:write",
    params: { id: WebhookIdSchema },
    response: json(ApiWebhookDeletedSchema),
    handle: async (request) => ({ body: await unsubscribe(clientOf(request), request.params.id ?? "") }),
  },
];

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ApiProblem(400, "invalid", "path: a segment is not valid percent-encoding", {
      issues: [{ path: ["path"], message: "Not valid percent-encoding" }],
    });
  }
}

/** The route for a path and method; 404 for no such path, 405 (with the allowed methods) for another method. */
export function match(table: readonly Route[], method: string, path: string): { route: Route; params: Record<string, string> } {
  const allowed: string[] = [];
  // A literal path wins over a template: `/v1/inventory/set` is never the SKU "set".
  const literalFirst = [...table].sort((a, b) => Number(a.path.includes("{")) - Number(b.path.includes("{")));
  const literalMatch = literalFirst.some((route) => !route.path.includes("{") && route.path === path);
  for (const route of literalFirst) {
    if (literalMatch && route.path.includes("{")) continue;
    const names: string[] = [];
    const pattern = new RegExp(`^${route.path.replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), "([^/]+)"))}$`);
    const found = pattern.exec(path);
    if (!found) continue;
    if (route.method !== method) {
      allowed.push(route.method);
      continue;
    }
    return { route, params: Object.fromEntries(names.map((name, i) => [name, decodeSegment(found[i + 1] ?? "")])) };
  }
  if (allowed.length > 0) throw new ApiProblem(405, "method-not-allowed", `${method} is not allowed here.`, { allow: allowed });
  throw new ApiProblem(404, "not-found", `No such path: ${path}`);
}
