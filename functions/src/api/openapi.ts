/**
 * The OpenAPI 3.1 document, generated from the route table and the model's
 * zod schemas (zod's own JSON Schema output, draft 2020-12, which is OpenAPI
 * 3.1's dialect). Nothing here restates a field by hand.
 */
import { ProblemSchema } from "@showroom/model";
import { z } from "zod";
import type { Route } from "./routes.js";

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

function operation(route: Route) {
  const parameters = [
    ...Object.entries(route.params ?? {}).map(([name, schema]) => ({ name, in: "path", required: true, schema: schemaOf(schema, "input") })),
    ...Object.entries(route.query?.shape ?? {}).map(([name, schema]) => ({
      name,
      in: "query",
      required: !(schema as z.ZodType).safeParse(undefined).success,
      schema: schemaOf(schema as z.ZodType, "input"),
    })),
    ...(route.idempotent
      ? [
          {
            name: "Idempotency-Key",
            in: "header",
            required: true,
            description: "Same key and body within 24 h: the first answer again, nothing re-applied; same key, other body: 422.",
            schema: { type: "string", pattern: "^[A-Za-z0-9_-]{8,100}$" },
          },
        ]
      : []),
  ];
  const errors = {
    "400": problemResponse("Invalid request (`issues` names each problem)"),
    ...(route.scope ? { "401": problemResponse("Missing, unknown, expired or revoked key"), "403": problemResponse(`The key lacks \`${route.scope}\``) } : {}),
    ...(route.path.includes("{sku}") ? { "404": problemResponse("Unknown SKU") } : {}),
    ...(route.path.includes("{id}") ? { "404": problemResponse("No such endpoint for this key") } : {}),
    ...(route.body ? { "413": problemResponse("Body too large"), "415": problemResponse("Wrong content type") } : {}),
    ...(route.idempotent ? { "422": problemResponse("Idempotency-Key reused with another body") } : {}),
    ...(route.scope
      ? { "429": { ...problemResponse("Rate limited; wait `Retry-After` seconds"), headers: { "Retry-After": { schema: { type: "integer" } } } } }
      : {}),
  };
  return {
    summary: route.summary,
    operationId: `${route.method.toLowerCase()}${route.path
      .replace(/[{}]/g, "")
      .split("/")
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join("")}`,
    ...(route.scope ? { security: [{ apiKey: [] }], "x-required-scope": route.scope } : { security: [] }),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: { [route.body.contentType]: { schema: schemaOf(route.body.schema, "input") } } } } : {}),
    responses: { "200": { description: "OK", content: { [route.response.contentType]: { schema: schemaOf(route.response.schema, "output") } } }, ...errors },
  };
}

export function openApiDocument(routes: readonly Route[], serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route) };
  return {
    openapi: "3.1.0",
    info: {
      title: "Showroom API",
      version: "1.0.0",
      description: "Inventory, catalog and orders for ERPs, marketplaces and automation tools. See docs/api.md.",
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key created by an admin in the console: `shr_…`." } },
      schemas: { Problem: schemaOf(ProblemSchema, "output") },
    },
  };
}
