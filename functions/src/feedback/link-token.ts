/**
 * Survey link tokens: `{expiresAtMs}.{base64url HMAC-SHA256}` over a string
 * that names their one purpose and order, so a token opens one survey until it
 * expires and is useless anywhere else. The key is a server secret.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

const PURPOSE = "showroom-survey-link-v1";

function signature(key: string, orderId: string, expiresAtMs: number): Buffer {
  return createHmac("sha256", key).update(`${PURPOSE}:${orderId}:${expiresAtMs}`).digest();
}

export function signSurveyToken(key: string, orderId: string, expiresAtMs: number): string {
  return `${expiresAtMs}.${signature(key, orderId, expiresAtMs).toString("base64url")}`;
}

export type TokenCheck = "valid" | "forged" | "expired";

/** Forged (wrong key, other order, altered expiry) is told apart from expired only after the signature checks out. */
export function checkSurveyToken(key: string, orderId: string, token: string, nowMs: number): TokenCheck {
  const [expiry, sig] = token.split(".");
  const expiresAtMs = Number(expiry);
  if (!Number.isSafeInteger(expiresAtMs) || sig === undefined) return "forged";
  const given = Buffer.from(sig, "base64url");
  const expected = signature(key, orderId, expiresAtMs);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "forged";
  return nowMs < expiresAtMs ? "valid" : "expired";
}
