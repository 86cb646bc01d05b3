/**
 * Profiles: created for every new Auth user (guests too) by the Auth trigger,
 * and by `syncMyProfile`, which the app calls after sign-in or after linking a
 * guest to an email account (linking fires no Auth onCreate).
 */
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { Collections, defaultProfile, type SyncMyProfileOutput } from "@showroom/model";
import { db } from "../app.js";
import { profileCreated } from "../logs.js";
import { defineCallable, type Caller } from "../shared/callable.js";

export interface AccountFacts {
  uid: string;
  email?: string | undefined;
  displayName?: string | undefined;
}

/**
 * Creates the profile with defaults, or fills the server-owned fields
 * (`uid`, `email`, `createdAt`) into one the owner created first. Never
 * touches the fields the customer edits, so running it twice changes nothing.
 */
export async function ensureProfile(firestore: Firestore, account: AccountFacts): Promise<{ created: boolean; email: string | null }> {
  const ref = firestore.collection(Collections.customers).doc(account.uid);
  return firestore.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const now = FieldValue.serverTimestamp();
    if (!snap.exists) {
      tx.create(ref, { ...defaultProfile(account), createdAt: now, updatedAt: now });
      return { created: true, email: account.email ?? null };
    }
    const data = snap.data() ?? {};
    const patch: Record<string, unknown> = {};
    if (data.uid !== account.uid) patch.uid = account.uid;
    if (data.createdAt === undefined) patch.createdAt = now;
    if (account.email && data.email !== account.email) patch.email = account.email;
    if (Object.keys(patch).length > 0) tx.update(ref, patch);
    const email = (patch.email ?? data.email ?? null) as string | null;
    return { created: false, email };
  });
}

/** Auth onCreate handler body: every user gets a profile, anonymous guests included. */
export async function createProfileForUser(firestore: Firestore, user: AccountFacts): Promise<void> {
  const { created } = await ensureProfile(firestore, user);
  profileCreated(user.uid, created);
}

export async function syncMyProfile(firestore: Firestore, caller: Caller): Promise<SyncMyProfileOutput> {
  // The email comes from the verified ID token, never from the client's input.
  const { created, email } = await ensureProfile(firestore, { uid: caller.uid, email: caller.email });
  return { uid: caller.uid, email, created };
}

export const syncMyProfileCallable = defineCallable("syncMyProfile", (_input, caller) => syncMyProfile(db(), caller));
