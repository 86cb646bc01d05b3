import { describe, expect, it } from "vitest";
import { nonRegistryDependencies, packageOf, undeclaredImports } from "./deploy-deps.js";

const WORKSPACES = ["@showroom/model", "@showroom/functions", "@showroom/web"];

describe("nonRegistryDependencies", () => {
  it("accepts exact and ranged registry versions, dist-tags and npm aliases", () => {
    expect(nonRegistryDependencies({ dependencies: { a: "1.2.3", b: "^2.0.0", c: "latest", d: "npm:e@1.0.0" } }, WORKSPACES)).toEqual([]);
  });

  it("rejects a workspace of this repository in any dependency field", () => {
    expect(nonRegistryDependencies({ devDependencies: { "@showroom/model": "0.1.0" } }, WORKSPACES)).toEqual([
      "devDependencies.@showroom/model is a workspace of this repository, not a registry package",
    ]);
    expect(nonRegistryDependencies({ optionalDependencies: { "@showroom/web": "*" } }, WORKSPACES)).toHaveLength(1);
  });

  it("rejects local and repository specs", () => {
    const specs = [
      "file:../model",
      "link:../model",
      "workspace:*",
      "../model",
      "/abs/model",
      "git+https://example.test/x.git",
      "github:owner/repo",
      "owner/repo",
      "https://example.test/x.tgz",
    ];
    for (const spec of specs)
      expect(nonRegistryDependencies({ dependencies: { x: spec } }, WORKSPACES), spec).toEqual([`dependencies.x: "${spec}" is not a registry version`]);
  });
});

describe("packageOf", () => {
  it("names the package of a deep or scoped import", () => {
    expect(packageOf("firebase-admin/firestore")).toBe("firebase-admin");
    expect(packageOf("zod")).toBe("zod");
    expect(packageOf("@showroom/model/illustrations")).toBe("@showroom/model");
    expect(packageOf("@google-cloud/firestore")).toBe("@google-cloud/firestore");
  });
});

describe("undeclaredImports", () => {
  const pkg = { dependencies: { "firebase-admin": "13.10.0", zod: "4.6.7" }, devDependencies: { vitest: "4.1.12" } };

  it("accepts declared runtime dependencies, their subpaths, Node builtins and the bundle's own files", () => {
    expect(undeclaredImports(["firebase-admin/app", "zod", "node:crypto", "fs", "./chunk.js"], pkg)).toEqual([]);
  });

  it("lists each bare import nothing declares, once; a devDependency does not count at run time", () => {
    expect(undeclaredImports(["@showroom/model", "@showroom/model/labels", "vitest", "@showroom/model"], pkg)).toEqual([
      "@showroom/model",
      "@showroom/model/labels",
      "vitest",
    ]);
  });
});
