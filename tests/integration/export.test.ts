import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Collections, CustomerDataRegistry, ExportMyDataOutputSchema, type ExportMyDataOutput } from "@showroom/model";
import { expectCallableError } from "../support/clients.js";
import { client, clients, customerJourney, everyDocument, mentions, type Journey } from "./customers-support.js";

afterAll(() => Promise.all(clients.map((c) => c.close())));

let alice: Journey;
let bob: Journey;
let exported: ExportMyDataOutput;

beforeAll(async () => {
  alice = await customerJourney("alice");
  bob = await customerJourney("bob");
  exported = ExportMyDataOutputSchema.parse(await alice.shopper.call("exportMyData"));
}, 300_000);

describe("exportMyData", () => {
  it("covers every document in the database that mentions the caller", async () => {
    const exportedPaths = new Set(exported.documents.map((d) => d.path));
    const aboutAlice = (await everyDocument()).filter((d) => mentions(d, alice.shopper.uid));
    // Sanity: the journey really left data in each registered collection.
    const collections = new Set(aboutAlice.map((d) => d.path.split("/")[0]));
    // The journey does not answer a survey (that needs a delivered order and days of test clock) nor an
    // on-site question: feedback's and site questions' own suites export and erase answers, invitations,
    // their limits, visitor stamps and mails.
    const feedbackOwned = new Set<string>([
      Collections.feedback,
      Collections.surveyInvites,
      Collections.feedbackLimits,
      Collections.mail,
      Collections.siteAnswers,
      Collections.siteQuestionVisitors,
    ]);
    for (const source of CustomerDataRegistry.filter((s) => !feedbackOwned.has(s.collection)))
      expect(collections, `no ${source.collection} document mentions the customer`).toContain(source.collection);
    // A collection holding customer data that the registry misses fails here. Outbox events are left out of
    // the export on purpose (an open question in the session note): they carry only the account id next to
    // order ids, SKUs and amounts, and erasure nulls that id.
    const outbox = `${Collections.events}/`;
    expect(aboutAlice.map((d) => d.path).filter((path) => !exportedPaths.has(path) && !path.startsWith(outbox))).toEqual([]);
    // everyDocument walks the whole database, which the suites before this one have filled.
  }, 180_000);

  it("includes the profile, addresses, consent history, alerts, notifications, orders and the account", () => {
    const paths = exported.documents.map((d) => d.path);
    const uid = alice.shopper.uid;
    expect(exported.uid).toBe(uid);
    expect(exported.account.email).toBe(alice.email);
    const profile = exported.documents.find((d) => d.path === `customers/${uid}`);
    expect(profile?.data).toMatchObject({ email: alice.email, phone: alice.phone, addresses: [expect.objectContaining({ phone: alice.addressPhone })] });
    expect(typeof profile?.data.createdAt).toBe("string");
    expect(paths.filter((p) => p.startsWith(`customers/${uid}/consentEvents/`))).toHaveLength(3);
    expect(paths).toContain(`customers/${uid}/alerts/${alice.skus.watched}`);
    expect(paths.filter((p) => p.startsWith(`customers/${uid}/notifications/`))).toHaveLength(1);
    for (const orderId of alice.orderIds) expect(paths).toContain(`orders/${orderId}`);
    expect(exported.documents.filter((d) => d.collection === "auditLog").map((d) => d.data.action)).toEqual(
      expect.arrayContaining(["customer.profile.update", "customer.lookup", "role.set"]),
    );
  });

  it("contains nothing about anyone else", () => {
    const text = JSON.stringify(exported);
    expect(text).not.toContain(bob.shopper.uid);
    expect(text).not.toContain(bob.email);
    expect(text).not.toContain(bob.phone);
    // Staff who looked the customer up or changed their role appear as "staff", not by uid.
    for (const staffUid of alice.staffUids) expect(text).not.toContain(staffUid);
    expect(exported.documents.find((d) => d.data.action === "customer.lookup")?.data.actorUid).toBe("staff");
    // Inventory documents appear only as the caller's own hold entries.
    const inventory = exported.documents.filter((d) => d.collection === "inventory");
    expect(inventory).toEqual([{ path: `inventory/${alice.skus.held}`, collection: "inventory", data: { sku: alice.skus.held, holds: expect.any(Object) } }]);
    for (const entry of Object.values(inventory[0]!.data.holds as Record<string, { uid: string }>)) expect(entry.uid).toBe(alice.shopper.uid);
  });

  it("refuses signed-out callers and any input", async () => {
    const signedOut = await client({ kind: "signed-out" });
    await expectCallableError(signedOut.call("exportMyData"), "unauthenticated");
    await expectCallableError(alice.shopper.call("exportMyData", { uid: bob.shopper.uid }), "invalid-argument");
  });

  it("works for a guest with only a profile", async () => {
    const guest = await client({ kind: "anonymous" });
    const { eventually } = await import("./customers-support.js");
    const result = await eventually(async () => {
      const out = ExportMyDataOutputSchema.parse(await guest.call("exportMyData"));
      return out.documents.length > 0 ? out : undefined;
    }, "the guest's profile");
    expect(result.account.email).toBeNull();
    expect(result.documents.map((d) => d.path)).toContain(`customers/${guest.uid}`);
  });
});
