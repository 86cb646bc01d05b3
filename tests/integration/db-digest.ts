/**
 * The whole emulator database (every document, walked recursively, and every
 * Auth user's record) as path → hash, so a suite can prove a call wrote nothing.
 */
import { createHash } from "node:crypto";
import type { DocumentReference } from "firebase-admin/firestore";
import { Collections } from "@showroom/model";
import { adminAuth, adminDb } from "../../scripts/lib/admin.js";

/** A stable text for any Firestore value: keys sorted, Timestamps and references spelled out. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "undefined";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const v = value as { toMillis?: () => number; path?: string; isEqual?: unknown; toBase64?: () => string };
  if (typeof v.toMillis === "function") return `ts(${v.toMillis()})`;
  if (typeof v.toBase64 === "function") return `bytes(${v.toBase64()})`;
  if (typeof v.path === "string" && typeof v.isEqual === "function") return `ref(${v.path})`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(",")}}`;
}

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * The event pipeline's own bookkeeping: the relay's cursors and each event's `publishedAt`, and the webhook
 * consumer's per-subject records. They are written after an event's commit — on a cold emulator well after
 * the database looks settled. A call can only cause them through an event, and each event's document is in
 * the digest, so leaving them out hides nothing.
 */
const ASYNC_BOOKKEEPING = new Set<string>([Collections.eventCursors, Collections.webhookSubjects]);
/**
 * Telemetry: every callable answer, refusals included, adds to its minute's `opsMinutes` counters
 * (docs/operations.md, "Live health"). They record that a call was answered, not anything the call
 * changed, so "a rejected call writes nothing" is checked on everything else.
 */
const TELEMETRY = new Set<string>([Collections.opsMinutes]);
const withoutRelayStamp = (path: string, data: Record<string, unknown>) => {
  if (!path.startsWith(`${Collections.events}/`)) return data;
  const { publishedAt: _publishedAt, ...rest } = data;
  return rest;
};

/** path → hash of every document (and every Auth user's record), walking all collections and subcollections. */
export async function snapshotEverything(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (refs: DocumentReference[]): Promise<void> => {
    const snaps = refs.length > 0 ? await adminDb().getAll(...refs) : [];
    await Promise.all(
      snaps.map(async (snap) => {
        if (snap.exists) out.set(snap.ref.path, sha(canonical(withoutRelayStamp(snap.ref.path, snap.data() ?? {}))));
        for (const sub of await snap.ref.listCollections()) await walk(await sub.listDocuments());
      }),
    );
  };
  for (const collection of await adminDb().listCollections()) {
    if (!ASYNC_BOOKKEEPING.has(collection.id) && !TELEMETRY.has(collection.id)) await walk(await collection.listDocuments());
  }
  let pageToken: string | undefined;
  do {
    const page = await adminAuth().listUsers(1000, pageToken);
    for (const u of page.users) out.set(`auth:${u.uid}`, sha(canonical({ email: u.email ?? null, disabled: u.disabled, claims: u.customClaims ?? null })));
    pageToken = page.pageToken;
  } while (pageToken);
  return out;
}

export function differences(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p) !== after.get(p)).map((p) => `${p}: ${before.has(p) ? (after.has(p) ? "changed" : "deleted") : "created"}`);
}

/**
 * The differences that a hold lapsing on its own clock explains. Earlier suites leave holds behind (5 minutes
 * for visitors, 15 signed in), and each holdCart sets a timer that sweeps its hold at expiry: a hold still
 * active then is marked expired, its SKUs' stock documents are republished (and their
 * product's in-stock flag when units came back), with their events, their commit's relay marker and the webhooks these feed. That is time
 * passing, not the call under test, so those paths are left out. A stock movement by the call itself on such a
 * SKU still shows: it adds a ledger entry and an audit, and they are not left out.
 * Give it a settled `after` (`settledSnapshot`): a snapshot is read collection by collection, so a sweep that
 * commits while one is read can show its stock view changed while its hold, read earlier, still looks untouched.
 */
export async function differencesBesidesLapsedHolds(before: Map<string, string>, after: Map<string, string>): Promise<string[]> {
  const found = differences(before, after);
  const changedHolds = found.filter((d) => d.startsWith(`${Collections.holds}/`) && d.endsWith(": changed")).map((d) => d.slice(0, d.indexOf(":")));
  const explained = new Set<string>();
  const skus = new Set<string>();
  for (const snap of changedHolds.length > 0 ? await adminDb().getAll(...changedHolds.map((p) => adminDb().doc(p))) : []) {
    const expiresAt = snap.get("expiresAt") as { toMillis(): number } | undefined;
    // Only a hold its timer found active past its expiry is touched (marked expired); the sweep leaves others alone.
    if (snap.get("status") === "active" || !expiresAt || expiresAt.toMillis() > Date.now()) continue;
    explained.add(snap.ref.path);
    for (const line of snap.get("lines") as { sku: string }[]) skus.add(line.sku);
  }
  for (const snap of skus.size > 0 ? await adminDb().getAll(...[...skus].map((sku) => adminDb().doc(`${Collections.inventory}/${sku}`))) : []) {
    explained.add(`${Collections.inventory}/${snap.id}`).add(`${Collections.stock}/${snap.id}`);
    const productId = snap.get("productId");
    // The product's views: its public stock, and its in-stock flag when the sweep brought units back.
    if (typeof productId === "string") explained.add(`${Collections.productStock}/${productId}`).add(`${Collections.products}/${productId}`);
  }
  const sweptEventPaths = found
    .filter((d) => d.endsWith(": created") && [...skus].some((sku) => d.startsWith(`${Collections.events}/sku~${sku}~`)))
    .map((d) => d.slice(0, d.indexOf(":")));
  for (const path of sweptEventPaths) explained.add(path);
  // Their webhook deliveries (`{endpointId}_{eventId}`, attempts below them) follow the event's envelope id.
  const eventIds = sweptEventPaths.length > 0 ? (await adminDb().getAll(...sweptEventPaths.map((p) => adminDb().doc(p)))).map((e) => String(e.get("id"))) : [];
  // So does the sweep commit's relay marker, named after its first event (events/outbox.ts).
  for (const id of eventIds) explained.add(`${Collections.eventCommits}/${id}`);
  const isExplained = (path: string) =>
    explained.has(path) || (path.startsWith(`${Collections.webhookDeliveries}/`) && eventIds.some((id) => path.includes(`_${id}`)));
  return found.filter((d) => !isExplained(d.slice(0, d.indexOf(": "))));
}

/** Triggers (profiles on sign-up, audits, alerts) finish asynchronously: wait until two snapshots agree. */
export async function settledSnapshot(): Promise<Map<string, string>> {
  let previous = await snapshotEverything();
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setTimeout(r, 1_500));
    const next = await snapshotEverything();
    if (differences(previous, next).length === 0) return next;
    previous = next;
  }
  throw new Error("The database never settled before fuzzing");
}
