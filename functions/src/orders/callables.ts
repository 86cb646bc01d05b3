/** placeOrder and cancelOrder go through the stock engine: stock and order change in one transaction. */
import { Collections, PlaceOrderInputSchema, type PlaceOrderOutput } from "@showroom/model";
import { onCall } from "firebase-functions/https";
import { config } from "../config.js";
import { db } from "../app.js";
import { callerOf, defineCallable, parseInput } from "../shared/callable.js";
import { enforceRateLimit } from "../shared/rate-limit.js";
import { newId, runBatch, submitStock, unwrap } from "../inventory/engine.js";

export const placeOrderCallable = defineCallable("placeOrder", async (input, caller) => {
  await enforceRateLimit(db(), caller.uid, "placeOrder", config.rateLimits.placeOrder);
  return submitStock<PlaceOrderOutput>({ kind: "placeOrder", actor: caller, orderId: newId(Collections.orders), input });
});

export const cancelOrderCallable = defineCallable("cancelOrder", (input, caller) =>
  submitStock<{ orderId: string; status: "cancelled" }>({ kind: "cancelOrder", actor: caller, input }),
);

/**
 * The benchmark's baseline: the same decision, but one plain transaction per
 * call (no group commit). Exported only inside the Functions emulator.
 */
export const benchNaivePlaceOrderCallable = config.emulator
  ? onCall({ region: config.region, concurrency: config.callableConcurrency }, async (request) => {
      const caller = callerOf(request, "signed-in");
      const input = parseInput(PlaceOrderInputSchema, request.data);
      const [outcome] = await runBatch([{ kind: "placeOrder", actor: caller, orderId: newId(Collections.orders), input }]);
      if (!outcome) throw new Error("no outcome");
      return unwrap<PlaceOrderOutput>(outcome);
    })
  : undefined;
