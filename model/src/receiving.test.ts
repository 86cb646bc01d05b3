import { describe, expect, it } from "vitest";
import { MAX_RECEIPT_ROWS, ReceiveShipmentInputSchema } from "./contract.js";
import { previewReceivingCsv as previewRecords, receivingCsvSkus as skusOfRecords, type CsvRecord } from "./receiving.js";

const known = new Set(["SOF-ALBA-GREEN", "CHR-OAK", "LMP-ARC"]);

/** Plain files only (no quotes): reading real CSV is the console's, tested with its parser in web/src/features/inventory/api/read-csv.test.ts. */
const records = (text: string): CsvRecord[] => text.split("\n").map((l, i) => ({ line: i + 1, fields: l.split(",") }));
const previewReceivingCsv = (text: string, skus: { has(sku: string): boolean }) => previewRecords(records(text), skus, ["main", "east"]);
const receivingCsvSkus = (text: string) => skusOfRecords(records(text));

describe("previewReceivingCsv", () => {
  it("accepts a good file and totals its units", () => {
    const preview = previewReceivingCsv("sku,location,quantity\nSOF-ALBA-GREEN,main,4\nCHR-OAK,east,10\n", known);
    expect(preview.errors).toEqual([]);
    expect(preview.rows).toEqual([
      { sku: "SOF-ALBA-GREEN", location: "main", quantity: 4, line: 2 },
      { sku: "CHR-OAK", location: "east", quantity: 10, line: 3 },
    ]);
    expect(preview.units).toBe(14);
  });

  it("names an unknown SKU by its line", () => {
    const preview = previewReceivingCsv("sku,location,quantity\nCHR-OAK,main,1\nNOPE-123,main,2\n", known);
    expect(preview.errors).toEqual([{ line: 3, problem: "unknown-sku", sku: "NOPE-123", message: "Unknown SKU NOPE-123." }]);
    expect(preview.rows).toHaveLength(1);
  });

  it.each([
    ["0", "zero"],
    ["-2", "negative"],
    ["2.5", "fraction"],
    ["ten", "words"],
    ["", "empty"],
    ["1000001", "too many"],
  ])("rejects the quantity %j (%s) as a bad number", (quantity) => {
    const preview = previewReceivingCsv(`sku,location,quantity\nCHR-OAK,main,${quantity}\n`, known);
    expect(preview.errors.map((e) => [e.line, e.problem])).toEqual([[2, "bad-number"]]);
    expect(preview.rows).toEqual([]);
  });

  it("rejects a repeated SKU and location on the later line, naming the first", () => {
    const preview = previewReceivingCsv("sku,location,quantity\nCHR-OAK,main,1\nCHR-OAK,east,1\nchr-oak,main,5\n", known);
    expect(preview.errors).toEqual([{ line: 4, problem: "duplicate", sku: "CHR-OAK", message: "CHR-OAK at main is already on line 2." }]);
    expect(preview.rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it("rejects an unknown location and a malformed SKU", () => {
    const preview = previewReceivingCsv("sku,location,quantity\nCHR-OAK,west,1\nchr oak!,main,1\n", known);
    expect(preview.errors.map((e) => [e.line, e.problem])).toEqual([
      [2, "bad-location"],
      [3, "bad-sku"],
    ]);
  });

  it("rejects a missing header, a wrong field count, an empty file and a header without rows", () => {
    expect(previewReceivingCsv("CHR-OAK,main,1\n", known).errors[0]).toMatchObject({ line: 1, problem: "format" });
    expect(previewReceivingCsv("sku,location,quantity\nCHR-OAK,main\n", known).errors[0]).toMatchObject({ line: 2, problem: "format" });
    expect(previewReceivingCsv("  \n", known).errors[0]).toMatchObject({ problem: "format", message: "The file is empty." });
    expect(previewReceivingCsv("sku,location,quantity\n", known).errors[0]).toMatchObject({ problem: "format" });
  });

  it("rejects a file with more rows than one receipt may apply", () => {
    const skus = Array.from({ length: MAX_RECEIPT_ROWS + 1 }, (_, i) => `SKU-${i}`);
    const text = ["sku,location,quantity", ...skus.map((s) => `${s},main,1`)].join("\n");
    const preview = previewReceivingCsv(text, new Set(skus));
    expect(preview.errors).toEqual([expect.objectContaining({ line: MAX_RECEIPT_ROWS + 2, problem: "format" })]);
  });

  it("produces rows the receiveShipment schema accepts", () => {
    const preview = previewReceivingCsv("sku,location,quantity\nSOF-ALBA-GREEN,main,4\nSOF-ALBA-GREEN,east,1\n", known);
    const input = { receiptId: "receipt-0001", rows: preview.rows.map(({ sku, location, quantity }) => ({ sku, location, quantity })) };
    expect(ReceiveShipmentInputSchema.safeParse(input).success).toBe(true);
    expect(ReceiveShipmentInputSchema.safeParse({ ...input, rows: [input.rows[0], input.rows[0]] }).success).toBe(false);
  });
});

describe("receivingCsvSkus", () => {
  it("names each well-formed SKU once, upper-cased, from good and bad rows alike", () => {
    const text = "sku,location,quantity\nchr-oak,main,1\nCHR-OAK,east,2\nNOPE-123,west,1\nLMP-ARC,main,zero\nnot a sku!,main,1\nCHR-OAK,main\n";
    expect(receivingCsvSkus(text)).toEqual(["CHR-OAK", "NOPE-123", "LMP-ARC"]);
  });
});
