/**
 * Hostile request bodies sent straight over HTTP (the web SDK could not even
 * encode some of them) to every callable: 10,000-deep nesting, maps with
 * 10,000 keys, megabyte strings. Each is refused as invalid-argument (or
 * unauthenticated first when unsigned) — never internal — and the database is
 * exactly what it was.
 */
import { CallableNames, emulatorAppCheckToken, type CallableName } from "@showroom/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, type TestClient } from "../support/clients.js";
import { functionsEmulator, PROJECT_ID } from "../support/env.js";
import { differencesBesidesLapsedHolds, settledSnapshot } from "./db-digest.js";
import { Callables, type Access } from "./fuzz-inputs.js";

const DEPTH = 10_000;
const WIDTH = 10_000;
const HUGE = 1_000_000;

/** Built as text: JSON.stringify itself recurses, and the point is what the server does with it. */
const nestedObject = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
const nestedArray = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const manyKeys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));

/** Every top-level string of the sample made huge, or one huge field when it has none. */
function withHugeStrings(sample: Record<string, unknown>): Record<string, unknown> {
  const huge = "x".repeat(HUGE);
  const strings = Object.keys(sample).filter((k) => typeof sample[k] === "string");
  return strings.length > 0 ? { ...sample, ...Object.fromEntries(strings.map((k) => [k, huge])) } : { ...sample, note: huge };
}

/** The finding from issue 15: a product whose variant has 10,000 option keys. */
function withHugeOptions(sample: Record<string, unknown>): Record<string, unknown> | null {
  const variants = sample.variants as { options: Record<string, string> }[] | undefined;
  if (!variants?.[0]) return null;
  const options = Object.fromEntries(Array.from({ length: WIDTH }, (_, i) => [`axis${i}`, "oak"]));
  return { ...sample, variants: [{ ...variants[0], options }, ...variants.slice(1)] };
}

function hostileBodies(name: CallableName): Record<string, string> {
  const sample = Callables[name].sample;
  const options = withHugeOptions(sample);
  return {
    "data nested 10,000 deep": `{"data":${nestedObject(DEPTH)}}`,
    "a field nested 10,000 arrays deep": `{"data":{"lines":${nestedArray(DEPTH)}}}`,
    "10,000 extra keys": JSON.stringify({ data: { ...sample, ...manyKeys(WIDTH) } }),
    "megabyte strings": JSON.stringify({ data: withHugeStrings(sample) }),
    ...(options ? { "10,000 variant option keys": JSON.stringify({ data: options }) } : {}),
  };
}

type Who = "signedOut" | Access;
const clients = {} as Record<Who, TestClient>;

async function post(who: Who, name: CallableName, body: string): Promise<{ status: number; code: string }> {
  const token = await clients[who].auth.currentUser?.getIdToken();
  const response = await fetch(`${functionsEmulator().origin}/${PROJECT_ID}/us-central1/${name}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-firebase-appcheck": emulatorAppCheckToken().token,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body,
  });
  const answer = (await response.json().catch(() => null)) as { error?: { status?: string } } | null;
  return { status: response.status, code: answer?.error?.status ?? `no error in answer (${response.status})` };
}

let before: Map<string, string>;

beforeAll(async () => {
  const personas = {
    signedOut: { kind: "signed-out" },
    "signed-in": { kind: "anonymous" },
    staff: { kind: "user", role: "staff" },
    admin: { kind: "user", role: "admin" },
  } as const;
  for (const [who, persona] of Object.entries(personas)) clients[who as Who] = await signIn(persona);
  // Start every callable's worker first (a cold start takes seconds); a malformed call writes nothing.
  await Promise.all(CallableNames.map((name) => post(Callables[name].access, name, '{"data":{"warmUp":true}}')));
  before = await settledSnapshot();
}, 300_000);

afterAll(() => Promise.all(Object.values(clients).map((c) => c.close())));

describe.each([...CallableNames])("%s", (name) => {
  const access = Callables[name].access;

  it("refuses each hostile body as invalid-argument from its rightful caller, and as unauthenticated or invalid-argument unsigned", async () => {
    const wrong: string[] = [];
    for (const [label, body] of Object.entries(hostileBodies(name))) {
      const [rightful, unsigned] = [await post(access, name, body), await post("signedOut", name, body)];
      if (rightful.code !== "INVALID_ARGUMENT") wrong.push(`${label}, ${access}: ${rightful.code}`);
      if (!["UNAUTHENTICATED", "INVALID_ARGUMENT"].includes(unsigned.code)) wrong.push(`${label}, unsigned: ${unsigned.code}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});

it("wrote nothing, anywhere", async () => {
  expect(await differencesBesidesLapsedHolds(before, await settledSnapshot())).toEqual([]);
}, 120_000);
