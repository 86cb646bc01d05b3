/**
 * A stats write that fails or hangs must never fail or hold up the call. Both
 * cases use a real Admin SDK client: one write Firestore's own validation
 * refuses, and one aimed at a port where no Firestore listens (it retries
 * until its deadline). The writes that land are in
 * tests/integration/operations-health.test.ts.
 */
import { afterAll, describe, expect, it } from "vitest";
import { Firestore } from "firebase-admin/firestore";
import { recordCallableAnswer } from "./minute-stats.js";

// Port 9 (discard): nothing answers there on this machine or in CI.
const unreachable = new Firestore({ projectId: "demo-showroom", host: "127.0.0.1", port: 9, ssl: false });
// Not awaited: terminate waits for the pending write, which retries until its own deadline.
afterAll(() => void unreachable.terminate().catch(() => undefined));

describe("recordCallableAnswer", () => {
  it("swallows a write Firestore refuses", async () => {
    // An empty field name is refused by the SDK before anything is sent.
    await expect(recordCallableAnswer("", "ok", Date.now(), { firestore: unreachable, waitMs: 5_000 })).resolves.toBeUndefined();
  });

  it("waits no longer than its limit for a write that does not finish", async () => {
    const started = Date.now();
    await expect(recordCallableAnswer("placeOrder", "ok", started, { firestore: unreachable, waitMs: 200 })).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});
