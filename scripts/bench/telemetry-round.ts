/**
 * One round of the telemetry overhead bench, run as a child process against
 * the emulator suite its environment names: the flash sale (without the naive
 * baseline) and live stock, printed as one JSON array of rows on stdout.
 */
import { requireEmulators } from "../lib/admin.js";
import { flashSale } from "./flash-sale.js";
import { liveStock } from "./live-stock.js";

requireEmulators();
const rows = [...(await flashSale.run()), ...(await liveStock.run())];
console.log(JSON.stringify(rows));
process.exit(0);
