import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { renderAccessDoc } from "../tests/rules/render-access.js";

describe("docs/access.md", () => {
  it("is exactly the rendering of the access matrix the rules tests assert (run `npm run docs:access`)", () => {
    expect(fs.readFileSync("docs/access.md", "utf8")).toBe(renderAccessDoc());
  });
});
