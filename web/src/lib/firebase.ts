/** Firebase is initialised here once; emulators are connected here and nowhere else. */
import { initializeApp } from "firebase/app";
import { connectAuthEmulator, getAuth } from "firebase/auth";
import { connectFirestoreEmulator, getFirestore } from "firebase/firestore";
import { connectFunctionsEmulator, getFunctions } from "firebase/functions";
import { config } from "../config/env";
import { startAppCheck } from "./app-check";

export const app = initializeApp(config.firebase);
// Before any callable: the Functions SDK attaches App Check tokens once App Check is started on the app.
startAppCheck(app);
export const db = getFirestore(app);
export const auth = getAuth(app);
export const functions = getFunctions(app, config.region);

if (config.emulators) {
  const { host, firestorePort, authPort, functionsPort } = config.emulators;
  connectFirestoreEmulator(db, host, firestorePort);
  connectAuthEmulator(auth, `http://${host}:${authPort}`, { disableWarnings: true });
  connectFunctionsEmulator(functions, host, functionsPort);
}
