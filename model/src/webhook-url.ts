/**
 * Which webhook URLs we accept (pure, so it is unit-tested; functions add the
 * DNS lookup). In production only `https` to public addresses: never private,
 * loopback, link-local, carrier-grade NAT, multicast, unspecified or cloud
 * metadata addresses, so an admin (or a leaked API key) cannot make our
 * functions call into Google's network or the metadata server. The emulator
 * also allows `http` and loopback, for receivers in tests.
 */
export type UrlPolicy = "production" | "emulator";

export type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

const METADATA_HOSTS = new Set(["metadata", "metadata.google.internal", "metadata.goog"]);

function parseIpv4(host: string): number[] | null {
  const parts = host.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const bytes = parts.map(Number);
  return bytes.every((b) => b <= 255) ? bytes : null;
}

/** Expands an IPv6 literal (no brackets) to 8 groups, or null when it is not one. */
function parseIpv6(host: string): number[] | null {
  if (!host.includes(":")) return null;
  let text = host.toLowerCase();
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    // A trailing dotted IPv4 part (::ffff:10.0.0.1) is the last two groups.
    const b = parseIpv4(dotted[2]!);
    if (!b) return null;
    text = `${dotted[1]!}${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  if (!/^[0-9a-f:]+$/.test(text)) return null;
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  if (![...head, ...rest].every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  const known = head.length + rest.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  const hex = (g: string) => parseInt(g, 16);
  return [...head.map(hex), ...new Array<number>(8 - known).fill(0), ...rest.map(hex)];
}

function ipv4Forbidden([a, b, c]: number[]): string | null {
  if (a === 127) return "a loopback address";
  if (a === 10 || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168)) return "a private address";
  if (a === 169 && b === 254) return "a link-local or metadata address";
  if (a === 100 && b! >= 64 && b! <= 127) return "a carrier-grade NAT address";
  if (a === 0) return "an unspecified address";
  if (a! >= 224) return "a multicast or reserved address";
  if (a === 192 && b === 0 && c === 0) return "a reserved address";
  return null;
}

/** Why an IP literal may not receive webhooks in production, or null when it is public. Not an IP: null. */
export function forbiddenAddressReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, "");
  const v4 = parseIpv4(bare);
  if (v4) return ipv4Forbidden(v4);
  const v6 = parseIpv6(bare);
  if (!v6) return null;
  const [g0, , , , , g5, g6, g7] = v6;
  if (v6.slice(0, 5).every((g) => g === 0) && (g5 === 0xffff || g5 === 0)) {
    // IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible: judge the embedded IPv4 address.
    if (g5 === 0 && g6 === 0 && (g7 === 0 || g7 === 1)) return g7 === 1 ? "a loopback address" : "an unspecified address";
    return ipv4Forbidden([g6! >> 8, g6! & 255, g7! >> 8, g7! & 255]);
  }
  if ((g0! & 0xfe00) === 0xfc00) return "a private address";
  if ((g0! & 0xffc0) === 0xfe80) return "a link-local address";
  if ((g0! & 0xff00) === 0xff00) return "a multicast address";
  if (g0 === 0xfd00 && v6[1] === 0xec2) return "a metadata address";
  return null;
}

export function isLoopbackHost(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, "");
  if (bare === "localhost") return true;
  const v4 = parseIpv4(bare);
  if (v4) return v4[0] === 127;
  const v6 = parseIpv6(bare);
  return v6 !== null && v6.slice(0, 7).every((g) => g === 0) && v6[7] === 1;
}

/** Checks the URL itself (scheme, credentials, host literal); the caller also checks what DNS resolves it to. */
export function checkWebhookUrl(raw: string, policy: UrlPolicy): UrlVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "Not a valid URL" };
  }
  if (url.username || url.password) return { ok: false, reason: "URLs with credentials are not allowed" };
  const loopback = isLoopbackHost(url.hostname);
  if (policy === "emulator" && loopback && (url.protocol === "http:" || url.protocol === "https:")) return { ok: true, url };
  if (url.protocol !== "https:") return { ok: false, reason: "Webhook URLs must use https" };
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (METADATA_HOSTS.has(host)) return { ok: false, reason: "Metadata addresses are not allowed" };
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal") || host.endsWith(".local")) {
    return { ok: false, reason: "Internal host names are not allowed" };
  }
  const literal = forbiddenAddressReason(host);
  if (literal) return { ok: false, reason: `The URL points at ${literal}` };
  return { ok: true, url };
}

/** What DNS answered for the host: every address must be public (policy production). */
export function checkResolvedAddresses(addresses: string[]): string | null {
  if (addresses.length === 0) return "The host name does not resolve";
  for (const address of addresses) {
    const reason = forbiddenAddressReason(address);
    if (reason) return `The host resolves to ${reason} (${address})`;
  }
  return null;
}
