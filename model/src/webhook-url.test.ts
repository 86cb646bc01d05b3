import { describe, expect, it } from "vitest";
import { checkResolvedAddresses, checkWebhookUrl, forbiddenAddressReason, isLoopbackHost } from "./webhook-url.js";

describe("checkWebhookUrl in production", () => {
  it("accepts https to a public host name or address", () => {
    expect(checkWebhookUrl("https://hooks.example.com/showroom", "production").ok).toBe(true);
    expect(checkWebhookUrl("https://93.184.216.34/in", "production").ok).toBe(true);
    expect(checkWebhookUrl("https://[2606:4700::1111]/in", "production").ok).toBe(true);
  });

  it.each([
    ["http://hooks.example.com/", "https"],
    ["ftp://hooks.example.com/", "https"],
    ["not a url", "valid URL"],
    ["https://user:pw@hooks.example.com/", "credentials"],
    ["https://127.0.0.1/", "loopback"],
    ["https://localhost:8443/", "Internal"],
    ["https://10.1.2.3/", "private"],
    ["https://172.20.0.1/", "private"],
    ["https://192.168.1.1/", "private"],
    ["https://169.254.169.254/computeMetadata/v1/", "metadata"],
    ["https://metadata.google.internal/", "Metadata"],
    ["https://100.64.0.1/", "carrier-grade"],
    ["https://0.0.0.0/", "unspecified"],
    ["https://[::1]/", "loopback"],
    ["https://[fd00:ec2::254]/", "private"],
    ["https://[fe80::1]/", "link-local"],
    ["https://[::ffff:10.0.0.1]/", "private"],
    ["https://[::ffff:169.254.169.254]/", "metadata"],
    // WHATWG URL parsing turns these spellings of 127.0.0.1 into the dotted form first.
    ["https://2130706433/", "loopback"],
    ["https://0x7f.1/", "loopback"],
    ["https://db.internal/", "Internal"],
  ])("refuses %s", (url, reason) => {
    const verdict = checkWebhookUrl(url, "production");
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? "" : verdict.reason).toContain(reason);
  });
});

describe("checkWebhookUrl on the emulator", () => {
  it("allows http and https to loopback, for test receivers", () => {
    expect(checkWebhookUrl("http://127.0.0.1:4567/hook", "emulator").ok).toBe(true);
    expect(checkWebhookUrl("http://localhost:4567/hook", "emulator").ok).toBe(true);
    expect(checkWebhookUrl("http://[::1]:4567/hook", "emulator").ok).toBe(true);
  });

  it("still refuses http elsewhere and private addresses", () => {
    expect(checkWebhookUrl("http://hooks.example.com/", "emulator").ok).toBe(false);
    expect(checkWebhookUrl("https://10.0.0.1/", "emulator").ok).toBe(false);
    expect(checkWebhookUrl("http://169.254.169.254/", "emulator").ok).toBe(false);
  });
});

describe("address classification", () => {
  it("judges DNS answers: every address must be public", () => {
    expect(checkResolvedAddresses(["93.184.216.34", "2606:2800:220:1::1"])).toBeNull();
    expect(checkResolvedAddresses(["93.184.216.34", "10.0.0.7"])).toContain("private");
    expect(checkResolvedAddresses([])).toContain("does not resolve");
  });

  it("names public addresses null and leaves host names alone", () => {
    expect(forbiddenAddressReason("8.8.8.8")).toBeNull();
    expect(forbiddenAddressReason("172.32.0.1")).toBeNull();
    expect(forbiddenAddressReason("hooks.example.com")).toBeNull();
    expect(forbiddenAddressReason("224.0.0.1")).toContain("multicast");
  });

  it("knows loopback hosts", () => {
    expect(isLoopbackHost("127.0.0.1")).toBe(true);
    expect(isLoopbackHost("[::1]")).toBe(true);
    expect(isLoopbackHost("10.0.0.1")).toBe(false);
  });
});
