import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";

// One Admin app per instance; modules ask for Firestore/Auth here instead of initialising again.
if (getApps().length === 0) initializeApp();

export const db = () => getFirestore();
export const auth = () => getAuth();
