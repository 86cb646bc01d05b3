/**
 * `useRole()`: the signed-in user's role claim, live. A role granted or
 * revoked with setUserRole applies without signing out: the watcher
 * (role-watch.ts) refreshes the ID token when `roleChanges/{uid}` is stamped.
 */
import { useEffect, useState } from "react";
import { auth, db } from "./firebase";
import { watchRole, type RoleState } from "./role-watch";

export { needsTokenRefresh, roleFromClaims, type RoleState } from "./role-watch";

export function useRole(): RoleState {
  const [state, setState] = useState<RoleState>({ role: null, loading: true });
  useEffect(() => watchRole(auth, db, setState), []);
  return state;
}
