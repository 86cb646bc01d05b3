/**
 * One HTTP attempt: POST the body with the signed headers, wait at most the
 * timeout (for the answer and its body), never follow redirects (a redirect
 * could point anywhere, including at internal addresses), keep the first
 * bytes of the answer.
 */
import { WEBHOOK_RESPONSE_SNIPPET_CHARS } from "@showroom/model";
import type { SignedHeaders } from "./secrets.js";

export interface AttemptOutcome {
  status: number | null;
  latencyMs: number;
  responseSnippet: string;
  error: string | null;
}

export async function postWebhook(
  url: string,
  body: string,
  headers: SignedHeaders & { "x-showroom-request-id": string; traceparent?: string },
  timeoutMs: number,
): Promise<AttemptOutcome> {
  const started = Date.now();
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "user-agent": "Showroom-Webhooks/1", ...headers },
      redirect: "manual",
      signal,
    });
    const text = await response.text().catch(() => "");
    return { status: response.status, latencyMs: Date.now() - started, responseSnippet: text.slice(0, WEBHOOK_RESPONSE_SNIPPET_CHARS), error: null };
  } catch (error) {
    const timedOut = signal.aborted;
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    const message = timedOut ? `No answer within ${timeoutMs / 1000} s` : `${error instanceof Error ? error.message : String(error)}${cause}`;
    return { status: null, latencyMs: Date.now() - started, responseSnippet: "", error: message.slice(0, 300) };
  }
}
