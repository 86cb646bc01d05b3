/**
 * CSV text → records, with a real parser (papaparse): quoted fields keep their
 * commas, doubled quotes and newlines, which a line-by-line split breaks. Only
 * the receiving page imports this, so the parser loads with that lazy chunk.
 */
import Papa from "papaparse";
import type { CsvRecord } from "@showroom/model";

export function readCsv(text: string): CsvRecord[] {
  // One line ending for the whole file (the parser detects a single one); a BOM is not data.
  const normalized = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const records: CsvRecord[] = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(normalized, {
    newline: "\n",
    step: (row) => {
      records.push({ line, fields: row.data });
      // The next record starts where this one ended: count the newlines it spanned, quoted ones included.
      for (let i = start; i < row.meta.cursor; i += 1) if (normalized[i] === "\n") line += 1;
      start = row.meta.cursor;
    },
  });
  return records;
}
