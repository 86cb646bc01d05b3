import { useEffect, useState } from "react";
import { onAuthStateChanged, signInAnonymously, signOut as firebaseSignOut, type User } from "firebase/auth";
import { auth } from "./firebase";

export type AuthState = { status: "loading" } | { status: "ready"; user: User | null };

/** The signed-in user (anonymous guests included), live. */
export function useAuthUser(): AuthState {
  const [state, setState] = useState<AuthState>({ status: "loading" });
  useEffect(() => onAuthStateChanged(auth, (user) => setState({ status: "ready", user })), []);
  return state;
}

let signingIn: Promise<User> | null = null;

/**
 * The current user, signing a guest in anonymously when nobody is: guests can
 * hold stock and order. Concurrent callers share one sign-in, so a guest gets
 * exactly one anonymous account.
 */
export async function ensureShopper(): Promise<User> {
  await auth.authStateReady();
  if (auth.currentUser) return auth.currentUser;
  signingIn ??= signInAnonymously(auth)
    .then((credential) => credential.user)
    .finally(() => {
      signingIn = null;
    });
  return signingIn;
}

export function signOut(): Promise<void> {
  return firebaseSignOut(auth);
}
