/**
 * docs/api.md's examples, run as written: every `sh` block's curl commands go
 * through bash and the real curl against the emulators, with API, KEY and SKU
 * set, and must answer the status the line after them (`# 200 …`) states.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { Collections } from "@showroom/model";
import { afterAll, beforeAll, expect, it } from "vitest";
import { adminDb } from "../../scripts/lib/admin.js";
import { signIn, type TestClient } from "../support/clients.js";
import { apiBase, createKey } from "./api-support.js";
import { createProduct } from "./inventory-fixtures.js";

interface Example {
  command: string;
  status: number;
}

/** Each command (continuation lines joined) that mentions curl, with the status in the comment after it. */
function examplesOf(markdown: string): Example[] {
  const blocks = [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
  const examples: Example[] = [];
  for (const block of blocks) {
    const lines = block.replace(/\\\n\s*/g, "").split("\n");
    lines.forEach((line, i) => {
      const status = /^# (\d{3})\b/.exec(lines[i + 1] ?? "");
      if (line.includes("curl ") && status) examples.push({ command: line, status: Number(status[1]) });
    });
  }
  return examples;
}

let admin: TestClient;
let env: Record<string, string>;
let keyId: string;

beforeAll(async () => {
  admin = await signIn({ kind: "user", role: "admin" });
  const { key, keyId: id } = await createKey(admin, ["inventory:read", "inventory:write", "catalog:read", "orders:read", "webhooks:write"]);
  const { skus } = await createProduct([{ main: 4, east: 2 }]);
  keyId = id;
  env = { API: apiBase(), KEY: key, SKU: skus[0] as string };
}, 120_000);

// The subscribe example's endpoint would keep retrying its unreachable URL under the suites that follow.
afterAll(async () => {
  const subscribed = await adminDb().collection(Collections.webhookEndpoints).where("ownerKeyId", "==", keyId).get();
  await Promise.all(subscribed.docs.map((d) => d.ref.delete()));
  await admin.close();
});

it("runs every curl example in docs/api.md and gets the status it shows", () => {
  const examples = examplesOf(fs.readFileSync("docs/api.md", "utf8"));
  expect(examples.length).toBeGreaterThanOrEqual(7);
  for (const { command, status } of examples) {
    // `-w` appends the status on its own line; the doc's own flags stay as written.
    const output = execFileSync("bash", ["-c", `curl() { command curl -w '\\n%{http_code}' "$@"; }\n${command}`], {
      env: { ...process.env, ...env },
      encoding: "utf8",
      timeout: 60_000,
    });
    const lines = output.trimEnd().split("\n");
    expect({ command, status: Number(lines.at(-1)) }).toEqual({ command, status });
    const body = lines.slice(0, -1).filter((line) => line !== "");
    expect(body.length).toBeGreaterThan(0);
    for (const line of body) expect(() => JSON.parse(line), line).not.toThrow();
  }
}, 180_000);
