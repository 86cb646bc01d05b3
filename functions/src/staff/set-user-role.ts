import { Collections, type SetUserRoleInput, type SetUserRoleOutput } from "@showroom/model";
import { FieldValue } from "firebase-admin/firestore";
import { appendAudit } from "../shared/audit.js";
import { defineCallable, refusal, type Caller } from "../shared/callable.js";
import { deps, type Deps } from "../app.js";
import { roleChanged } from "../logs.js";

/**
 * Merges `role` into the user's existing custom claims (other claims survive),
 * audits it, and stamps `roleChanges/{uid}`: the user's app listens to that
 * document and refreshes its ID token, so the new role applies without
 * signing out. The stamp is written after the claims, so a refresh it
 * triggers always sees them.
 */
export async function setUserRole(deps: Pick<Deps, "auth" | "db">, input: SetUserRoleInput, caller: Caller): Promise<SetUserRoleOutput> {
  const user = await deps.auth.getUser(input.uid).catch((error: { code?: string }) => {
    if (error.code === "auth/user-not-found") throw refusal("not-found", "No such user.", { reason: "unknown-user" });
    throw error;
  });
  const claims = { ...(user.customClaims ?? {}) };
  const before = (claims.role as string | undefined) ?? null;
  if (input.role === null) delete claims.role;
  else claims.role = input.role;
  await deps.auth.setCustomUserClaims(input.uid, claims);

  const batch = deps.db.batch();
  appendAudit(batch, {
    actor: caller,
    action: "role.set",
    target: { kind: "user", id: input.uid },
    before: { role: before },
    after: { role: input.role },
  });
  batch.set(deps.db.collection(Collections.roleChanges).doc(input.uid), { role: input.role, updatedAt: FieldValue.serverTimestamp() });
  await batch.commit();
  roleChanged(caller.uid, input.uid, input.role);
  return { uid: input.uid, role: input.role };
}

export const setUserRoleCallable = defineCallable("setUserRole", (input, caller) => setUserRole(deps(), input, caller));
