/**
 * Sign in and sign up. A guest signing up upgrades their anonymous account in
 * place (linkWithCredential), so the uid — and with it their orders — stays.
 */
import { createUserWithEmailAndPassword, EmailAuthProvider, linkWithCredential, signInWithEmailAndPassword, updateProfile, type User } from "firebase/auth";
import { FirebaseError } from "firebase/app";
import { auth } from "../../../lib/firebase";
import { saveProfile } from "../../account";
import { syncMyProfile } from "../../privacy";

/** Signing in must not fail because the profile sync did; it runs again at the next sign-in. */
async function syncProfileQuietly(): Promise<void> {
  await syncMyProfile().catch((error: unknown) => console.warn("Profile sync failed; will retry at next sign-in", error));
}

export async function signUp(name: string, email: string, password: string): Promise<User> {
  await auth.authStateReady();
  const current = auth.currentUser;
  const user = current?.isAnonymous
    ? (await linkWithCredential(current, EmailAuthProvider.credential(email, password))).user
    : (await createUserWithEmailAndPassword(auth, email, password)).user;
  if (name) await updateProfile(user, { displayName: name });
  // Linking fires no Auth trigger: the profile learns the verified email here, then takes the name given.
  await syncProfileQuietly();
  if (name) await saveProfile(user.uid, { displayName: name });
  return user;
}

export async function signIn(email: string, password: string): Promise<User> {
  const user = (await signInWithEmailAndPassword(auth, email, password)).user;
  await syncProfileQuietly();
  return user;
}

/** Auth errors in plain words. */
export function authErrorMessage(error: unknown): string {
  const code = error instanceof FirebaseError ? error.code : "";
  switch (code) {
    case "auth/email-already-in-use":
    case "auth/credential-already-in-use":
      return "That email already has an account. Sign in instead.";
    case "auth/invalid-email":
      return "That doesn’t look like an email address.";
    case "auth/weak-password":
      return "Choose a password of at least 6 characters.";
    case "auth/invalid-credential":
    case "auth/wrong-password":
    case "auth/user-not-found":
      return "That email and password don’t match. Try again.";
    case "auth/too-many-requests":
      return "Too many attempts. Wait a minute and try again.";
    case "auth/network-request-failed":
      return "We couldn’t reach the server. Check your connection and try again.";
    default:
      return "Something went wrong. Please try again.";
  }
}
