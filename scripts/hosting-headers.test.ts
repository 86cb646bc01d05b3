/**
 * The hosted web app's security headers (firebase.json `hosting`): parsed from
 * the file, and the Content-Security-Policy matched against the URLs the
 * Firebase web SDKs really call, so a policy that would break the store fails here.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

interface Hosting {
  public: string;
  rewrites: { source: string; destination: string }[];
  headers: { source: string; headers: { key: string; value: string }[] }[];
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const hosting = (JSON.parse(fs.readFileSync(path.join(ROOT, "firebase.json"), "utf8")) as { hosting: Hosting }).hosting;
const everyPage = new Map((hosting.headers.find((h) => h.source === "**")?.headers ?? []).map((h) => [h.key.toLowerCase(), h.value]));
const csp = new Map(
  (everyPage.get("content-security-policy") ?? "")
    .split(";")
    .map((d) => d.trim().split(/\s+/))
    .filter((parts) => parts[0])
    .map(([name, ...sources]) => [name!, sources]),
);

/** CSP source matching (CSP3 §6.7.2.8), enough for scheme + host wildcards + path prefixes. */
function allows(directive: string, url: string): boolean {
  const sources = csp.get(directive) ?? csp.get("default-src") ?? [];
  const target = new URL(url);
  return sources.some((source) => {
    if (source === "'self'") return target.origin === "https://shop.example";
    if (source === "data:") return target.protocol === "data:";
    if (!source.includes("://")) return false;
    const [scheme, rest] = source.split("://") as [string, string];
    const slash = rest.indexOf("/");
    const host = slash === -1 ? rest : rest.slice(0, slash);
    const pathPrefix = slash === -1 ? "" : rest.slice(slash);
    const hostMatches = host.startsWith("*.") ? target.hostname.endsWith(host.slice(1)) : target.hostname === host;
    const pathMatches = pathPrefix === "" || (pathPrefix.endsWith("/") ? target.pathname.startsWith(pathPrefix) : target.pathname === pathPrefix);
    return `${scheme}:` === target.protocol && hostMatches && pathMatches;
  });
}

describe("firebase.json hosting", () => {
  it("serves the Vite build as a single-page app", () => {
    expect(hosting.public).toBe("web/dist");
    expect(hosting.rewrites).toContainEqual({ source: "**", destination: "/index.html" });
  });

  it("sends HSTS for a year or more, nosniff, a referrer policy and no framing", () => {
    const maxAge = Number(/max-age=(\d+)/.exec(everyPage.get("strict-transport-security") ?? "")?.[1]);
    expect(maxAge).toBeGreaterThanOrEqual(31_536_000);
    expect(everyPage.get("x-content-type-options")).toBe("nosniff");
    expect(everyPage.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(everyPage.get("x-frame-options")).toBe("DENY");
  });

  it("allows no inline or evaluated script and no plugins", () => {
    for (const directive of ["script-src", "default-src"]) {
      expect(csp.get(directive)?.some((s) => ["'unsafe-inline'", "'unsafe-eval'", "*", "https:"].includes(s))).toBe(false);
    }
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(allows("script-src", "https://evil.example/x.js")).toBe(false);
    expect(allows("connect-src", "https://evil.example/collect")).toBe(false);
  });

  it("lets the app reach every Firebase endpoint it calls, and App Check's reCAPTCHA Enterprise", () => {
    const calls = [
      "https://identitytoolkit.googleapis.com/v1/accounts:signUp",
      "https://securetoken.googleapis.com/v1/token",
      "https://firestore.googleapis.com/google.firestore.v1.Firestore/Listen/channel",
      "https://us-central1-showroom-prod.cloudfunctions.net/placeOrder",
      "https://content-firebaseappcheck.googleapis.com/v1/projects/showroom-prod/apps/1:web:abc:exchangeRecaptchaEnterpriseToken",
    ];
    for (const url of calls) expect(allows("connect-src", url), url).toBe(true);
    expect(allows("script-src", "https://www.google.com/recaptcha/enterprise.js")).toBe(true);
    expect(allows("frame-src", "https://www.google.com/recaptcha/enterprise/anchor")).toBe(true);
    expect(allows("script-src", "https://shop.example/assets/index-abc.js")).toBe(true);
    expect(allows("img-src", "data:image/svg+xml;base64,PHN2Zz4=")).toBe(true);
  });

  it("caches hashed assets for a year", () => {
    const assets = hosting.headers.find((h) => h.source === "/assets/**")?.headers ?? [];
    expect(assets).toContainEqual({ key: "Cache-Control", value: "public, max-age=31536000, immutable" });
  });
});
