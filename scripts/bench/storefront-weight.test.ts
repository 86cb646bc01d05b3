import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { criticalChunks, staticImports } from "./storefront-weight.js";

describe("storefront weight", () => {
  it("finds static imports and ignores dynamic ones", () => {
    const code = `import{a as b}from"./vendor-1.js";import"./side.js";export{c}from"./re.js";const l=()=>import("./lazy.js");`;
    expect(staticImports(code)).toEqual(["./vendor-1.js", "./side.js", "./re.js"]);
  });

  it("follows the entry's static imports but not lazy chunks", () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), "weight-"));
    fs.mkdirSync(path.join(dist, "assets"));
    fs.writeFileSync(path.join(dist, "index.html"), `<script type="module" crossorigin src="/assets/index.js"></script>`);
    fs.writeFileSync(path.join(dist, "assets/index.js"), `import{x}from"./shared.js";const p=()=>import("./page.js");`);
    fs.writeFileSync(path.join(dist, "assets/shared.js"), `export const x=1;`);
    fs.writeFileSync(path.join(dist, "assets/page.js"), `import{x}from"./shared.js";`);
    expect(
      criticalChunks(dist)
        .map((f) => path.basename(f))
        .sort(),
    ).toEqual(["index.js", "shared.js"]);
  });
});
