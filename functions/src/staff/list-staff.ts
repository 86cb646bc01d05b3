/** `listStaff` (admin): everyone holding a role, and optionally one user by email so a role can be granted. */
import { isStaffRole, type ListStaffInput, type ListStaffOutput, type StaffUser } from "@showroom/model";
import type { UserRecord } from "firebase-admin/auth";
import { defineCallable } from "../shared/callable.js";
import { deps, type Deps } from "../app.js";

function staffUser(user: UserRecord): StaffUser {
  const role = user.customClaims?.role;
  return {
    uid: user.uid,
    email: user.email ?? null,
    displayName: user.displayName ?? null,
    role: isStaffRole(role) ? (role as StaffUser["role"]) : null,
  };
}

export async function listStaff(deps: Pick<Deps, "auth">, input: ListStaffInput): Promise<ListStaffOutput> {
  const staff: StaffUser[] = [];
  // Auth has no query by claim; pages of 1000 are cheap at a store's scale.
  let pageToken: string | undefined;
  do {
    const page = await deps.auth.listUsers(1000, pageToken);
    for (const user of page.users) if (isStaffRole(user.customClaims?.role)) staff.push(staffUser(user));
    pageToken = page.pageToken;
  } while (pageToken);
  staff.sort((a, b) => (a.email ?? a.uid).localeCompare(b.email ?? b.uid));

  const user = input.email
    ? await deps.auth.getUserByEmail(input.email).then(staffUser, (error: { code?: string }) => {
        if (error.code === "auth/user-not-found") return null;
        throw error;
      })
    : null;
  return { staff, user };
}

export const listStaffCallable = defineCallable("listStaff", (input) => listStaff(deps(), input));
