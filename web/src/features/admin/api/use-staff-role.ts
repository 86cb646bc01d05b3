/**
 * The signed-in user and their role claim, live. Reads the ID token's claims
 * and refreshes when the token changes; setUserRole stamps `roleChanges/{uid}`,
 * which the shared claims hook also watches.
 */
import { useEffect, useState } from "react";
import { onIdTokenChanged, type User } from "firebase/auth";
import { isStaffRole, type Role } from "@showroom/model";
import { auth } from "../../../lib/firebase";

export type StaffSession = { status: "loading" } | { status: "ready"; user: User | null; role: Role | null };

export function useStaffSession(): StaffSession {
  const [session, setSession] = useState<StaffSession>({ status: "loading" });
  useEffect(
    () =>
      onIdTokenChanged(auth, (user) => {
        if (!user) return setSession({ status: "ready", user: null, role: null });
        void user.getIdTokenResult().then(
          (token) => setSession({ status: "ready", user, role: isStaffRole(token.claims.role) ? (token.claims.role as Role) : null }),
          () => setSession({ status: "ready", user, role: null }),
        );
      }),
    [],
  );
  return session;
}
