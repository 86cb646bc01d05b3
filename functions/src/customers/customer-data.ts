/**
 * Finds every document about one customer by walking `CustomerDataRegistry`
 * (model/src/customer.ts). Export and erasure both use this, so one list
 * decides what "the customer's data" is.
 */
import { FieldPath, type DocumentData, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import { Collections, CustomerDataRegistry, type CustomerDataSource } from "@showroom/model";

export interface FoundDocument {
  ref: DocumentReference;
  source: CustomerDataSource;
  /** The document's data; for `holdEntries`, only the customer's own entries. */
  data: DocumentData;
}

/** A document and everything below it (subcollections at any depth), parent first. */
async function subtree(ref: DocumentReference): Promise<{ ref: DocumentReference; data: DocumentData | undefined }[]> {
  const snap = await ref.get();
  const out: { ref: DocumentReference; data: DocumentData | undefined }[] = [{ ref, data: snap.data() }];
  for (const collection of await ref.listCollections()) {
    // listDocuments also returns "missing" parents that only have subcollections.
    for (const child of await collection.listDocuments()) out.push(...(await subtree(child)));
  }
  return out;
}

async function find(firestore: Firestore, uid: string, source: CustomerDataSource): Promise<FoundDocument[]> {
  const collection = firestore.collection(source.collection);
  switch (source.match.by) {
    case "docId": {
      const docs = await subtree(collection.doc(uid));
      // A parent that exists only as a path (no data) has nothing to export or erase itself.
      return docs.flatMap(({ ref, data }) => (data ? [{ ref, source, data }] : []));
    }
    case "fields": {
      const snaps = await Promise.all(source.match.fields.map((field) => collection.where(field, "==", uid).get()));
      const byPath = new Map<string, FoundDocument>();
      for (const snap of snaps) for (const doc of snap.docs) byPath.set(doc.ref.path, { ref: doc.ref, source, data: doc.data() });
      return [...byPath.values()];
    }
    case "idPrefix": {
      const prefix = `${uid}_`;
      const snap = await collection.orderBy(FieldPath.documentId()).startAt(prefix).endAt(`${prefix}\uf8ff`).get();
      return snap.docs.map((doc) => ({ ref: doc.ref, source, data: doc.data() }));
    }
    case "holdEntries": {
      // The holds map is keyed by hold id: the customer's holds name the SKUs to look at.
      const holds = await firestore.collection(Collections.holds).where("uid", "==", uid).get();
      const skus = new Set(holds.docs.flatMap((h) => ((h.get("lines") ?? []) as { sku: string }[]).map((l) => l.sku)));
      if (skus.size === 0) return [];
      const snaps = await firestore.getAll(...[...skus].map((sku) => collection.doc(sku)));
      return snaps.flatMap((snap) => {
        const entries = Object.entries((snap.get("holds") ?? {}) as Record<string, { uid?: string }>).filter(([, e]) => e.uid === uid);
        return entries.length === 0 ? [] : [{ ref: snap.ref, source, data: { sku: snap.id, holds: Object.fromEntries(entries) } }];
      });
    }
  }
}

/** Every document about `uid`, in registry order. */
export async function findCustomerData(firestore: Firestore, uid: string): Promise<FoundDocument[]> {
  const found = await Promise.all(CustomerDataRegistry.map((source) => find(firestore, uid, source)));
  return found.flat();
}
