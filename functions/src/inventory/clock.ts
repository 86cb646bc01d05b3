/**
 * Server time for stock decisions. In the Functions emulator only, tests may
 * move the clock forward with `config/testClock { offsetMs }` (hold expiry is
 * tested that way); deployed code never reads that document.
 */
import type { DocumentReference, DocumentSnapshot, Firestore } from "firebase-admin/firestore";
import { config } from "../config.js";

export const TEST_CLOCK_PATH = "config/testClock";

/** The test clock document to read, or null when there is none (everywhere but the emulator). */
export const testClockRef = (db: Firestore): DocumentReference | null => (config.emulator ? db.doc(TEST_CLOCK_PATH) : null);

/** Now, moved by the test clock's offset when its snapshot was read. */
export function clockTime(testClock: DocumentSnapshot | undefined): number {
  const offset = testClock?.get("offsetMs");
  return Date.now() + (typeof offset === "number" ? offset : 0);
}

/** For callers outside the stock engine's transaction: one read of the test clock, if any. */
export function stockClock(db: Firestore): () => Promise<number> {
  const ref = testClockRef(db);
  return async () => clockTime(ref ? await ref.get() : undefined);
}
