/**
 * Receiving a shipment from a CSV (`sku,location,quantity`): validate every
 * row before anything is applied, so a file with one bad row changes nothing
 * and the preview can name each problem by its line number. The
 * `receiveShipment` callable re-checks the same rows on the server. Reading
 * the CSV text into records is the caller's (the console uses a real CSV
 * parser, which keeps quoted commas, quotes and newlines inside a field).
 */
import { SkuSchema } from "./catalog.js";
import { LocationCodeSchema, type Location } from "./locations.js";
import { MAX_RECEIPT_ROWS, MAX_STOCK_UNITS, type ReceiptRow } from "./contract.js";

export const RECEIVING_COLUMNS = ["sku", "location", "quantity"] as const;

/** One CSV record: its fields, and the 1-based line of the file it starts on (a quoted newline makes a record span lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export type ReceivingProblem = "format" | "unknown-sku" | "bad-number" | "duplicate" | "bad-location" | "bad-sku";

export interface ReceivingError {
  /** 1-based line in the file, as a spreadsheet shows it. */
  line: number;
  problem: ReceivingProblem;
  message: string;
  sku?: string;
}

export interface ReceivingPreview {
  /** Valid rows with their line numbers, in file order. */
  rows: (ReceiptRow & { line: number })[];
  errors: ReceivingError[];
  /** Total units the valid rows would add. */
  units: number;
}

/**
 * Validates a receiving CSV's records against the SKUs that exist. The header
 * row is required (columns in any order); blank records are ignored. A SKU may appear
 * once per location: a repeated pair is an error on the later line, since
 * summing silently would hide a typo.
 */
export function previewReceivingCsv(
  records: readonly CsvRecord[],
  knownSkus: { has(sku: string): boolean },
  /** The configured locations that take new stock (active ones); the server checks again. */
  knownLocations: readonly Location[],
): ReceivingPreview {
  const errors: ReceivingError[] = [];
  const rows: ReceivingPreview["rows"] = [];
  const filled = records.filter((r) => r.fields.some((f) => f.trim() !== "")).map((r) => ({ line: r.line, fields: r.fields.map((f) => f.trim()) }));
  const headerRecord = filled[0];
  if (!headerRecord) return { rows, errors: [{ line: 1, problem: "format", message: "The file is empty." }], units: 0 };

  const header = headerRecord.fields.map((h) => h.toLowerCase());
  const column = Object.fromEntries(RECEIVING_COLUMNS.map((name) => [name, header.indexOf(name)])) as Record<(typeof RECEIVING_COLUMNS)[number], number>;
  if (Object.values(column).some((i) => i === -1) || header.length !== RECEIVING_COLUMNS.length) {
    return {
      rows,
      errors: [{ line: headerRecord.line, problem: "format", message: `The first line must be the header "${RECEIVING_COLUMNS.join(",")}".` }],
      units: 0,
    };
  }

  const seen = new Map<string, number>();
  for (const { line, fields } of filled.slice(1)) {
    if (fields.length !== RECEIVING_COLUMNS.length) {
      errors.push({ line, problem: "format", message: `Expected 3 fields (sku,location,quantity), found ${fields.length}.` });
      continue;
    }
    const sku = fields[column.sku]!.toUpperCase();
    const location = fields[column.location]!.toLowerCase();
    const quantityText = fields[column.quantity]!;
    const fail = (problem: ReceivingProblem, message: string) => errors.push({ line, problem, message, ...(sku ? { sku } : {}) });

    if (!SkuSchema.safeParse(sku).success) {
      fail("bad-sku", `"${fields[column.sku]}" is not a SKU.`);
      continue;
    }
    if (!knownSkus.has(sku)) {
      fail("unknown-sku", `Unknown SKU ${sku}.`);
      continue;
    }
    if (!LocationCodeSchema.safeParse(location).success || !knownLocations.includes(location)) {
      fail("bad-location", `Unknown location "${fields[column.location]}" (use ${knownLocations.join(", ")}).`);
      continue;
    }
    const quantity = /^\d+$/.test(quantityText) ? Number(quantityText) : Number.NaN;
    if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_STOCK_UNITS) {
      fail("bad-number", `Quantity "${quantityText}" must be a whole number from 1 to ${MAX_STOCK_UNITS}.`);
      continue;
    }
    const key = `${sku}@${location}`;
    const first = seen.get(key);
    if (first !== undefined) {
      fail("duplicate", `${sku} at ${location} is already on line ${first}.`);
      continue;
    }
    seen.set(key, line);
    rows.push({ sku, location, quantity, line });
  }

  if (rows.length + errors.length === 0) errors.push({ line: headerRecord.line, problem: "format", message: "The file has a header but no rows." });
  if (rows.length > MAX_RECEIPT_ROWS) {
    errors.push({ line: rows[MAX_RECEIPT_ROWS]!.line, problem: "format", message: `At most ${MAX_RECEIPT_ROWS} rows per receipt; split the file.` });
  }
  return { rows, errors, units: rows.reduce((sum, r) => sum + r.quantity, 0) };
}

/** Every well-formed SKU a receiving CSV names, once: the preview needs to know only whether these exist. */
export function receivingCsvSkus(records: readonly CsvRecord[]): string[] {
  const preview = previewReceivingCsv(records, { has: () => true }, []);
  const named = [...preview.rows.map((r) => r.sku), ...preview.errors.flatMap((e) => (e.sku && e.problem !== "bad-sku" ? [e.sku] : []))];
  return [...new Set(named)];
}
