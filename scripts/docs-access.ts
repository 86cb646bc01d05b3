/** `npm run docs:access`: writes docs/access.md from the access matrix the rules tests assert; `-- --check` only compares. */
import fs from "node:fs";
import { renderAccessDoc } from "../tests/rules/render-access.js";

const ACCESS_DOC = "docs/access.md";

const expected = renderAccessDoc();
if (process.argv.includes("--check")) {
  const current = fs.existsSync(ACCESS_DOC) ? fs.readFileSync(ACCESS_DOC, "utf8") : "";
  if (current !== expected) {
    console.error(`${ACCESS_DOC} is out of date: run \`npm run docs:access\`.`);
    process.exit(1);
  }
  console.log(`${ACCESS_DOC} matches the access matrix.`);
} else {
  fs.mkdirSync("docs", { recursive: true });
  fs.writeFileSync(ACCESS_DOC, expected);
  console.log(`Wrote ${ACCESS_DOC}.`);
}
