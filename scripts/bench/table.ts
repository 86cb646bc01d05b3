/** Rows as a plain-text table, one column per key any row has. */
import type { Row } from "./types.js";

export function table(rows: Row[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cells = rows.map((r) => columns.map((c) => (r[c] === null || r[c] === undefined ? "" : String(r[c]))));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => (row[i] ?? "").length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i] ?? 0)).join(" | ");
  return [line(columns), widths.map((w) => "-".repeat(w)).join("-|-"), ...cells.map(line)].join("\n");
}
