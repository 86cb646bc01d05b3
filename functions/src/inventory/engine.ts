/**
 * The instance's single writer for stock: every stock-changing callable submits
 * here, and one flush at a time commits all pending requests in one transaction.
 */
import { HttpsError } from "firebase-functions/https";
import { db } from "../app.js";
import { config } from "../config.js";
import { stockBatchCommitted, stockBatchFailed } from "../logs.js";
import { GroupCommitter } from "./batcher.js";
import { writeWeight, type Outcome, type Rejection, type StockAnswer, type StockRequest } from "./decide.js";
import { runStockBatch } from "./store.js";

export function runBatch(requests: StockRequest[]): Promise<Outcome[]> {
  const started = Date.now();
  return runStockBatch(db(), requests, config.holdLimits).then(
    (outcomes) => {
      stockBatchCommitted(requests.length, Date.now() - started);
      return outcomes;
    },
    (error: unknown) => {
      stockBatchFailed(requests.length, error);
      throw error;
    },
  );
}

let committer: GroupCommitter<StockRequest, Outcome> | undefined;

/** The HttpsError a pure decision's refusal maps to. */
export const httpsErrorOf = (rejection: Rejection) => new HttpsError(rejection.code, rejection.message, rejection.details);

/** An answer to the caller, or the HttpsError a rejection maps to. */
export function unwrap<T extends StockAnswer>(outcome: Outcome): T {
  if (outcome.ok) return outcome.value as T;
  if ("rejection" in outcome) throw httpsErrorOf(outcome.rejection);
  throw outcome.error;
}

export async function submitStock<T extends StockAnswer>(request: StockRequest): Promise<T> {
  committer ??= new GroupCommitter(runBatch, {
    maxRequests: config.stockBatchMaxRequests,
    maxWeight: config.stockBatchMaxWrites,
    weight: writeWeight,
  });
  return unwrap<T>(await committer.submit(request));
}

export const newId = (collection: string) => db().collection(collection).doc().id;
