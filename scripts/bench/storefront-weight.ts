/**
 * Storefront weight (DESIGN): the production build's JavaScript that must load
 * before the catalog's first products paint, gzipped. That is the entry script
 * in dist/index.html plus every chunk it imports statically (recursively);
 * dynamically imported chunks (the live SDK, other routes) load after paint.
 * The product page (issue 14: with the verified buyers' rating) is a lazy
 * route, so before it paints come those chunks plus its own chunk and the
 * chunks that one imports statically (found through Vite's build manifest).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { round, type BenchModule, type Row } from "./types.js";

const TARGET_KB = 120;
const DIST = path.resolve("web/dist");

/** Static `import … from "./x.js"` / `import "./x.js"` / `export … from "./x.js"` (not `import()`). */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g)) {
    if (m[1]) found.add(m[1]);
  }
  return [...found];
}

/** The entry scripts and modulepreloads of index.html (plus `extra` chunks, relative to dist), then their static imports, as absolute paths. */
export function criticalChunks(dist: string, extra: string[] = []): string[] {
  const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
  const queue = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map(
      (m) => m[1] ?? "",
    ),
    ...extra,
  ].map((file) => path.join(dist, file));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of staticImports(fs.readFileSync(file, "utf8"))) queue.push(path.resolve(path.dirname(file), spec));
  }
  return [...seen];
}

/** The chunk Vite built for a source module (`.vite/manifest.json`, written with `build.manifest`). */
export function chunkOf(dist: string, source: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, ".vite", "manifest.json"), "utf8")) as Record<string, { file: string }>;
  const entry = manifest[source];
  if (!entry) throw new Error(`No chunk for ${source} in the build manifest`);
  return entry.file;
}

function weightRow(variant: string, files: string[]): Row {
  const raw = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  const gzipKb = files.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length, 0) / 1024;
  return {
    bench: "storefront weight",
    variant,
    chunks: files.length,
    "raw KB": round(raw / 1024, 1),
    "gzip KB": round(gzipKb, 1),
    "target KB": TARGET_KB,
    pass: gzipKb <= TARGET_KB ? "yes" : "NO",
    note: files.map((f) => path.basename(f)).join(" "),
  };
}

export const storefrontWeight: BenchModule = {
  name: "storefront weight",
  async run(): Promise<Row[]> {
    execFileSync("npm", ["run", "build", "-w", "web", "--", "--manifest"], { stdio: ["ignore", "ignore", "inherit"] });
    const productPage = chunkOf(DIST, "src/features/product/components/product-page.tsx");
    return [
      weightRow("catalog route, JS before first paint", criticalChunks(DIST)),
      weightRow("product route (with the buyers' rating), JS before first paint", criticalChunks(DIST, [productPage])),
    ];
  },
};

// `tsx scripts/bench/storefront-weight.ts`: this bench alone (it needs no emulators).
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await storefrontWeight.run());
}
