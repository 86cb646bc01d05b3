/**
 * App Check on the emulators. No App Check emulator exists, and the debug
 * provider exchanges its token at firebaseappcheck.googleapis.com, which an
 * offline machine cannot reach. The Functions emulator does not verify App
 * Check signatures (it decodes the token), so emulator clients — the web app
 * on a `demo-` project, the tests, the benches — present this unsigned token
 * and enforcement is exercised for real. Production uses reCAPTCHA Enterprise
 * (web/src/lib/app-check.ts); this token is never minted there.
 */

/** The web app id the demo project's clients use (a `demo-` project has no registered apps). */
export const EMULATOR_APP_ID = "1:000000000000:web:showroom-demo";

const base64url = (value: object) => btoa(JSON.stringify(value)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");

/** An unsigned App Check token for `appId`, valid for an hour from `nowMs`, as the emulator accepts it. */
export function emulatorAppCheckToken(appId: string = EMULATOR_APP_ID, nowMs: number = Date.now()): { token: string; expireTimeMillis: number } {
  const iat = Math.floor(nowMs / 1000);
  const exp = iat + 60 * 60;
  const payload = { iss: "https://firebaseappcheck.googleapis.com/000000000000", sub: appId, aud: ["projects/demo-showroom"], iat, exp };
  return { token: `${base64url({ alg: "none", typ: "JWT" })}.${base64url(payload)}.`, expireTimeMillis: exp * 1000 };
}
