/**
 * The audit log: append-only, written only here, in the same transaction as
 * the change it records so one never exists without the other.
 */
import { FieldValue, type Transaction, type WriteBatch } from "firebase-admin/firestore";
import { Collections } from "@showroom/model";
import { db } from "../app.js";
import type { Caller } from "./callable.js";

export interface AuditEntry {
  /** Who acted: a callable's caller, or a system actor (`{ uid: "system", role: null }`). Only these two fields are stored. */
  actor: Pick<Caller, "uid" | "role">;
  action: string;
  target: { kind: string; id: string };
  before?: unknown;
  after?: unknown;
  note?: string;
}

export function appendAudit(writer: Transaction | WriteBatch, { actor, ...entry }: AuditEntry): void {
  const ref = db().collection(Collections.auditLog).doc();
  const record = { actorUid: actor.uid, actorRole: actor.role, ...entry, at: FieldValue.serverTimestamp() };
  // Firestore rejects `undefined`; drop absent optional fields.
  const clean = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
  // Transaction and WriteBatch share `create`; the cast only picks one overload.
  (writer as WriteBatch).create(ref, clean);
}
