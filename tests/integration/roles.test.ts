/**
 * Roles end to end: a role granted or revoked applies to a signed-in user
 * without signing out (the web app's own watcher, run here against the
 * emulators), staff cannot do admin things, the first admin is bootstrapped
 * from the CLI, and every staff action leaves an audit entry that no client
 * can change.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { Timestamp } from "firebase-admin/firestore";
import { deleteDoc, doc, getDoc, serverTimestamp, setDoc, updateDoc } from "firebase/firestore";
import { Collections, type Role } from "@showroom/model";
import { afterAll, describe, expect, it } from "vitest";
import { adminAuth, adminDb } from "../../scripts/lib/admin.js";
import { watchRole, type RoleState } from "../../web/src/lib/role-watch.js";
import { expectCallableError, type TestClient } from "../support/clients.js";
import { clientPool, createProduct, shipping, uniqueKey } from "./inventory-fixtures.js";

const pool = clientPool();
afterAll(() => pool.closeAll());

async function auditAbout(targetId: string) {
  const snap = await adminDb().collection(Collections.auditLog).where("target.id", "==", targetId).get();
  return snap.docs.map((d) => ({ ...d.data(), id: d.id }) as Record<string, unknown> & { id: string; action?: string });
}

/** Runs the web app's role watcher on a client; resolves the states it reports. */
function watch(c: TestClient) {
  const states: RoleState[] = [];
  const waiters: { want: Role | null; resolve: () => void }[] = [];
  const stop = watchRole(c.auth, c.db, (state) => {
    states.push(state);
    for (const w of waiters.filter((w) => !state.loading && state.role === w.want)) w.resolve();
  });
  return {
    states,
    stop,
    until: (want: Role | null, timeoutMs = 15_000) =>
      new Promise<void>((resolve, reject) => {
        const last = states.at(-1);
        if (last && !last.loading && last.role === want) return resolve();
        const timer = setTimeout(() => reject(new Error(`role never became ${want}; saw ${JSON.stringify(states)}`)), timeoutMs);
        waiters.push({ want, resolve: () => (clearTimeout(timer), resolve()) });
      }),
  };
}

/** Server time on the audit entry: a Timestamp from the last minute (clients cannot supply it). */
const recentServerTime = () =>
  expect.toSatisfy((at: unknown) => at instanceof Timestamp && Math.abs(at.toMillis() - Date.now()) < 60_000, "a server Timestamp from the last minute");

describe("a role change applies without signing out", () => {
  it("grants staff to a signed-in shopper, whose app refreshes its token and gains staff reads; revoking takes them away", async () => {
    const admin = await pool.client({ kind: "user", role: "admin" });
    const target = await pool.client({ kind: "user" });
    const { skus } = await createProduct([{ main: 1 }]);
    const watcher = watch(target);
    await watcher.until(null);
    await expect(getDoc(doc(target.db, Collections.inventory, skus[0]!))).rejects.toMatchObject({ code: "permission-denied" });

    await admin.call("setUserRole", { uid: target.uid, role: "staff" });
    await watcher.until("staff");
    // The same session, no sign-in in between: the rules now see the staff claim.
    expect((await getDoc(doc(target.db, Collections.inventory, skus[0]!))).exists()).toBe(true);
    const stamp = await adminDb().collection(Collections.roleChanges).doc(target.uid!).get();
    expect(stamp.get("role")).toBe("staff");
    expect(stamp.get("updatedAt")).toBeInstanceOf(Timestamp);

    await admin.call("setUserRole", { uid: target.uid, role: null });
    await watcher.until(null);
    await expect(getDoc(doc(target.db, Collections.inventory, skus[0]!))).rejects.toMatchObject({ code: "permission-denied" });
    watcher.stop();
  });

  it("lets the user read only their own role-change stamp, and nobody write it", async () => {
    const admin = await pool.client({ kind: "user", role: "admin" });
    const target = await pool.client({ kind: "user" });
    const other = await pool.client({ kind: "user" });
    await admin.call("setUserRole", { uid: target.uid, role: "staff" });
    expect((await getDoc(doc(target.db, Collections.roleChanges, target.uid!))).get("role")).toBe("staff");
    await expect(getDoc(doc(other.db, Collections.roleChanges, target.uid!))).rejects.toMatchObject({ code: "permission-denied" });
    await expect(setDoc(doc(target.db, Collections.roleChanges, target.uid!), { role: "admin", updatedAt: serverTimestamp() })).rejects.toMatchObject({
      code: "permission-denied",
    });
    await expect(deleteDoc(doc(admin.db, Collections.roleChanges, target.uid!))).rejects.toMatchObject({ code: "permission-denied" });
  });
});

describe("staff cannot do admin things", () => {
  it("refuses staff granting roles (themselves included) or listing staff, and changes nothing", async () => {
    const staff = await pool.client({ kind: "user", role: "staff" });
    const shopper = await pool.client({ kind: "user" });
    await expectCallableError(staff.call("setUserRole", { uid: staff.uid, role: "admin" }), "permission-denied");
    await expectCallableError(staff.call("setUserRole", { uid: shopper.uid, role: "staff" }), "permission-denied");
    await expectCallableError(staff.call("listStaff", {}), "permission-denied");
    expect((await adminAuth().getUser(staff.uid!)).customClaims).toEqual({ role: "staff" });
    expect((await adminAuth().getUser(shopper.uid!)).customClaims ?? {}).toEqual({});
    const roleAudits = async (uid: string) => (await auditAbout(uid)).filter((a) => a.action === "role.set");
    expect(await roleAudits(staff.uid!)).toEqual([]);
    expect(await roleAudits(shopper.uid!)).toEqual([]);
    expect((await adminDb().collection(Collections.roleChanges).doc(staff.uid!).get()).exists).toBe(false);
  });
});

describe("npm run set-role bootstraps an admin on the emulators", () => {
  it("grants admin by email (merging claims), audits it, and the new admin can use admin callables", async () => {
    const user = await pool.client({ kind: "user" });
    const { email } = await adminAuth().getUser(user.uid!);
    await adminAuth().setCustomUserClaims(user.uid!, { tier: "gold" });
    const { stdout } = await promisify(execFile)("npx", ["tsx", "scripts/set-role.ts", email!, "admin"], { env: process.env });
    expect(stdout).toContain("is now admin");
    expect((await adminAuth().getUser(user.uid!)).customClaims).toEqual({ tier: "gold", role: "admin" });
    expect((await auditAbout(user.uid!)).filter((a) => a.action === "role.set")).toEqual([
      expect.objectContaining({
        action: "role.set",
        actorUid: expect.stringMatching(/^cli:/),
        before: { role: null },
        after: { role: "admin" },
        at: recentServerTime(),
      }),
    ]);
    await user.auth.currentUser!.getIdToken(true);
    await expect(user.call("listStaff", {})).resolves.toMatchObject({ staff: expect.any(Array) });
  });

  it("refuses an unknown email or role with a usage message and changes nothing", async () => {
    const run = (...args: string[]) => promisify(execFile)("npx", ["tsx", "scripts/set-role.ts", ...args], { env: process.env });
    await expect(run("nobody@showroom.test", "admin")).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("No user") });
    await expect(run("nobody@showroom.test", "owner")).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("usage") });
  });
});

describe("every staff action is audited: who, what, target, before/after, server time", () => {
  it("records stock adjustments, product changes, order status, role changes and customer lookups", async () => {
    const admin = await pool.client({ kind: "user", role: "admin" });
    const staff = await pool.client({ kind: "user", role: "staff" });
    const shopper = await pool.client({ kind: "user" });
    const { skus } = await createProduct([{ main: 4 }]);
    const sku = skus[0]!;
    const who = { actorUid: staff.uid, actorRole: "staff", at: recentServerTime() };

    await staff.call("adjustStock", { sku, delta: 3, reason: "receive", note: "pallet 7" });
    expect(await auditAbout(sku)).toEqual([
      expect.objectContaining({
        ...who,
        action: "stock.adjust",
        target: { kind: "sku", id: sku },
        before: expect.objectContaining({ onHand: 4 }),
        after: expect.objectContaining({ onHand: 7 }),
      }),
    ]);

    const productId = `p-audit-${uniqueKey().slice(4, 12)}`;
    const variants = [{ sku: `AUD-${productId.slice(-8).toUpperCase()}`, label: "Oak", options: { finish: "oak" }, priceCents: 5000 }];
    await staff.call("upsertProduct", { id: productId, name: "Audit stool", category: "chairs", description: "", variants });
    await staff.call("upsertProduct", {
      id: productId,
      name: "Audit stool",
      category: "chairs",
      description: "",
      variants: [{ ...variants[0], priceCents: 4500 }],
    });
    const productAudit = await auditAbout(productId);
    expect(productAudit.map((a) => a.action).sort()).toEqual(["product.create", "product.update"]);
    expect(productAudit.find((a) => a.action === "product.update")).toMatchObject({
      ...who,
      before: { variants: [expect.objectContaining({ priceCents: 5000 })] },
      after: { variants: [expect.objectContaining({ priceCents: 4500 })] },
    });

    const { orderId } = await shopper.call<{ orderId: string }>("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 1 }], shipping });
    await staff.call("updateOrderStatus", { orderId, status: "fulfilled" });
    expect(await auditAbout(orderId)).toEqual([
      expect.objectContaining({
        ...who,
        action: "order.status",
        target: { kind: "order", id: orderId },
        before: { status: "placed" },
        after: { status: "fulfilled" },
      }),
    ]);

    await admin.call("setUserRole", { uid: shopper.uid, role: "staff" });
    await admin.call("setUserRole", { uid: shopper.uid, role: null });
    const { email } = await adminAuth().getUser(shopper.uid!);
    await staff.call("lookupCustomer", { email });
    const aboutShopper = await auditAbout(shopper.uid!);
    expect(aboutShopper.filter((a) => a.action === "role.set")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actorUid: admin.uid, actorRole: "admin", before: { role: null }, after: { role: "staff" }, at: recentServerTime() }),
        expect.objectContaining({ actorUid: admin.uid, actorRole: "admin", before: { role: "staff" }, after: { role: null }, at: recentServerTime() }),
      ]),
    );
    expect(aboutShopper.filter((a) => a.action === "customer.lookup")).toEqual([
      expect.objectContaining({ ...who, target: { kind: "customer", id: shopper.uid } }),
    ]);

    // No client — not even the admin who made the entry — can change or delete it.
    const entry = aboutShopper.find((a) => a.action === "role.set")!;
    for (const c of [admin, staff]) {
      await expect(updateDoc(doc(c.db, Collections.auditLog, entry.id), { actorUid: "someone-else" })).rejects.toMatchObject({ code: "permission-denied" });
      await expect(deleteDoc(doc(c.db, Collections.auditLog, entry.id))).rejects.toMatchObject({ code: "permission-denied" });
    }
    expect((await getDoc(doc(staff.db, Collections.auditLog, entry.id))).data()).toMatchObject({ actorUid: admin.uid });
  });
});
