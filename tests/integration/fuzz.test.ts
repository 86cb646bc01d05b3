/**
 * Every callable, fuzzed: at least 200 generated bad calls each (bad inputs
 * from the right role, and any input from no auth or the wrong role). Every
 * answer must be a client error — invalid-argument, unauthenticated,
 * permission-denied, not-found or failed-precondition, never internal or a
 * success — and the whole database (every document, walked recursively) and
 * every Auth user's claims must be byte-for-byte what they were before.
 */
import { FunctionsError } from "firebase/functions";
import { CallableNames, Collections, type CallableName } from "@showroom/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDb } from "../../scripts/lib/admin.js";
import { signIn, type TestClient } from "../support/clients.js";
import { asSent, badInputs, Callables, refusedBy, type Access } from "./fuzz-inputs.js";
import { differences, differencesBesidesLapsedHolds, settledSnapshot, snapshotEverything } from "./db-digest.js";
import { eventually } from "./customers-support.js";
import { createProduct, shipping, uniqueKey } from "./inventory-fixtures.js";

const ALLOWED = new Set(["invalid-argument", "unauthenticated", "permission-denied", "not-found", "failed-precondition"]);
const BAD_INPUTS_PER_CALLABLE = 170;
const WRONG_CALLERS_PER_CALLABLE = 30;
const CHUNK = 25;
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);

type Who = "signedOut" | "guest" | "shopper" | "staff" | "admin";
const clients = {} as Record<Who, TestClient>;

/** Callers with no right to the callable: no auth always; below the needed role too. */
const wrongCallers: Record<Access, Who[]> = {
  "signed-in": ["signedOut"],
  staff: ["signedOut", "guest", "shopper"],
  admin: ["signedOut", "guest", "shopper", "staff"],
};
const rightCaller: Record<Access, Who> = { "signed-in": "shopper", staff: "staff", admin: "admin" };

// ---- calling -------------------------------------------------------------

interface Outcome {
  who: Who;
  input: unknown;
  code: string;
}

/**
 * What the emulator answers a call that never reached our code: a worker still starting or swamped (its 503,
 * `unavailable`) or an answer later than the client waits (`deadline-exceeded`). Bad input is refused before
 * any Firestore read, so our own `unavailable` (a transient Firestore failure) cannot be the answer to it.
 */
const NOT_REACHED = new Set(["unavailable", "deadline-exceeded"]);
const ATTEMPTS = 4;

/** The answer to one call, sent again (as any client would) while the emulator answered for a worker it could not reach. */
async function outcome(who: Who, name: CallableName, input: unknown): Promise<Outcome> {
  for (let attempt = 1; ; attempt++) {
    let code: string;
    try {
      await clients[who].call(name, input);
      code = "SUCCEEDED";
    } catch (error) {
      code = error instanceof FunctionsError ? error.code.replace(/^functions\//, "") : `non-functions error: ${String(error)}`;
    }
    if (!NOT_REACHED.has(code) || attempt === ATTEMPTS) return { who, input, code };
    await new Promise((r) => setTimeout(r, 2_000 * attempt));
  }
}

async function inChunks<T, R>(items: T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) results.push(...(await Promise.all(items.slice(i, i + CHUNK).map(run))));
  return results;
}

const preview = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 160 ? `${text.slice(0, 160)}… (${text.length} chars)` : text;
};

// ---- the suite -----------------------------------------------------------

let before: Map<string, string>;
const counts: Record<string, number> = {};

beforeAll(async () => {
  const entries = await Promise.all(
    (
      [
        ["signedOut", { kind: "signed-out" }],
        ["guest", { kind: "anonymous" }],
        ["shopper", { kind: "user" }],
        ["staff", { kind: "user", role: "staff" }],
        ["admin", { kind: "user", role: "admin" }],
      ] as const
    ).map(async ([who, persona]) => [who, await signIn(persona)] as const),
  );
  for (const [who, c] of entries) clients[who] = c;

  // Something worth protecting: stock, a hold, an order, with their ledger and audit trail.
  const { skus } = await createProduct([{ main: 5, east: 2 }, { main: 3 }]);
  await clients.shopper.call("holdCart", { lines: [{ sku: skus[1], quantity: 1 }] });
  const { orderId } = await clients.shopper.call<{ orderId: string }>("placeOrder", {
    idempotencyKey: uniqueKey(),
    lines: [{ sku: skus[0], quantity: 1 }],
    shipping,
  });
  // The order's confirmation mail comes through Pub/Sub, after the relay's stamps (which the digest leaves
  // out): on a loaded machine the database can look settled seconds before it is queued and sent.
  await eventually(
    async () => {
      const state = (await adminDb().collection(Collections.mail).doc(`order-confirmation-${orderId}`).get()).get("delivery.state") as string | undefined;
      return state === "SUCCESS" || state === "ERROR" ? state : undefined;
    },
    "the order confirmation mail to be sent",
    120_000,
  );

  // The digest must notice a single nested change, or "unchanged" below would prove nothing.
  const canary = adminDb().collection("fuzzCanary").doc("c");
  await canary.set({ a: { b: [1, 2] } });
  const withCanary = await settledSnapshot();
  await canary.update({ "a.b": [1, 3] });
  expect(differences(withCanary, await snapshotEverything())).toEqual(["fuzzCanary/c: changed"]);
  await canary.delete();

  // Each callable's first call starts an emulator worker (seconds each): start them all at once, from
  // the caller each fuzz run uses. A malformed call is refused before any handler runs.
  deployment = await Promise.all(CallableNames.map((name) => outcome(rightCaller[Callables[name].access], name, { fuzzProbe: true })));
  before = await settledSnapshot();
}, 300_000);

let deployment: Outcome[] = [];

afterAll(async () => {
  await Promise.all(Object.values(clients).map((c) => c.close()));
  console.log(`fuzz cases per callable: ${JSON.stringify(counts)}; total ${Object.values(counts).reduce((a, b) => a + b, 0)} (seed ${SEED})`);
});

it("has a generator for every callable in the contract", () => {
  expect(Object.keys(Callables).sort()).toEqual([...CallableNames].sort());
});

it("reaches every callable: a malformed call from the right role is refused as invalid-argument", () => {
  // The emulator answers a function that is not deployed differently (not-found or internal), so a missing callable fails here.
  const answers = Object.fromEntries(CallableNames.map((name, i) => [name, deployment[i]?.code]));
  expect(answers).toEqual(Object.fromEntries(CallableNames.map((name) => [name, "invalid-argument"])));
});

describe.each(CallableNames.map((name, i) => [name, i] as const))("%s", (name, index) => {
  const spec = Callables[name];

  it(`answers ≥ 200 bad calls with client errors only and writes nothing`, async () => {
    const inputs = badInputs(spec, BAD_INPUTS_PER_CALLABLE, SEED + index);
    expect(inputs.length).toBe(BAD_INPUTS_PER_CALLABLE);
    for (const input of inputs) expect(refusedBy(spec.schema, input), preview(input)).toBe(true);

    // No auth or the wrong role: the well-formed sample and bad inputs alike are refused.
    const wrong = wrongCallers[spec.access];
    const wrongCalls = Array.from({ length: WRONG_CALLERS_PER_CALLABLE }, (_, i) => ({
      who: wrong[i % wrong.length]!,
      input: i % 3 === 0 ? asSent(spec.sample) : inputs[i]!,
    }));
    const calls = [...inputs.map((input) => ({ who: rightCaller[spec.access], input })), ...wrongCalls];

    const outcomes = await inChunks(calls, (c) => outcome(c.who, name, c.input));
    counts[name] = outcomes.length;
    expect(outcomes.length).toBeGreaterThanOrEqual(200);

    const unexpected = outcomes.filter((o) => !ALLOWED.has(o.code)).map((o) => `${o.who} → ${o.code}: ${preview(o.input)}`);
    expect(unexpected, `seed ${SEED + index}`).toEqual([]);
    // Callers without the right are refused for who they are, before their input is looked at.
    for (const o of outcomes.slice(inputs.length))
      expect(o.code, `${o.who}: ${preview(o.input)}`).toBe(o.who === "signedOut" ? "unauthenticated" : "permission-denied");
    // The right caller's bad input is refused as bad input.
    for (const o of outcomes.slice(0, inputs.length)) expect(o.code, preview(o.input)).toBe("invalid-argument");

    expect(await differencesBesidesLapsedHolds(before, await settledSnapshot())).toEqual([]);
  }, 300_000);
});
