/**
 * The role watcher behind `useRole` (claims.ts), with Auth and Firestore passed
 * in so the integration tests run this exact code against the emulators.
 *
 * Roles are custom claims, which reach the app only inside an ID token;
 * setUserRole stamps `roleChanges/{uid}` after changing them, and the watcher
 * answers that stamp with a forced token refresh, so a granted or revoked role
 * applies without signing out.
 */
import { onIdTokenChanged, type Auth } from "firebase/auth";
import { doc, onSnapshot, type Firestore, type Timestamp } from "firebase/firestore";
import { Collections, isStaffRole, type Role } from "@showroom/model";

export interface RoleState {
  role: Role | null;
  loading: boolean;
}

export function roleFromClaims(claims: Record<string, unknown>): Role | null {
  return isStaffRole(claims.role) ? (claims.role as Role) : null;
}

/**
 * A role-change stamp calls for a refresh when it is not older than the token
 * (the token's issue time is floored to the second, so "not older" is the safe
 * side) and has not been answered already: one refresh per stamp, never a loop.
 */
export function needsTokenRefresh(stampMs: number, tokenIssuedMs: number, answeredStampMs: number | null): boolean {
  return stampMs !== answeredStampMs && stampMs >= tokenIssuedMs;
}

/** Calls `onChange` with the role now and after every change; returns the unsubscribe. */
export function watchRole(auth: Auth, db: Firestore, onChange: (state: RoleState) => void): () => void {
  let stopStamp: (() => void) | undefined;
  let generation = 0;
  let answered: number | null = null;
  const stopToken = onIdTokenChanged(auth, (user) => {
    stopStamp?.();
    stopStamp = undefined;
    const current = ++generation;
    if (!user) {
      onChange({ role: null, loading: false });
      return;
    }
    user.getIdTokenResult().then(
      (token) => {
        if (current !== generation) return; // a newer token or another user arrived meanwhile
        onChange({ role: roleFromClaims(token.claims), loading: false });
        const issuedMs = Date.parse(token.issuedAtTime);
        stopStamp = onSnapshot(
          doc(db, Collections.roleChanges, user.uid),
          (snap) => {
            const stampMs = (snap.get("updatedAt") as Timestamp | undefined)?.toMillis();
            if (stampMs === undefined || !needsTokenRefresh(stampMs, issuedMs, answered)) return;
            answered = stampMs;
            // The refreshed token fires onIdTokenChanged again, which re-reads the role.
            void user.getIdToken(true);
          },
          // No stamp access (e.g. signing out mid-flight): the role stays as the token says.
          () => undefined,
        );
      },
      () => {
        if (current === generation) onChange({ role: null, loading: false });
      },
    );
  });
  return () => {
    stopToken();
    stopStamp?.();
  };
}
