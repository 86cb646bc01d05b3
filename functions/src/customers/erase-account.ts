/**
 * `deleteMyAccount`: erases the caller. Deletes the profile and its
 * subcollections (alerts, notifications, consent history), role signal and
 * idempotency keys; keeps orders for the books with name, address, phone and
 * email replaced and the uid swapped for a random placeholder; replaces the uid
 * in holds, inventory hold entries, the stock ledger and the audit log (their
 * history must still add up); records one audit entry without personal data;
 * deletes the Auth user last, so a failure part-way can simply be retried.
 */
import { randomBytes } from "node:crypto";
import { FieldPath, type DocumentData, type Firestore } from "firebase-admin/firestore";
import type { Auth } from "firebase-admin/auth";
import {
  anonymiseFeedback,
  Collections,
  DeleteMyAccountOutputSchema,
  EmptyInputSchema,
  ERASED,
  erasedUid,
  scrubStrings,
  type CustomerDataSource,
} from "@showroom/model";
import type { z } from "zod";
import { auth, db } from "../app.js";
import { accountErased } from "../logs.js";
import { appendAudit } from "../shared/audit.js";
import { defineCallable, type Caller } from "../shared/callable.js";
import { findCustomerData, type FoundDocument } from "./customer-data.js";

type Replacement = { from: string; to: string };

/** The strings that identify the customer: uid, emails and phone numbers they gave us. */
export function personalStrings(uid: string, placeholder: string, emails: (string | undefined | null)[], phones: (string | undefined | null)[]): Replacement[] {
  const erase = (values: (string | undefined | null)[]) =>
    [...new Set(values.filter((v): v is string => typeof v === "string" && v.trim().length > 0))].map((from) => ({ from, to: ERASED }));
  return [{ from: uid, to: placeholder }, ...erase(emails), ...erase(phones)];
}

/** An order kept for the books: the money and lines stay, the person goes. */
export function anonymiseOrder(order: DocumentData, replacements: readonly Replacement[], placeholder: string): DocumentData {
  const { email: _email, phone: _phone, ...rest } = order;
  const shipping = (order.shipping ?? {}) as { country?: unknown };
  const anonymised = {
    ...rest,
    uid: placeholder,
    // Country stays (tax and the books need it); the schema still parses.
    shipping: { name: ERASED, line1: ERASED, city: ERASED, postalCode: ERASED, country: shipping.country ?? "ZZ" },
  };
  return scrubStrings(anonymised, replacements);
}

async function deleteDocuments(firestore: Firestore, found: readonly FoundDocument[]): Promise<number> {
  const writer = firestore.bulkWriter();
  for (const { ref } of found) void writer.delete(ref);
  await writer.close();
  return found.length;
}

/** Re-reads each kept document in its own transaction so concurrent updates are not overwritten. */
async function rewriteKept(firestore: Firestore, found: readonly FoundDocument[], rewrite: (data: DocumentData, source: CustomerDataSource) => DocumentData): Promise<number> {
  let count = 0;
  for (const { ref, source } of found) {
    count += await firestore.runTransaction(async (tx) => {
      const snap = await tx.get(ref);
      if (!snap.exists) return 0;
      tx.set(ref, rewrite(snap.data() ?? {}, source));
      return 1;
    });
  }
  return count;
}

/** Inventory documents keep their other holds: only this customer's entries get the placeholder. */
async function pseudonymiseHoldEntries(firestore: Firestore, found: readonly FoundDocument[], uid: string, placeholder: string): Promise<number> {
  let count = 0;
  for (const { ref } of found) {
    count += await firestore.runTransaction(async (tx) => {
      const snap = await tx.get(ref);
      const entries = Object.entries((snap.get("holds") ?? {}) as Record<string, { uid?: string }>).filter(([, e]) => e.uid === uid);
      if (entries.length === 0) return 0;
      const [[firstId], ...rest] = entries as [[string, unknown], ...[string, unknown][]];
      tx.update(ref, new FieldPath("holds", firstId, "uid"), placeholder, ...rest.flatMap(([id]) => [new FieldPath("holds", id, "uid"), placeholder]));
      return 1;
    });
  }
  return count;
}

export async function deleteMyAccount(
  deps: { db: Firestore; auth: Auth },
  caller: Caller,
  random: () => string = () => randomBytes(12).toString("hex"),
): Promise<z.infer<typeof DeleteMyAccountOutputSchema>> {
  const { db: firestore, auth: authService } = deps;
  const placeholder = erasedUid(random());
  const user = await authService.getUser(caller.uid).catch(() => null);
  // No new sign-ins while we erase (existing ID tokens live on until deletion below).
  if (user) await authService.updateUser(caller.uid, { disabled: true });

  const profileRef = firestore.collection(Collections.customers).doc(caller.uid);
  const profile = (await profileRef.get()).data() ?? {};
  const addressPhones = ((profile.addresses ?? []) as { phone?: string }[]).map((a) => a.phone);
  const replacements = personalStrings(caller.uid, placeholder, [user?.email, profile.email, caller.email], [user?.phoneNumber, profile.phone, ...addressPhones]);

  // The profile goes first: triggers that arrive later see no profile and write nothing.
  await firestore.recursiveDelete(profileRef);

  const found = await findCustomerData(firestore, caller.uid);
  const byAction = (action: CustomerDataSource["erase"], holdEntries = false) =>
    found.filter((f) => f.source.erase === action && (f.source.match.by === "holdEntries") === holdEntries);

  const deleted = await deleteDocuments(firestore, byAction("delete"));
  const orders = await rewriteKept(firestore, byAction("anonymiseOrder"), (data) => anonymiseOrder(data, replacements, placeholder));
  const answers = await rewriteKept(firestore, byAction("anonymiseFeedback"), (data) => anonymiseFeedback(data, placeholder));
  const pseudonymised =
    (await rewriteKept(firestore, byAction("pseudonymise"), (data) => scrubStrings(data, replacements))) +
    (await pseudonymiseHoldEntries(firestore, byAction("pseudonymise", true), caller.uid, placeholder));

  const counts = { deleted, ordersAnonymised: orders, answersAnonymised: answers, pseudonymised };
  const batch = firestore.batch();
  appendAudit(batch, {
    actor: { uid: placeholder, role: null },
    action: "customer.erase",
    target: { kind: "customer", id: placeholder },
    after: counts,
  });
  await batch.commit();

  if (user) {
    // A concurrent second call (double click) may have deleted the user already.
    await authService.deleteUser(caller.uid).catch((error: { code?: string }) => {
      if (error.code !== "auth/user-not-found") throw error;
    });
  }
  // Anything the still-signed-in app wrote meanwhile (rules let the owner create a profile) goes too.
  await firestore.recursiveDelete(profileRef);
  accountErased(placeholder, counts);
  return { deleted: true };
}

export const deleteMyAccountCallable = defineCallable("deleteMyAccount", "signed-in", EmptyInputSchema, (_input, caller) =>
  deleteMyAccount({ db: db(), auth: auth() }, caller),
);
