/**
 * The signed-in user and their role claim, as one value. The user and the role
 * are set together once the token's claims are read, so a staff member never
 * sees a "not authorised" flash between signing in and the claims arriving.
 * `useRole()` (lib/claims) is mounted for its effect: it forces a token refresh
 * when setUserRole stamps `roleChanges/{uid}`, and the refreshed token reaches
 * the listener here, so a grant or revoke applies without signing out.
 */
import { useEffect, useState } from "react";
import { onIdTokenChanged, type User } from "firebase/auth";
import type { Role } from "@showroom/model";
import { auth } from "../../../lib/firebase";
import { roleFromClaims, useRole } from "../../../lib/claims";

export type StaffSession = { status: "loading" } | { status: "ready"; user: User | null; role: Role | null };

export function useStaffSession(): StaffSession {
  useRole();
  const [session, setSession] = useState<StaffSession>({ status: "loading" });
  useEffect(() => {
    let generation = 0;
    return onIdTokenChanged(auth, (user) => {
      const current = ++generation;
      if (!user) return setSession({ status: "ready", user: null, role: null });
      void user.getIdTokenResult().then(
        (token) => current === generation && setSession({ status: "ready", user, role: roleFromClaims(token.claims) }),
        () => current === generation && setSession({ status: "ready", user, role: null }),
      );
    });
  }, []);
  return session;
}
