/**
 * The shopper's own data: profile sync after sign-in, export as one JSON file,
 * and erasure. Each call's output is parsed with the contract's schema.
 */
import { signOut } from "firebase/auth";
import {
  DeleteMyAccountOutputSchema,
  ExportMyDataOutputSchema,
  SyncMyProfileOutputSchema,
  type ExportMyDataOutput,
  type SyncMyProfileOutput,
} from "@showroom/model";
import { auth } from "../../../lib/firebase";
import { callable } from "../../../lib/callables";

/**
 * Call after sign-in and after a guest links an email account: linking fires
 * no Auth trigger, so this is how the profile learns the verified email.
 */
export const syncMyProfile: () => Promise<SyncMyProfileOutput> = (() => {
  const call = callable<Record<string, never>, SyncMyProfileOutput>("syncMyProfile", SyncMyProfileOutputSchema);
  return () => call({});
})();

const exportCall = callable<Record<string, never>, ExportMyDataOutput>("exportMyData", ExportMyDataOutputSchema);
const deleteCall = callable<Record<string, never>, { deleted: true }>("deleteMyAccount", DeleteMyAccountOutputSchema);

export function exportFileName(uid: string, at: Date): string {
  return `showroom-data-${uid.slice(0, 8)}-${at.toISOString().slice(0, 10)}.json`;
}

/** Fetches every document about the shopper and saves it as one JSON download. */
export async function downloadMyData(): Promise<ExportMyDataOutput> {
  const data = await exportCall({});
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = exportFileName(data.uid, new Date(data.exportedAt));
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
  return data;
}

/** Erases the account on the server, then signs the (now deleted) user out here. */
export async function deleteMyAccount(): Promise<void> {
  await deleteCall({});
  await signOut(auth);
}

/** The words the shopper types to confirm erasure: deliberate, and the same in tests. */
export const DELETE_CONFIRMATION = "DELETE";

export function confirmsDeletion(typed: string): boolean {
  return typed.trim().toUpperCase() === DELETE_CONFIRMATION;
}
