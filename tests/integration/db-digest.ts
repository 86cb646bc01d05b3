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
