/**
 * REST stock writes go through the stock engine like every callable: items
 * are cut into chunks (each one engine request, so one group commit holds it),
 * and each chunk's answer is stored under the key's `Idempotency-Key` in the
 * same transaction as its changes. The first chunk goes alone: if the key was
 * used with another body it answers 422 before any other chunk is looked at.
 */
import { createHash } from "node:crypto";
import type { ApiStockItem, ItemResult } from "@showroom/model";
import { config } from "../config.js";
import type { ApiStockAnswer } from "../inventory/decide-api.js";
import { submitStock } from "../inventory/engine.js";
import { apiCaller, type ApiClient } from "./keys.js";
import { ApiProblem } from "./problem.js";

export const bodyHashOf = (body: Buffer) => createHash("sha256").update(body).digest("hex");

export interface AppliedItems {
  results: ItemResult[];
  /** True when every chunk was answered from storage: nothing was applied this time. */
  replayed: boolean;
}

function chunksOf<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export async function applyItems(client: ApiClient, idempotencyKey: string, bodyHash: string, items: ApiStockItem[]): Promise<AppliedItems> {
  const actor = apiCaller(client);
  const submit = (chunk: ApiStockItem[], index: number) =>
    submitStock<ApiStockAnswer>({
      kind: "apiStock",
      actor,
      keyId: client.keyId,
      replayId: `${client.keyId}_${idempotencyKey}_${index}`,
      bodyHash,
      items: chunk,
    });
  const [first = [], ...rest] = chunksOf(items, config.apiItemsPerChunk);
  const answers = [await submit(first, 0)];
  answers.push(...(await Promise.all(rest.map((chunk, i) => submit(chunk, i + 1)))));
  const results: ItemResult[] = [];
  for (const answer of answers) {
    if ("keyReused" in answer)
      throw new ApiProblem(422, "idempotency-key-reused", "This Idempotency-Key was used with another request body in the last 24 hours.");
    results.push(...answer.answer.items);
  }
  return { results, replayed: answers.every((a) => "replayed" in a && a.replayed) };
}
