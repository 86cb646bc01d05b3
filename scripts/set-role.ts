/**
 * `npm run set-role -- <email> <staff|admin|none>`: grants or revokes a role on
 * the running emulators, e.g. to bootstrap the first admin (nobody can call
 * setUserRole before an admin exists). It runs the callable's own logic, so
 * claims are merged, the change is audited and the user's app refreshes its
 * token exactly as when an admin does it in the console. On a real project,
 * say so explicitly: `npm run set-role -- <email> admin --project <id>`
 * (application default credentials).
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { RoleSchema, type Role } from "@showroom/model";
import { adminAuth, adminDb, requireEmulators } from "./lib/admin.js";
import { setUserRole } from "../functions/src/staff/set-user-role.js";

const { values, positionals } = parseArgs({ options: { project: { type: "string" } }, allowPositionals: true });
const [email, roleArg] = positionals;
const role: Role | null | undefined = roleArg === "none" ? null : RoleSchema.safeParse(roleArg).data;
if (!email || role === undefined) {
  console.error("usage: npm run set-role -- <email> <staff|admin|none> [--project <id>]");
  process.exit(2);
}
// Without emulators, only an explicit --project reaches a real database: never by accident.
if (values.project) process.env.GCLOUD_PROJECT = values.project;
else requireEmulators();

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
