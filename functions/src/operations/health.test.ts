import { describe, expect, it } from "vitest";
import { checkHealth } from "./health.js";

describe("checkHealth", () => {
  it("answers 200 with the reconcile's last run after a read", async () => {
    const answer = await checkHealth(async () => ({ lastRunAtMs: Date.UTC(2026, 0, 2) }));
    expect(answer).toMatchObject({ status: 200, body: { ok: true, firestore: "ok", reconcileLastRunAt: "2026-01-02T00:00:00.000Z" } });
  });

  it("answers 503 when the read fails", async () => {
    const answer = await checkHealth(() => Promise.reject(new Error("UNAVAILABLE")));
    expect(answer).toMatchObject({ status: 503, body: { ok: false, firestore: "unreachable" } });
  });

  it("answers 503 when the read hangs past the limit", async () => {
    const answer = await checkHealth(() => new Promise(() => undefined), 50);
    expect(answer).toMatchObject({ status: 503, body: { ok: false, firestore: "unreachable" } });
  });
});
