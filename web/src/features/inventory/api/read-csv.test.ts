import { describe, expect, it } from "vitest";
import { previewReceivingCsv, receivingCsvSkus } from "@showroom/model";
import { readCsv } from "./read-csv";

const known = new Set(["SOF-ALBA-GREEN", "CHR-OAK", "LMP-ARC"]);

describe("readCsv", () => {
  it("keeps commas and escaped quotes inside quoted fields", () => {
    expect(readCsv('a,"b, c","say ""hi"""')).toEqual([{ line: 1, fields: ["a", "b, c", 'say "hi"'] }]);
  });

  it("keeps a quoted newline inside its field, and numbers later records by the file's lines", () => {
    const text = 'sku,location,quantity\n"CHR-OAK","main\nwarehouse",1\nLMP-ARC,east,2\n';
    expect(readCsv(text)).toEqual([
      { line: 1, fields: ["sku", "location", "quantity"] },
      { line: 2, fields: ["CHR-OAK", "main\nwarehouse", "1"] },
      { line: 4, fields: ["LMP-ARC", "east", "2"] },
      { line: 5, fields: [""] },
    ]);
  });

  it("a receiving file with a quoted newline: the bad field is named on its own line, the next row stays valid", () => {
    const preview = previewReceivingCsv(readCsv('sku,location,quantity\nCHR-OAK,"main\nwarehouse",1\nLMP-ARC,east,2\n'), known, ["main", "east"]);
    expect(preview.errors).toEqual([expect.objectContaining({ line: 2, problem: "bad-location", sku: "CHR-OAK" })]);
    expect(preview.rows).toEqual([{ sku: "LMP-ARC", location: "east", quantity: 2, line: 4 }]);
  });

  it("reads columns in any order, CRLF, a BOM, quotes, case and blank lines", () => {
    const text = '\uFEFFQuantity,SKU,Location\r\n\r\n"3", chr-oak ,"MAIN"\r\n';
    const preview = previewReceivingCsv(readCsv(text), known, ["main", "east"]);
    expect(preview.errors).toEqual([]);
    expect(preview.rows).toEqual([{ sku: "CHR-OAK", location: "main", quantity: 3, line: 3 }]);
  });

  it("names the SKUs of a file whose quoted field spans lines", () => {
    expect(receivingCsvSkus(readCsv('sku,location,quantity\n"chr-oak",main,"1"\n"LMP-\nARC",east,2\n'))).toEqual(["CHR-OAK"]);
  });
});
