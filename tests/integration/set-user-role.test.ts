import { afterAll, describe, expect, it } from "vitest";
import { Collections } from "@showroom/model";
import { adminAuth, adminDb } from "../../scripts/lib/admin.js";
import { expectCallableError, signIn, type TestClient } from "../support/clients.js";

const clients: TestClient[] = [];
async function client(...args: Parameters<typeof signIn>) {
  const c = await signIn(...args);
  clients.push(c);
  return c;
}
afterAll(() => Promise.all(clients.map((c) => c.close())));

/** Role changes audited for a user (profile triggers audit the same user under other actions). */
const roleAudit = (uid: string) => adminDb().collection(Collections.auditLog).where("target.id", "==", uid).where("action", "==", "role.set").get();

describe("setUserRole", () => {
  it("lets an admin grant staff, keeping the user's other claims, and audits it", async () => {
    const admin = await client({ kind: "user", role: "admin" });
    const target = await client({ kind: "user" });
    await adminAuth().setCustomUserClaims(target.uid!, { tier: "gold" });

    await expect(admin.call("setUserRole", { uid: target.uid, role: "staff" })).resolves.toEqual({ uid: target.uid, role: "staff" });

    expect((await adminAuth().getUser(target.uid!)).customClaims).toEqual({ tier: "gold", role: "staff" });
    const audit = await roleAudit(target.uid!);
    expect(audit.docs.map((d) => d.data())).toEqual([
      expect.objectContaining({ action: "role.set", actorUid: admin.uid, before: { role: null }, after: { role: "staff" } }),
    ]);
  });

  it("revokes a role with null", async () => {
    const admin = await client({ kind: "user", role: "admin" });
    const target = await client({ kind: "user", role: "staff" });
    await admin.call("setUserRole", { uid: target.uid, role: null });
    expect((await adminAuth().getUser(target.uid!)).customClaims ?? {}).not.toHaveProperty("role");
  });

  it("refuses staff, shoppers and guests, and writes nothing", async () => {
    const target = await client({ kind: "user" });
    for (const persona of [{ kind: "user", role: "staff" }, { kind: "user" }, { kind: "anonymous" }] as const) {
      const caller = await client(persona);
      await expectCallableError(caller.call("setUserRole", { uid: target.uid, role: "admin" }), "permission-denied");
    }
    const signedOut = await client({ kind: "signed-out" });
    await expectCallableError(signedOut.call("setUserRole", { uid: target.uid, role: "admin" }), "unauthenticated");
    expect((await adminAuth().getUser(target.uid!)).customClaims ?? {}).not.toHaveProperty("role");
    expect((await roleAudit(target.uid!)).size).toBe(0);
  });

  it("rejects a role that does not exist with invalid-argument and the issue", async () => {
    const admin = await client({ kind: "user", role: "admin" });
    const error = await expectCallableError(admin.call("setUserRole", { uid: admin.uid, role: "owner" }), "invalid-argument");
    expect(error.details).toMatchObject({ issues: [expect.objectContaining({ path: ["role"] })] });
  });

  it("answers not-found for an unknown user", async () => {
    const admin = await client({ kind: "user", role: "admin" });
    await expectCallableError(admin.call("setUserRole", { uid: "no-such-user", role: "staff" }), "not-found");
  });
});
