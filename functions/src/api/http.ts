/**
 * The `api` HTTPS function: match the route → authenticate the key →
 * rate limit → scope → body size and type → Idempotency-Key → handler. Every
 * refusal and every unexpected error leaves as problem JSON.
 */
import { onRequest, type Request, type Response } from "firebase-functions/https";
import { ApiIdempotencyKeySchema } from "@showroom/model";
import { z } from "zod";
import { config } from "../config.js";
import { apiUnexpectedError } from "../logs.js";
import { authenticate } from "./keys.js";
import { openApiDocument } from "./openapi.js";
import { ApiProblem, parseOr400 } from "./problem.js";
import { RateLimiter } from "./rate-limit.js";
import { JSON_TYPE, match, routes, type Route, type RouteAnswer } from "./routes.js";
import { recordUse } from "./usage.js";

const openApiRoute: Route = {
  method: "GET",
  path: "/v1/openapi.json",
  summary: "This API's OpenAPI 3.1 document",
  scope: null,
  response: { schema: z.record(z.string(), z.unknown()), contentType: JSON_TYPE },
  handle: async ({ serverUrl }) => ({ body: openApiDocument(table, serverUrl) }),
};
const table: Route[] = [...routes, openApiRoute];

/** Where clients reach this function: the emulator's URL as this request came in, else the deployed function's. */
function serverUrl(req: Request): string {
  const project = process.env.GCLOUD_PROJECT ?? "demo-showroom";
  if (config.emulator) return `http://${req.get("host") ?? "127.0.0.1:5001"}/${project}/${config.region}/api`;
  return `https://${config.region}-${project}.cloudfunctions.net/api`;
}

const limiter = new RateLimiter();

/** The path below the function: the emulator and Cloud Run strip `/{project}/{region}/api` differently, `/v1/` is the anchor. */
const apiPath = (req: Request) => {
  const path = req.path;
  const at = path.indexOf("/v1/");
  return at >= 0 ? path.slice(at) : path;
};

const mediaType = (req: Request) => (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

async function serve(req: Request, nowMs: number): Promise<RouteAnswer> {
  const { route, params: rawParams } = match(table, req.method, apiPath(req));
  const params = Object.fromEntries(Object.entries(rawParams).map(([name, value]) => [name, parseOr400(route.params?.[name] ?? z.string(), value, [name])]));
  const query = route.query ? parseOr400(route.query, req.query) : {};
  if (route.scope === null) return route.handle({ client: null, params, query, body: Buffer.alloc(0), idempotencyKey: "", serverUrl: serverUrl(req) });

  const client = await authenticate(req.headers.authorization, nowMs);
  const retryAfterSeconds = limiter.check(client.keyId, client.rateLimitPerMinute, nowMs);
  if (retryAfterSeconds !== null)
    throw new ApiProblem(429, "rate-limited", `This key may make ${client.rateLimitPerMinute} requests a minute.`, { retryAfterSeconds });
  await recordUse(client.keyId, nowMs);
  if (!client.scopes.includes(route.scope)) throw new ApiProblem(403, "forbidden", `This needs the scope ${route.scope}.`);

  const body = req.rawBody ?? Buffer.alloc(0);
  if (route.body) {
    if (body.length > route.body.maxBytes) throw new ApiProblem(413, "too-large", `The body may be at most ${route.body.maxBytes} bytes.`);
    if (mediaType(req) !== route.body.contentType) throw new ApiProblem(415, "unsupported-media-type", `Send the body as ${route.body.contentType}.`);
  }
  const idempotencyKey = route.idempotent ? parseOr400(ApiIdempotencyKeySchema, req.headers["idempotency-key"], ["Idempotency-Key"]) : "";
  return route.handle({ client, params, query, body, idempotencyKey, serverUrl: serverUrl(req) });
}

function sendProblem(res: Response, problem: ApiProblem): void {
  if (problem.extra.retryAfterSeconds !== undefined) res.setHeader("Retry-After", String(problem.extra.retryAfterSeconds));
  if (problem.extra.allow) res.setHeader("Allow", problem.extra.allow.join(", "));
  res.status(problem.status).type("application/problem+json").send(JSON.stringify(problem.toJSON()));
}

export const apiFunction = onRequest({ region: config.region, concurrency: config.callableConcurrency, cors: false }, async (req, res) => {
  // A server-to-server API: no CORS headers, so browsers on other origins cannot call it.
  res.setHeader("Cache-Control", "no-store");
  try {
    const answer = await serve(req, Date.now());
    for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
    if (answer.contentType === "application/x-ndjson") res.status(200).type(answer.contentType).send(String(answer.body));
    else res.status(200).type(JSON_TYPE).send(JSON.stringify(answer.body));
  } catch (error) {
    if (error instanceof ApiProblem) return sendProblem(res, error);
    apiUnexpectedError(req.method, req.path, null, error);
    sendProblem(res, new ApiProblem(500, "internal", "Something went wrong. Please try again."));
  }
});
