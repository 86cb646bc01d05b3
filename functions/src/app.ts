import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";

// One Admin app per instance; modules ask for Firestore/Auth here instead of initialising again.
// On the emulator, Cloud Tasks enqueues would ask the (absent) metadata server for the service
// account and hang until its connect timeout; naming one skips that.
if (getApps().length === 0) initializeApp(process.env.CLOUD_TASKS_EMULATOR_HOST ? { serviceAccountId: "emulated-tasks@demo-showroom.iam.gserviceaccount.com" } : undefined);

export const db = () => getFirestore();
export const auth = () => getAuth();
