/**
 * `npm run trace -- <orderId|traceId>`: one request's path through the
 * functions, as a waterfall, from the spans the emulators wrote
 * (docs/operations.md, "Tracing"). Reads the trace file of
 * SHOWROOM_EMULATOR_SLOT (default 0, the one `npm start` uses), or SHOWROOM_TRACE_FILE.
 */
import fs from "node:fs";
import { parseSpanLines } from "../functions/src/operations/span-record.js";
import { parseSlot, traceFileForSlot } from "./emulators/config.js";
import { formatWaterfall, selectTrace } from "./trace/waterfall.js";

const query = process.argv.slice(2).find((arg) => arg !== "--");
if (!query) {
  console.error("usage: npm run trace -- <orderId|traceId>");
  process.exit(2);
}
const file = process.env.SHOWROOM_TRACE_FILE ?? traceFileForSlot(parseSlot(process.env.SHOWROOM_EMULATOR_SLOT));
if (!fs.existsSync(file)) {
  console.error(`No trace file at ${file}: start the emulators (npm start) and make a request first.`);
  process.exit(1);
}
const spans = selectTrace(parseSpanLines(fs.readFileSync(file, "utf8")), query);
if (spans.length === 0) {
  console.error(`No spans for ${query} in ${file}. Spans reach the file a moment after they end; is tracing off (SHOWROOM_TRACING=off)?`);
  process.exit(1);
}
console.log(formatWaterfall(spans, Number(process.env.COLUMNS ?? 120) > 140 ? 60 : 40).join("\n"));
