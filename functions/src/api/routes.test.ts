import { describe, expect, it } from "vitest";
import { ApiProblem } from "./problem.js";
import { match, routes } from "./routes.js";

const problemOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiProblem) return { status: error.status, code: error.code, allow: error.extra.allow };
  }
  throw new Error("expected an ApiProblem");
};

describe("API route matching", () => {
  it("finds a route and its decoded path parameters", () => {
    const { route, params } = match(routes, "GET", "/v1/inventory/SOF-ALBA%2D3S");
    expect(route.path).toBe("/v1/inventory/{sku}");
    expect(params).toEqual({ sku: "SOF-ALBA-3S" });
  });

  it("prefers a literal path over a template, and answers 405 with Allow for its other methods", () => {
    expect(match(routes, "POST", "/v1/inventory/set").route.path).toBe("/v1/inventory/set");
    expect(problemOf(() => match(routes, "GET", "/v1/inventory/adjust"))).toEqual({ status: 405, code: "method-not-allowed", allow: ["POST"] });
  });

  it("answers 404 for unknown paths and 400 for broken percent-encoding", () => {
    expect(problemOf(() => match(routes, "GET", "/v2/inventory"))).toMatchObject({ status: 404, code: "not-found" });
    expect(problemOf(() => match(routes, "GET", "/v1/inventory/%E0%A4%A"))).toMatchObject({ status: 400, code: "invalid" });
  });
});
