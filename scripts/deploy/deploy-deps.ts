/**
 * What `firebase deploy` needs of the functions folder it uploads (lib/ and
 * package.json): Cloud Build runs `npm install` there, so every package it
 * declares must come from the public registry — never a workspace of this
 * repository (unpublished: a 404, and a name someone else could publish) nor
 * a local `file:`/`link:`/`workspace:` spec — and every bare import left in
 * the bundle must be one of those packages or a Node builtin. Pure, so each
 * rejection is unit-tested; deploy-folder.test.ts applies it to the real build.
 */
import { isBuiltin } from "node:module";

export interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"] as const;
/** Exact or ranged versions and dist-tags resolve on the registry; protocols and paths do not. */
const NON_REGISTRY_SPEC = /^(file:|link:|workspace:|portal:|git|github:|https?:|\.|\/|~\/)|^[^@\s]+\/[^@\s]+$/;

/** Problems with the declared packages, one sentence each; empty when npm can install them from the registry. */
export function nonRegistryDependencies(pkg: PackageJson, workspaceNames: readonly string[]): string[] {
  const problems: string[] = [];
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, spec] of Object.entries(pkg[field] ?? {})) {
      if (workspaceNames.includes(name)) problems.push(`${field}.${name} is a workspace of this repository, not a registry package`);
      else if (NON_REGISTRY_SPEC.test(spec)) problems.push(`${field}.${name}: "${spec}" is not a registry version`);
    }
  }
  return problems;
}

/** The package a bare specifier imports: `firebase-admin/app` → `firebase-admin`, `@scope/pkg/x` → `@scope/pkg`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return (specifier.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)).join("/");
}

/** Bare imports that neither a declared runtime dependency nor Node provides (relative and absolute paths are the bundle's own). */
export function undeclaredImports(specifiers: readonly string[], pkg: PackageJson): string[] {
  const declared = new Set(Object.keys(pkg.dependencies ?? {}));
  const bare = specifiers.filter((s) => !s.startsWith(".") && !s.startsWith("/"));
  return [...new Set(bare.filter((s) => !isBuiltin(s) && !declared.has(packageOf(s))))].sort();
}
