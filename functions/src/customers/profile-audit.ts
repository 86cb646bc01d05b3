/**
 * On every write of `customers/{uid}`: a consent event per marketing channel
 * that flipped, and one audit entry naming the changed fields (names only, so
 * the audit log never copies a phone number or address). Idempotent by event id.
 */
import { FieldValue, type DocumentData, type Firestore } from "firebase-admin/firestore";
import { changedProfileFields, Collections, consentChanges, CustomerSubcollections } from "@showroom/model";
import { appendAudit } from "../shared/audit.js";
import { oncePerEvent, safeId } from "./receipts.js";

export interface ProfileWrite {
  eventId: string;
  uid: string;
  before: DocumentData | undefined;
  after: DocumentData | undefined;
}

/** Fields only functions write; a change to nothing else was made by the system. */
const SERVER_FIELDS = new Set(["uid", "email", "createdAt"]);

/**
 * Who changed the profile. Rules let only the owner write, and only the
 * editable fields; functions write only server fields (and the defaults, with
 * `createdAt`, when they create the profile). So the changed fields say who it was.
 * (onDocumentWrittenWithAuthContext would say directly, but the Firestore
 * emulator reports authType "unknown" with a fake id, so it cannot be tested here.)
 */
export function profileActor(change: ProfileWrite, fields: readonly string[]): "customer" | "system" {
  if (!change.before) return change.after?.createdAt === undefined ? "customer" : "system";
  return fields.every((f) => SERVER_FIELDS.has(f)) ? "system" : "customer";
}

export async function recordProfileChange(firestore: Firestore, change: ProfileWrite): Promise<void> {
  // Deletion is erasure, which writes its own audit entry without personal data.
  if (!change.after) return;
  const fields = changedProfileFields(change.before, change.after);
  const consent = consentChanges(change.before, change.after);
  if (fields.length === 0) return;
  const actor = profileActor(change, fields);
  const profileRef = firestore.collection(Collections.customers).doc(change.uid);

  await oncePerEvent(firestore, change.eventId, "profileChanged", async (tx) => {
    // An event that arrives after erasure must not bring the uid back.
    if (!(await tx.get(profileRef)).exists) return;
    for (const { channel, granted } of consent) {
      const ref = profileRef.collection(CustomerSubcollections.consentEvents).doc(`${safeId(change.eventId)}-${channel}`);
      tx.create(ref, { channel, granted, source: actor, at: FieldValue.serverTimestamp() });
    }
    appendAudit(tx, {
      actor: { uid: actor === "customer" ? change.uid : "system", role: null },
      action: change.before ? "customer.profile.update" : "customer.profile.create",
      target: { kind: "customer", id: change.uid },
      after: { fields },
    });
  });
}
