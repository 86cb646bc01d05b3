/**
 * Bad inputs for every callable, generated with fast-check: a well-formed
 * sample per callable, mutated (wrong types, extra keys, missing fields, huge
 * strings, negative / fractional / non-finite numbers, duplicated SKUs, too
 * many lines), and kept only if the callable's own zod schema refuses it as it
 * arrives at the function (after the SDK's JSON encoding). Who may call and
 * the schema come from the model's callable registry, as the functions' do.
 */
import fc from "fast-check";
import { CallableContracts, CallableNames, type CallableAccess, type CallableInput, type CallableName } from "@showroom/model";
import type { z } from "zod";

export type Access = CallableAccess;

export interface CallableSpec {
  access: Access;
  schema: z.ZodType;
  /** A well-formed input: the base for mutations, and what wrong callers send. */
  sample: Record<string, unknown>;
}

const lines = [
  { sku: "SOF-ALBA-3S-VELVET", quantity: 1 },
  { sku: "LMP-ORB-BRASS", quantity: 2 },
];
const shipping = { name: "Ada Lovelace", line1: "1 Loom Street", city: "Leeds", postalCode: "LS1 1AA", country: "GB" };

/** Typed by the registry, so a new callable fails the typecheck until it is fuzzed too, and each sample has its input's type. */
const samples: { [N in CallableName]: CallableInput<N> } = {
  placeOrder: { idempotencyKey: "fuzz-key-0001", lines, shipping, holdId: "hold-1" },
  cancelOrder: { orderId: "order-1", reason: "changed my mind" },
  holdCart: { lines },
  releaseHold: { holdId: "hold-1" },
  adjustStock: { sku: "SOF-ALBA-3S-VELVET", location: "main", delta: 5, reason: "receive", note: "pallet 7" },
  upsertProduct: {
    id: "p-fuzz",
    name: "Fuzz sofa",
    category: "sofas",
    description: "A sofa.",
    variants: [
      { sku: "FUZ-SOFA-GREEN", label: "Green", options: { colour: "green" }, priceCents: 99900 },
      { sku: "FUZ-SOFA-BLUE", label: "Blue", options: { colour: "blue" }, priceCents: 99900 },
    ],
    currency: "USD",
    leadTimeDays: 14,
    madeToOrder: false,
  },
  updateOrderStatus: { orderId: "order-1", status: "fulfilled" },
  setUserRole: { uid: "someone", role: "staff" },
  exportMyData: {},
  deleteMyAccount: {},
  receiveShipment: {
    receiptId: "receipt-0001",
    rows: [
      { sku: "SOF-ALBA-3S-VELVET", location: "main", quantity: 3 },
      { sku: "LMP-ORB-BRASS", location: "east", quantity: 1 },
    ],
    note: "truck 2",
  },
  listStaff: { email: "sam@showroom.test" },
  setProductActive: { productId: "p-alba", active: false },
  syncMyProfile: {},
  lookupCustomer: { email: "alice@showroom.test" },
  createWebhookEndpoint: { url: "http://127.0.0.1:9/fuzz", eventTypes: ["order.placed"] },
  updateWebhookEndpoint: { id: "fuzz-endpoint", enabled: false },
  rotateWebhookSecret: { id: "fuzz-endpoint", graceSeconds: 60 },
  deleteWebhookEndpoint: { id: "fuzz-endpoint" },
  resendWebhookDelivery: { deliveryId: "fuzz-endpoint_e1" },
  replayWebhookEvents: { endpointId: "fuzz-endpoint", since: "2026-01-01T00:00:00Z", until: "2026-01-02T00:00:00Z" },
  createApiKey: { name: "ERP", scopes: ["inventory:read", "inventory:write"], expiresAt: "2030-01-01T00:00:00Z", rateLimitPerMinute: 60 },
  revokeApiKey: { keyId: "AbCdEfGhIjKlMnOpQrSt" },
  upsertLocation: { code: "fuzz-depot", name: "Fuzz depot", kind: "warehouse", drawOrder: 5, active: true },
  deleteLocation: { code: "fuzz-depot" },
  submitFeedback: {
    orderId: "order-1",
    nps: 9,
    lines: [{ sku: "SOF-ALBA-3S-VELVET", rating: 4, matchesPhotos: false, differences: ["colour"] }],
    comment: "Greener than the photo",
  },
  openSurvey: { orderId: "order-1" },
  runReconcile: {},
  acknowledgeAlert: { alertId: "stock-drift~SOF-ALBA-3S-VELVET~1" },
  resolveAlert: { alertId: "stock-drift~SOF-ALBA-3S-VELVET~1", note: "recounted the shelf" },
  operationsHealth: {},
  answerSiteQuestion: { kind: "sold-out", sku: "SOF-ALBA-3S-VELVET", needBy: "within-a-month", instead: "wait" },
  demandReport: {},
};

export const Callables = Object.fromEntries(
  CallableNames.map((name): [CallableName, CallableSpec] => {
    const { access, input } = CallableContracts[name];
    return [name, { access, schema: input, sample: samples[name] }];
  }),
) as Record<CallableName, CallableSpec>;

/** What the function receives: the web SDK sends JSON (NaN and ±Infinity become null, undefined disappears). */
export function asSent(value: unknown): unknown {
  const json = JSON.stringify(value);
  return json === undefined ? null : (JSON.parse(json) as unknown);
}

/** The callable wrapper parses `data ?? {}`. */
export const refusedBy = (schema: z.ZodType, sent: unknown) => !schema.safeParse(sent ?? {}).success;

const hugeString = fc.integer({ min: 5_000, max: 200_000 }).map((n) => "x".repeat(n));
const badNumber = fc.constantFrom(0, -1, -20, -0.5, 0.5, 1.5, 20.000001, 21, 1e9, -1e9, 1e21, Number.MAX_SAFE_INTEGER + 2, NaN, Infinity, -Infinity);
const badString = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "\n",
    "../../etc/passwd",
    "a".repeat(129),
    "DROP TABLE orders;",
    "<script>alert(1)</script>",
    "💥".repeat(40),
    "\u0000",
    "sku with spaces",
    "lower-case-sku",
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  hugeString,
);
/** Any value of a wrong kind for some field. */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: badNumber },
  { weight: 3, arbitrary: badString },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false) },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 8 })), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string({ maxLength: 8 })), { maxKeys: 3 }) },
);

type Path = (string | number)[];

/** Every path to a value inside the sample (objects and arrays included), the root excluded. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

function containersOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  const self = Array.isArray(value) ? [] : [prefix];
  return [...self, ...entries.flatMap(([key, child]) => containersOf(child, [...prefix, key]))];
}

/** A deep copy of `root` with the value at `path` replaced (`undefined` removes it). */
function setAt(root: unknown, path: Path, next: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (next === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = next;
  return copy;
}

function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}

/** Arrays of objects carrying a SKU (lines, rows, variants): where duplicates and overlong lists matter. */
function skuListsOf(sample: Record<string, unknown>): string[] {
  return Object.entries(sample)
    .filter(([, v]) => Array.isArray(v) && v.length > 0 && typeof v[0] === "object" && v[0] !== null && "sku" in v[0])
    .map(([k]) => k);
}

/** Mutations of one callable's sample; the caller filters out any its schema would accept. */
export function mutations(spec: CallableSpec): fc.Arbitrary<unknown> {
  const { sample } = spec;
  const paths = pathsOf(sample);
  const containers = containersOf(sample);
  const skuLists = skuListsOf(sample);
  const options: fc.Arbitrary<unknown>[] = [
    // The whole input of the wrong kind.
    fc.oneof(badNumber, badString, fc.constantFrom(true, false, "{}", "[]"), fc.array(fc.constant(sample), { minLength: 1, maxLength: 3 })),
    // An unknown key anywhere (strict schemas refuse it), including keys that look privileged.
    fc
      .tuple(
        fc.constantFrom(...containers),
        fc.oneof(fc.constantFrom("role", "uid", "admin", "priceCents", "__proto__x", "status", "totalCents"), fc.string({ minLength: 1, maxLength: 12 })),
        badValue,
      )
      .map(([at, key, value]) => {
        const target = getAt(sample, at) as Record<string, unknown>;
        return key in target ? setAt(sample, [...at, `${key}_extra`], value) : setAt(sample, [...at, key], value);
      }),
  ];
  if (paths.length > 0) {
    // One field of the wrong type or out of bounds.
    options.push(fc.tuple(fc.constantFrom(...paths), badValue).map(([at, value]) => setAt(sample, at, value)));
    // One field missing.
    options.push(fc.constantFrom(...paths).map((at) => setAt(sample, at, undefined)));
    // Several fields wrong at once.
    options.push(
      fc.array(fc.tuple(fc.constantFrom(...paths), badValue), { minLength: 2, maxLength: 4 }).map((changes) =>
        changes.reduce<unknown>((acc, [at, value]) => {
          try {
            return setAt(acc, at, value);
          } catch {
            return acc;
          }
        }, sample),
      ),
    );
  }
  for (const key of skuLists) {
    const list = sample[key] as Record<string, unknown>[];
    const first = list[0]!;
    options.push(
      // Duplicated SKUs.
      fc.integer({ min: 2, max: 5 }).map((n) => ({ ...sample, [key]: Array.from({ length: n }, () => ({ ...first })) })),
      // Too many entries (each with its own SKU).
      fc
        .integer({ min: 26, max: 120 })
        .map((n) => ({ ...sample, [key]: Array.from({ length: n }, (_, i) => ({ ...first, sku: `FUZ-${String(i).padStart(4, "0")}` })) })),
      // Empty.
      fc.constant({ ...sample, [key]: [] }),
      // Negative, fractional, huge or non-finite quantities / prices.
      fc.tuple(fc.constantFrom("quantity", "priceCents"), badNumber).map(([field, n]) => ({ ...sample, [key]: [{ ...first, [field]: n }, ...list.slice(1)] })),
    );
  }
  return fc.oneof(...options);
}

/** `count` distinct bad inputs for one callable, reproducible from `seed`, each as the function receives it. */
export function badInputs(spec: CallableSpec, count: number, seed: number): unknown[] {
  const arb = mutations(spec)
    .map(asSent)
    .filter((sent) => refusedBy(spec.schema, sent));
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const value of fc.sample(arb, { numRuns: count * 4, seed })) {
    const key = JSON.stringify(value);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(value);
    if (out.length === count) break;
  }
  return out;
}
