import { describe, expect, it } from "vitest";
import { DAY_MS, SITE_QUESTION_COOLDOWN_DAYS } from "@showroom/model";
import { decideSiteAnswer, heardAnswerId, type SiteQuestionState } from "./decide.js";

const nowMs = 100 * DAY_MS;
const soldOut: SiteQuestionState = {
  input: { kind: "sold-out", sku: "SOFA-1", needBy: "within-a-month", instead: "wait" },
  callerUid: "alice",
  nowMs,
  lastAskedAtMs: undefined,
  stock: { productId: "p1", status: "out_of_stock" },
};
const heard: SiteQuestionState = {
  input: { kind: "heard-about-us", orderId: "o1", source: "friend" },
  callerUid: "alice",
  nowMs,
  lastAskedAtMs: undefined,
  order: { uid: "alice" },
  orderAnswered: false,
};

describe("decideSiteAnswer", () => {
  it("stores a sold-out answer and counts it and each choice on the SKU's demand signal", () => {
    expect(decideSiteAnswer(soldOut, "a1")).toEqual({
      kind: "accepted",
      question: "sold-out",
      outcome: "answered",
      answer: {
        id: "a1",
        data: { question: "sold-out", uid: "alice", sku: "SOFA-1", productId: "p1", status: "out_of_stock", needBy: "within-a-month", instead: "wait" },
      },
      bumps: [
        {
          collection: "demandSignals",
          id: "SOFA-1",
          fields: { sku: "SOFA-1", productId: "p1" },
          increments: ["answers", "needBy.within-a-month", "instead.wait"],
        },
      ],
      nextAskAtMs: nowMs + SITE_QUESTION_COOLDOWN_DAYS * DAY_MS,
    });
  });

  it("asks on backorder pages too, and refuses an SKU that is sellable or unknown", () => {
    expect(decideSiteAnswer({ ...soldOut, stock: { productId: "p1", status: "backorder" } }, "a1")).toMatchObject({ kind: "accepted" });
    expect(decideSiteAnswer({ ...soldOut, stock: { productId: "p1", status: "in_stock" } }, "a1")).toMatchObject({
      kind: "rejected",
      code: "failed-precondition",
      details: { reason: "not-sold-out" },
    });
    expect(decideSiteAnswer({ ...soldOut, stock: undefined }, "a1")).toMatchObject({ kind: "rejected", code: "not-found", details: { reason: "unknown-sku" } });
  });

  it(`asks a visitor at most once per ${SITE_QUESTION_COOLDOWN_DAYS} days, whichever question and whether answered or dismissed`, () => {
    const justBefore = nowMs - SITE_QUESTION_COOLDOWN_DAYS * DAY_MS + 1;
    for (const state of [soldOut, heard, { ...soldOut, input: { kind: "dismissed" as const, question: "sold-out" as const } }]) {
      expect(decideSiteAnswer({ ...state, lastAskedAtMs: justBefore }, "a1")).toMatchObject({ kind: "rejected", details: { reason: "asked-recently" } });
      expect(decideSiteAnswer({ ...state, lastAskedAtMs: justBefore - 1 }, "a1")).toMatchObject({ kind: "accepted" });
    }
  });

  it("records a dismissal without an answer or a count", () => {
    expect(decideSiteAnswer({ ...soldOut, input: { kind: "dismissed", question: "heard-about-us" } }, "a1")).toMatchObject({
      kind: "accepted",
      question: "heard-about-us",
      outcome: "dismissed",
      answer: null,
      bumps: [],
    });
  });

  it("takes one after-checkout answer per order, from its buyer only", () => {
    expect(decideSiteAnswer(heard, "ignored")).toMatchObject({
      kind: "accepted",
      answer: { id: heardAnswerId("o1"), data: { question: "heard-about-us", orderId: "o1", source: "friend" } },
      bumps: [{ collection: "siteQuestionTotals", id: "heard-about-us", increments: ["answers", "sources.friend"] }],
    });
    expect(decideSiteAnswer({ ...heard, callerUid: "bob" }, "x")).toMatchObject({ kind: "rejected", details: { reason: "not-your-order" } });
    expect(decideSiteAnswer({ ...heard, order: undefined }, "x")).toMatchObject({ kind: "rejected", details: { reason: "unknown-order" } });
    expect(decideSiteAnswer({ ...heard, orderAnswered: true }, "x")).toMatchObject({ kind: "rejected", details: { reason: "already-answered" } });
  });
});
