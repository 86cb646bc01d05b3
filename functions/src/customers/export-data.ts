/** `exportMyData`: every document about the caller as JSON; nothing about anyone else. */
import { DocumentReference, GeoPoint, Timestamp } from "firebase-admin/firestore";
import { redactOthers, type ExportMyDataOutput } from "@showroom/model";
import { deps, type Deps } from "../app.js";
import { dataExported } from "../logs.js";
import { defineCallable, type Caller } from "../shared/callable.js";
import { findCustomerData } from "./customer-data.js";

/** Firestore values → plain JSON: timestamps as ISO strings, references as paths. */
export function toJson(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toDate().toISOString();
  if (value instanceof DocumentReference) return value.path;
  if (value instanceof GeoPoint) return { latitude: value.latitude, longitude: value.longitude };
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(toJson);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  }
  return value;
}

export async function exportMyData(deps: Pick<Deps, "db" | "auth" | "now">, caller: Caller): Promise<ExportMyDataOutput> {
  const [found, user] = await Promise.all([findCustomerData(deps.db, caller.uid), deps.auth.getUser(caller.uid).catch(() => null)]);
  const documents = found.map(({ ref, source, data }) => ({
    path: ref.path,
    collection: source.collection,
    data: redactOthers(source.collection, toJson(data) as Record<string, unknown>, caller.uid),
  }));
  dataExported(caller.uid, documents.length);
  return {
    uid: caller.uid,
    exportedAt: new Date(await deps.now()).toISOString(),
    account: {
      email: user?.email ?? null,
      phoneNumber: user?.phoneNumber ?? null,
      createdAt: user?.metadata.creationTime ? new Date(user.metadata.creationTime).toISOString() : null,
    },
    documents,
  };
}

export const exportMyDataCallable = defineCallable("exportMyData", (_input, caller) => exportMyData(deps(), caller));
