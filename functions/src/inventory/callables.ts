/** holdCart, releaseHold, adjustStock: each one request to the stock engine. */
import { Collections, type HoldCartOutput } from "@showroom/model";
import { db } from "../app.js";
import { config } from "../config.js";
import { defineCallable } from "../shared/callable.js";
import { enforceRateLimit } from "../shared/rate-limit.js";
import type { AdjustStockAnswer } from "./decide.js";
import { newId, submitStock } from "./engine.js";

/** Best effort: republish the SKUs when the hold lapses (the scheduled sweep is the backstop). */
function republishWhenExpired(holdId: string, skus: string[], expiresAt: string): void {
  const delay = Math.max(0, Date.parse(expiresAt) - Date.now()) + 250;
  setTimeout(() => void submitStock({ kind: "sweep", skus, holdIds: [holdId] }).catch(() => {}), delay).unref();
}

export const holdCartCallable = defineCallable("holdCart", async (input, caller) => {
  await enforceRateLimit(db(), caller.uid, "holdCart", config.rateLimits.holdCart);
  const holdId = newId(Collections.holds);
  const answer = await submitStock<HoldCartOutput>({ kind: "holdCart", actor: caller, holdId, input });
  republishWhenExpired(
    holdId,
    input.lines.map((l) => l.sku),
    answer.expiresAt,
  );
  return answer;
});

export const releaseHoldCallable = defineCallable("releaseHold", (input, caller) =>
  submitStock<{ holdId: string; released: true }>({ kind: "releaseHold", actor: caller, input }),
);

export const adjustStockCallable = defineCallable("adjustStock", (input, caller) =>
  submitStock<AdjustStockAnswer>({ kind: "adjustStock", actor: caller, input }),
);
