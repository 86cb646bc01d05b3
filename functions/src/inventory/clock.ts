/**
 * Server time for stock decisions. In the Functions emulator only, tests may
 * move the clock forward with `config/testClock { offsetMs }` (hold expiry is
 * tested that way); deployed code never reads that document.
 */
import type { Firestore } from "firebase-admin/firestore";
import { config } from "../config.js";

export const TEST_CLOCK_PATH = "config/testClock";

export function stockClock(db: Firestore): () => Promise<number> {
  if (!config.emulator) return async () => Date.now();
  return async () => {
    const offset = (await db.doc(TEST_CLOCK_PATH).get()).get("offsetMs");
    return Date.now() + (typeof offset === "number" ? offset : 0);
  };
}
