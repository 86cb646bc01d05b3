/**
 * The whole emulator database (every document, walked recursively, and every
 * Auth user's record) as path → hash, so a suite can prove a call wrote nothing.
 */
import { createHash } from "node:crypto";
import type { DocumentReference } from "firebase-admin/firestore";
import { Collections } from "@showroom/model";
import { subjectDocId } from "../../functions/src/webhooks/deliveries.js";
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

/** path → hash of every document (and every Auth user's record), walking all collections and subcollections. */
export async function snapshotEverything(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (refs: DocumentReference[]): Promise<void> => {
    const snaps = refs.length > 0 ? await adminDb().getAll(...refs) : [];
    await Promise.all(
      snaps.map(async (snap) => {
        if (snap.exists) out.set(snap.ref.path, sha(canonical(snap.data())));
        for (const sub of await snap.ref.listCollections()) await walk(await sub.listDocuments());
      }),
    );
  };
  for (const collection of await adminDb().listCollections()) await walk(await collection.listDocuments());
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
 * Whether every stored event has been published and taken in by the webhook consumer (its subject's
 * `through` reached the event's seq). The consumer's first message can take a minute on a cold, busy
 * emulator, far longer than the quiet spell `settledSnapshot` waits for.
 */
async function eventsDrained(): Promise<boolean> {
  const events = await adminDb().collection(Collections.events).select("subject", "seq", "publishedAt").get();
  if (events.docs.some((d) => d.get("publishedAt") === null)) return false;
  const highest = new Map<string, number>();
  for (const d of events.docs) highest.set(d.get("subject") as string, Math.max(highest.get(d.get("subject") as string) ?? 0, d.get("seq") as number));
  const subjects = [...highest.keys()];
  const cursors =
    subjects.length > 0 ? await adminDb().getAll(...subjects.map((s) => adminDb().collection(Collections.webhookSubjects).doc(subjectDocId(s)))) : [];
  return cursors.every((c, i) => ((c.get("through") as number | undefined) ?? 0) >= (highest.get(subjects[i] as string) ?? 0));
}

/** Triggers (profiles on sign-up, audits, alerts) and the event pipeline finish asynchronously: wait until both are done. */
export async function settledSnapshot(): Promise<Map<string, string>> {
  let previous = await snapshotEverything();
  for (let i = 0; i < 160; i++) {
    await new Promise((r) => setTimeout(r, 1_500));
    const next = await snapshotEverything();
    if (differences(previous, next).length === 0 && (await eventsDrained())) return next;
    previous = next;
  }
  throw new Error("The database never settled before fuzzing");
}
