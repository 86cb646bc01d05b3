/**
 * Calls the real callables over their HTTP protocol (what the web SDK sends).
 * Shoppers' ID tokens are made up front, the way the Auth emulator makes them
 * (unsigned, `alg: none`; the emulated runtime checks everything but the
 * signature). No account is created, so hundreds of shoppers do not also fire
 * every auth trigger in the codebase — sign-in is not what a bench measures.
 */
import { randomUUID } from "node:crypto";
import { emulatorAppCheckToken } from "@showroom/model";

const PROJECT = process.env.GCLOUD_PROJECT ?? "demo-showroom";
const functionsOrigin = () => process.env.FUNCTIONS_EMULATOR_ORIGIN ?? "http://127.0.0.1:5001";

export type CallResult = { ok: true; data: unknown; ms: number } | { ok: false; status: string; reason?: string; message: string; ms: number };

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** An emulator ID token for a new uid: anonymous, or signed in with a role claim. */
export function emulatorToken(claims: { role?: "staff" | "admin" } = {}): string {
  const uid = `bench-${randomUUID().replaceAll("-", "").slice(0, 20)}`;
  const now = Math.floor(Date.now() / 1000);
  const provider = claims.role ? "password" : "anonymous";
  return `${base64url({ alg: "none", typ: "JWT" })}.${base64url({
    iss: `https://securetoken.google.com/${PROJECT}`,
    aud: PROJECT,
    auth_time: now,
    user_id: uid,
    sub: uid,
    iat: now,
    exp: now + 3600,
    ...claims,
    firebase: { identities: {}, sign_in_provider: provider },
  })}.`;
}

/** Calls `name` as the web app would, with an App Check token (callables enforce it on the emulators) unless `appCheck: false`. */
export async function call(name: string, token: string | null, data: unknown, options: { appCheck?: boolean } = {}): Promise<CallResult> {
  const started = performance.now();
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.appCheck !== false) headers["x-firebase-appcheck"] = emulatorAppCheckToken().token;
  try {
    const response = await fetch(`${functionsOrigin()}/${PROJECT}/us-central1/${name}`, {
      method: "POST",
      headers,
      body: JSON.stringify({ data }),
      signal: AbortSignal.timeout(180_000),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    const json = (text ? JSON.parse(text) : {}) as { result?: unknown; error?: { status: string; message: string; details?: { reason?: string } } };
    if (json.error || !response.ok)
      return {
        ok: false,
        status: json.error?.status ?? `HTTP ${response.status}`,
        reason: json.error?.details?.reason,
        message: json.error?.message ?? text.slice(0, 200),
        ms,
      };
    return { ok: true, data: json.result, ms };
  } catch (error) {
    return { ok: false, status: "NETWORK", message: String(error), ms: performance.now() - started };
  }
}
