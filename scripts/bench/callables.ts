/**
 * Calls the real callables over their HTTP protocol (what the web SDK sends),
 * with ID tokens made up front from the Auth emulator: hundreds of shoppers
 * without hundreds of SDK instances, and sign-in is not what a bench measures.
 */
import { adminAuth } from "../lib/admin.js";

const PROJECT = process.env.GCLOUD_PROJECT ?? "demo-showroom";
const authBase = () => `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}/identitytoolkit.googleapis.com/v1`;
const functionsOrigin = () => process.env.FUNCTIONS_EMULATOR_ORIGIN ?? "http://127.0.0.1:5001";

export type CallResult = { ok: true; data: unknown; ms: number } | { ok: false; status: string; reason?: string; message: string; ms: number };

async function identity(path: string, body: object): Promise<string> {
  const response = await fetch(`${authBase()}/${path}?key=demo-api-key`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = (await response.json()) as { idToken?: string; error?: { message: string } };
  if (!json.idToken) throw new Error(`Auth emulator ${path}: ${json.error?.message ?? response.status}`);
  return json.idToken;
}

export const anonymousToken = () => identity("accounts:signUp", { returnSecureToken: true });

/** `count` anonymous shoppers, created a few at a time. */
export async function anonymousTokens(count: number): Promise<string[]> {
  const tokens: string[] = [];
  while (tokens.length < count) tokens.push(...(await Promise.all(Array.from({ length: Math.min(25, count - tokens.length) }, anonymousToken))));
  return tokens;
}

export async function staffToken(): Promise<string> {
  const email = `bench-staff-${Date.now()}@bench.showroom`;
  const user = await adminAuth().createUser({ email, password: "bench-password" });
  await adminAuth().setCustomUserClaims(user.uid, { role: "staff" });
  return identity("accounts:signInWithPassword", { email, password: "bench-password", returnSecureToken: true });
}

export async function call(name: string, token: string, data: unknown): Promise<CallResult> {
  const started = performance.now();
  try {
    const response = await fetch(`${functionsOrigin()}/${PROJECT}/us-central1/${name}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ data }),
      signal: AbortSignal.timeout(180_000),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    const json = (text ? JSON.parse(text) : {}) as { result?: unknown; error?: { status: string; message: string; details?: { reason?: string } } };
    if (json.error || !response.ok) return { ok: false, status: json.error?.status ?? `HTTP ${response.status}`, reason: json.error?.details?.reason, message: json.error?.message ?? text.slice(0, 200), ms };
    return { ok: true, data: json.result, ms };
  } catch (error) {
    return { ok: false, status: "NETWORK", message: String(error), ms: performance.now() - started };
  }
}
