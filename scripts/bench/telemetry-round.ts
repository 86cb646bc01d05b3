/**
 * One half of a round of the telemetry overhead bench, run as a child process
 * against the emulator suite its environment names: the flash sale (without
 * the naive baseline) or live stock, as argv[2] says, printed as one JSON
 * array of rows on stdout.
 */
import { requireEmulators } from "../lib/admin.js";
import { flashSale } from "./flash-sale.js";
import { liveStock } from "./live-stock.js";

requireEmulators();
const bench = { [flashSale.name]: flashSale, [liveStock.name]: liveStock }[process.argv[2] ?? ""];
if (!bench) throw new Error(`usage: telemetry-round.ts "${flashSale.name}"|"${liveStock.name}"`);
console.log(JSON.stringify(await bench.run()));
process.exit(0);
