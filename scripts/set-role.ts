/**
 * `npm run set-role -- <email> <staff|admin|none>`: grants or revokes a role on
 * the running emulators, e.g. to bootstrap the first admin (nobody can call
 * setUserRole before an admin exists). It runs the callable's own logic, so
 * claims are merged, the change is audited and the user's app refreshes its
 * token exactly as when an admin does it in the console.
 */
import os from "node:os";
import { RoleSchema, type Role } from "@showroom/model";
import { adminAuth, adminDb, requireEmulators } from "./lib/admin.js";
import { setUserRole } from "../functions/src/staff/set-user-role.js";

const [email, roleArg] = process.argv.slice(2).filter((a) => a !== "--");
const role: Role | null | undefined = roleArg === "none" ? null : RoleSchema.safeParse(roleArg).data;
if (!email || role === undefined) {
  console.error("usage: npm run set-role -- <email> <staff|admin|none>");
  process.exit(2);
}
requireEmulators();

const user = await adminAuth()
  .getUserByEmail(email)
  .catch(() => {
    console.error(`No user with the email ${email} (sign up first, or run \`npm run seed\` for the demo accounts).`);
    process.exit(1);
  });
// The audit entry names the operator's machine account: there is no signed-in admin here.
const caller = { uid: `cli:${os.userInfo().username}`, role: "admin" as const, anonymous: false };
await setUserRole({ auth: adminAuth(), db: adminDb() }, { uid: user.uid, role }, caller);
console.log(`${email} (${user.uid}) is now ${role ?? "a shopper"}.`);
