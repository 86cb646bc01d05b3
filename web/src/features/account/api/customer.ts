/**
 * `customers/{uid}`: the owner's profile, live, and writes of exactly the
 * fields the shopper may edit (`CustomerEditableSchema`), each stamped with
 * `updatedAt`. Profile creation (uid, email, createdAt) belongs to the server.
 */
import { doc, serverTimestamp, setDoc } from "firebase/firestore";
import { Collections, ConsentChannels, CustomerEditableSchema, type ConsentChannel, type CustomerEditable } from "@showroom/model";
import { db } from "../../../lib/firebase";
import { useLiveDoc } from "../../../lib/live";

const shape = CustomerEditableSchema.shape;

export interface CustomerView {
  displayName: string;
  phone: string;
  addresses: CustomerEditable["addresses"];
  marketing: Record<ConsentChannel, { granted: boolean }>;
}

/** Lenient per field: a missing or odd field shows as empty rather than hiding the whole profile. */
export function parseCustomer(data: unknown): CustomerView {
  const d = (data ?? {}) as Record<string, unknown>;
  const marketing = (d.marketing ?? {}) as Record<string, { granted?: unknown } | undefined>;
  return {
    displayName: shape.displayName.safeParse(d.displayName).data ?? "",
    phone: shape.phone.safeParse(d.phone).data ?? "",
    addresses: shape.addresses.safeParse(d.addresses).data ?? [],
    marketing: Object.fromEntries(ConsentChannels.map((c) => [c, { granted: marketing[c]?.granted === true }])) as CustomerView["marketing"],
  };
}

export function useCustomer(uid: string | null) {
  return useLiveDoc(uid ? doc(db, Collections.customers, uid) : null, parseCustomer);
}

type Patch = Partial<Pick<CustomerEditable, "displayName" | "phone" | "addresses">>;

export function saveProfile(uid: string, patch: Patch): Promise<void> {
  return setDoc(doc(db, Collections.customers, uid), { ...patch, updatedAt: serverTimestamp() }, { merge: true });
}

/**
 * Consent is stored whole (every channel, `{ granted }` only, as the rules
 * require); when it was given or withdrawn is recorded server-side.
 */
export function saveConsent(uid: string, current: CustomerView["marketing"], channel: ConsentChannel, granted: boolean): Promise<void> {
  const marketing = { ...current, [channel]: { granted } };
  return setDoc(doc(db, Collections.customers, uid), { marketing, updatedAt: serverTimestamp() }, { merge: true });
}
