/**
 * The instance's single writer for stock: every stock-changing callable submits
 * here, and one flush at a time commits all pending requests in one transaction.
 */
import { HttpsError } from "firebase-functions/https";
import { db } from "../app.js";
import { config } from "../config.js";
import { stockBatchCommitted, stockBatchFailed } from "../logs.js";
import { currentTraceparent, inSpan } from "../operations/tracing.js";
import { SpanAttributes } from "../operations/span-record.js";
import { traceIdOf } from "../operations/traceparent.js";
import { GroupCommitter } from "../shared/group-commit.js";
import { writeWeight, type Outcome, type Rejection, type StockAnswer, type StockRequest } from "./decide.js";
import { runStockBatch } from "./store.js";
import { relayAfterCommit } from "../events/instance-relay.js";

/**
 * One group commit serves many requests, each with its own trace: the batch
 * gets a span of its own (a new trace) that links every request's, and its
 * log line lists their trace ids.
 */
export function runBatch(requests: StockRequest[]): Promise<Outcome[]> {
  const traceparents = requests.flatMap((r) => (r.traceparent ? [r.traceparent] : []));
  const traceIds = traceparents.flatMap((header) => traceIdOf(header) ?? []);
  const attributes = { [SpanAttributes.requests]: requests.length, [SpanAttributes.traceIds]: traceIds };
  return inSpan("inventory.stock_batch", { parent: null, links: traceparents, attributes }, () => {
    const started = Date.now();
    return runStockBatch(db(), requests, config.holdLimits).then(
      ({ outcomes, subjects }) => {
        stockBatchCommitted(requests.length, Date.now() - started, traceIds);
        relayAfterCommit(subjects);
        return outcomes;
      },
      (error: unknown) => {
        stockBatchFailed(requests.length, error);
        throw error;
      },
    );
  });
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
  const traceparent = currentTraceparent();
  return unwrap<T>(await committer.submit(traceparent ? { ...request, traceparent } : request));
}

export const newId = (collection: string) => db().collection(collection).doc().id;
