import { describe, expect, it } from "vitest";
import { DAY_MS, FEEDBACK_EDIT_DAYS, FEEDBACK_RATE_LIMIT, type Order } from "@showroom/model";
import { decideSubmission, type SubmissionState } from "./decide.js";

const order = { uid: "alice", status: "delivered", lines: [{ sku: "SOFA-1", productId: "p1" }] } as unknown as Order;
const base: SubmissionState = {
  input: { orderId: "o1", nps: 9, lines: [{ sku: "SOFA-1", rating: 4 }] },
  via: "account",
  callerUid: "alice",
  order,
  prior: undefined,
  window: undefined,
  nowMs: 1_000_000,
};

describe("decideSubmission", () => {
  it("accepts the buyer's first answer with its product contribution", () => {
    expect(decideSubmission(base)).toMatchObject({
      kind: "accepted",
      added: [{ productId: "p1", rating: 4 }],
      removed: [],
      firstSubmittedAtMs: 1_000_000,
      followUp: [],
    });
  });

  it("lets a link holder answer for the buyer, and refuses another account", () => {
    expect(decideSubmission({ ...base, via: "link", callerUid: "guest" })).toMatchObject({ kind: "accepted", answer: { uid: "alice", via: "link" } });
    expect(decideSubmission({ ...base, callerUid: "bob" })).toMatchObject({ kind: "rejected", details: { reason: "not-your-order" } });
  });

  it("replaces an earlier answer only with edit: true and within the edit window", () => {
    const prior = { lines: [{ sku: "SOFA-1", productId: "p1", rating: 1 }], firstSubmittedAtMs: 0, edits: 0 };
    expect(decideSubmission({ ...base, prior })).toMatchObject({ kind: "rejected", details: { reason: "already-answered" } });
    expect(decideSubmission({ ...base, prior, input: { ...base.input, edit: true } })).toMatchObject({
      kind: "accepted",
      removed: [{ productId: "p1", rating: 1 }],
      firstSubmittedAtMs: 0,
      answer: { edits: 1 },
    });
    expect(decideSubmission({ ...base, prior, input: { ...base.input, edit: true }, nowMs: FEEDBACK_EDIT_DAYS * DAY_MS + 1 })).toMatchObject({
      kind: "rejected",
      details: { reason: "edit-window-closed" },
    });
  });

  it("refuses undelivered orders, SKUs not on the order and a full rate window", () => {
    expect(decideSubmission({ ...base, order: { ...order, status: "fulfilled" } })).toMatchObject({ kind: "rejected", details: { reason: "not-delivered" } });
    expect(decideSubmission({ ...base, input: { orderId: "o1", lines: [{ sku: "LAMP-9", rating: 3 }] } })).toMatchObject({
      kind: "rejected",
      details: { reason: "sku-not-in-order" },
    });
    expect(decideSubmission({ ...base, window: { windowStartMs: base.nowMs, count: FEEDBACK_RATE_LIMIT.max } })).toMatchObject({
      kind: "rejected",
      code: "resource-exhausted",
    });
  });

  it("asks for a follow-up on a detractor score or a mismatch", () => {
    expect(decideSubmission({ ...base, input: { orderId: "o1", nps: 6, lines: [{ sku: "SOFA-1", rating: 2, matchesPhotos: false }] } })).toMatchObject({
      followUp: ["detractor", "mismatch"],
    });
  });
});
