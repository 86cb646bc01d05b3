/**
 * `deleteMyAccount`: erases the caller. Deletes the profile and its
 * subcollections (alerts, notifications, consent history), role signal and
 * idempotency keys; keeps orders for the books with name, address, phone and
 * email replaced and the uid swapped for a random placeholder; replaces the uid
 * in holds, inventory hold entries, the stock ledger and the audit log (their
 * history must still add up); sets the uid of past events to null; records one
 * audit entry without personal data and the event `customer.erased { uid }`;
 * deletes the Auth user last, so a failure part-way can simply be retried.
 */
import { randomBytes } from "node:crypto";
import { FieldPath, type DocumentData, type Firestore } from "firebase-admin/firestore";
import { anonymiseFeedback, Collections, DeleteMyAccountOutputSchema, ERASED, erasedUid, scrubStrings, type CustomerDataSource } from "@showroom/model";
import type { z } from "zod";
import { deps, type Deps } from "../app.js";
import { accountErased } from "../logs.js";
import { appendAudit } from "../shared/audit.js";
import { defineCallable, type Caller } from "../shared/callable.js";
import { customerErasedEvent } from "../events/build.js";
import { writeEvents } from "../events/outbox.js";
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
async function rewriteKept(
  firestore: Firestore,
  found: readonly FoundDocument[],
  rewrite: (data: DocumentData, source: CustomerDataSource) => DocumentData,
): Promise<number> {
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

/**
 * Events carry no names, emails, phones or addresses; the only personal datum
 * is the uid on order events, which becomes null (as for events written later
 * about the anonymised orders, build.ts `eventUid`). Pub/Sub messages already
 * delivered cannot be recalled: consumers get `customer.erased` to do the same.
 */
async function scrubEvents(firestore: Firestore, uid: string): Promise<number> {
  const snap = await firestore.collection(Collections.events).where("data.uid", "==", uid).get();
  const writer = firestore.bulkWriter();
  for (const doc of snap.docs) void writer.update(doc.ref, { "data.uid": null });
  await writer.close();
  return snap.size;
}

export async function deleteMyAccount(
  deps: Pick<Deps, "db" | "auth">,
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
  const replacements = personalStrings(
    caller.uid,
    placeholder,
    [user?.email, profile.email, caller.email],
    [user?.phoneNumber, profile.phone, ...addressPhones],
  );

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

  const eventsScrubbed = await scrubEvents(firestore, caller.uid);

  const counts = { deleted, ordersAnonymised: orders, answersAnonymised: answers, pseudonymised, eventsScrubbed };
  const erased = customerErasedEvent(caller.uid, Date.now());
  await firestore.runTransaction(async (tx) => {
    // A retried erasure (say the Auth deletion below failed) finds its event and announces nothing twice.
    const announced = (await tx.get(firestore.collection(Collections.events).doc(erased.id))).exists;
    appendAudit(tx, {
      actor: { uid: placeholder, role: null },
      action: "customer.erase",
      target: { kind: "customer", id: placeholder },
      after: counts,
    });
    if (!announced) writeEvents(tx, firestore, [erased]);
  });

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

export const deleteMyAccountCallable = defineCallable("deleteMyAccount", (_input, caller) => deleteMyAccount(deps(), caller));
