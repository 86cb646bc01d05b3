/**
 * Anonymous accounts (guests who browsed, held a cart or answered a question,
 * but never ordered) pile up: one per visitor and device, more with bots. Once
 * a day, those idle longer than `anonymousAccountMaxAgeDays` are erased
 * through the same `deleteMyAccount` path a customer uses (docs/access.md,
 * "Customer data"), so their holds, answers and counters go the same way.
 * An anonymous account that ever ordered is kept: its orders are the books'.
 */
import type { UserRecord } from "firebase-admin/auth";
import * as v1 from "firebase-functions/v1";
import { Collections } from "@showroom/model";
import { deps, type Deps } from "../app.js";
import { config } from "../config.js";
import { anonymousAccountsCleaned } from "../logs.js";
import { deleteMyAccount } from "./erase-account.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** An anonymous account (no sign-in provider, no email) neither created nor used within `maxAgeDays`. */
export function isIdleAnonymous(user: Pick<UserRecord, "providerData" | "email" | "metadata">, nowMs: number, maxAgeDays: number): boolean {
  if (user.providerData.length > 0 || user.email) return false;
  const { creationTime, lastSignInTime, lastRefreshTime } = user.metadata;
  const lastSeen = Math.max(...[creationTime, lastSignInTime, lastRefreshTime].map((t) => (t ? Date.parse(t) : 0)));
  return nowMs - lastSeen > maxAgeDays * DAY_MS;
}

/** Erases every idle anonymous account that never ordered; answers how many were looked at and erased. */
export async function cleanUpAnonymousAccounts(deps: Pick<Deps, "db" | "auth">, nowMs: number, maxAgeDays: number): Promise<{ idle: number; erased: number }> {
  let idle = 0;
  let erased = 0;
  let pageToken: string | undefined;
  do {
    const page = await deps.auth.listUsers(1000, pageToken);
    for (const user of page.users.filter((u) => isIdleAnonymous(u, nowMs, maxAgeDays))) {
      idle++;
      const ordered = !(await deps.db.collection(Collections.orders).where("uid", "==", user.uid).limit(1).get()).empty;
      if (ordered) continue;
      await deleteMyAccount(deps, { uid: user.uid, role: null, anonymous: true });
      erased++;
    }
    pageToken = page.pageToken;
  } while (pageToken);
  anonymousAccountsCleaned(idle, erased);
  return { idle, erased };
}

// A 1st gen schedule, like scheduledReconcile: the Functions emulator runs it when its Pub/Sub topic gets a message.
export const cleanUpAnonymousAccountsSchedule = v1
  .region(config.region)
  .pubsub.schedule("every 24 hours")
  .onRun(async () => {
    await cleanUpAnonymousAccounts(deps(), Date.now(), config.anonymousAccountMaxAgeDays);
  });
