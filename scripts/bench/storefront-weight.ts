/**
 * Storefront weight (DESIGN): the production build's JavaScript that must load
 * before the catalog's first products paint, gzipped. That is the entry script
 * in dist/index.html plus every chunk it imports statically (recursively);
 * dynamically imported chunks (the live SDK, other routes) load after paint.
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

/** The entry scripts and modulepreloads of index.html, then their static imports, as absolute paths. */
export function criticalChunks(dist: string): string[] {
  const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
  const queue = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map(
    (m) => path.join(dist, m[1] ?? ""),
  );
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of staticImports(fs.readFileSync(file, "utf8"))) queue.push(path.resolve(path.dirname(file), spec));
  }
  return [...seen];
}

export const storefrontWeight: BenchModule = {
  name: "storefront weight",
  async run(): Promise<Row[]> {
    execFileSync("npm", ["run", "build", "-w", "web"], { stdio: ["ignore", "ignore", "inherit"] });
    const files = criticalChunks(DIST);
    const raw = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    const gzip = files.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length, 0);
    const gzipKb = gzip / 1024;
    return [
      {
        bench: "storefront weight",
        variant: "catalog route, JS before first paint",
        chunks: files.length,
        "raw KB": round(raw / 1024, 1),
        "gzip KB": round(gzipKb, 1),
        "target KB": TARGET_KB,
        pass: gzipKb <= TARGET_KB ? "yes" : "NO",
        note: files.map((f) => path.basename(f)).join(" "),
      },
    ];
  },
};

// `tsx scripts/bench/storefront-weight.ts`: this bench alone (it needs no emulators).
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await storefrontWeight.run());
}
