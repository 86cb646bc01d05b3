/**
 * Mail end to end: `order.placed` published to `showroom-events` queues one
 * `mail/{id}` (Trigger Email shape) that the sender delivers over SMTP to the
 * real maildev inbox; a redelivered message sends nothing twice; guests
 * without an email get none; back-in-stock mail goes to consenting subscribers.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { Collections, type EventEnvelope } from "@showroom/model";
import { adminDb } from "../../scripts/lib/admin.js";
import { publishEvent } from "../../scripts/lib/events.js";
import { client, clients, editProfile, eventually, settle, shopper, subscribe } from "./customers-support.js";
import { createProduct, shipping, uniqueKey } from "./inventory-fixtures.js";

afterAll(() => Promise.all(clients.map((c) => c.close())));

interface InboxMail {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: { address: string }[];
}

const inboxUrl = () => {
  const url = process.env.SHOWROOM_MAIL_INBOX_URL;
  if (!url) throw new Error("SHOWROOM_MAIL_INBOX_URL is not set: run under npm run with-emulators");
  return url;
};

async function inboxFor(address: string): Promise<InboxMail[]> {
  const all = (await (await fetch(`${inboxUrl()}/api/email`)).json()) as InboxMail[];
  return all.filter((m) => m.to.some((t) => t.address === address));
}

function orderPlaced(orderId: string, uid: string | null): EventEnvelope {
  return {
    id: `evt-${randomUUID()}`,
    type: "order.placed",
    occurredAt: new Date().toISOString(),
    subject: `order/${orderId}`,
    seq: 1,
    data: { orderId, uid, lines: [], totalCents: 0, currency: "USD" },
  };
}

describe("order confirmation mail", () => {
  it("mails the account's address once, with the order's lines, escaped, even when the event comes twice", async () => {
    const email = `buyer-${randomUUID().slice(0, 8)}@showroom.test`;
    const buyer = await client({ kind: "user", email });
    const { skus } = await createProduct([{ main: 5 }]);
    const name = `<b>Ada</b> & "Co"`;
    const { orderId } = await buyer.call<{ orderId: string }>("placeOrder", {
      idempotencyKey: uniqueKey(),
      lines: [{ sku: skus[0]!, quantity: 2 }],
      shipping: { ...shipping, name },
    });
    const event = orderPlaced(orderId, buyer.uid);
    await publishEvent(event);
    await publishEvent(event);

    const [mail] = await eventually(async () => {
      const list = await inboxFor(email);
      return list.length > 0 ? list : undefined;
    }, "the confirmation in the inbox");
    expect(mail!.subject).toBe(`Your Showroom order ${orderId}`);
    expect(mail!.text).toContain(`Thank you for your order ${orderId}.`);
    expect(mail!.text).toMatch(/2 × .+\$/m);
    expect(mail!.text).toContain(name);
    expect(mail!.html).toContain("&lt;b&gt;Ada&lt;/b&gt; &amp; &quot;Co&quot;");
    expect(mail!.html).not.toContain("<b>Ada</b>");

    const doc = await eventually(async () => {
      const d = (await adminDb().collection(Collections.mail).doc(`order-confirmation-${orderId}`).get()).data();
      return d?.delivery?.state === "SUCCESS" ? d : undefined;
    }, "delivery SUCCESS");
    expect(doc.to).toEqual([email]);
    expect(doc.delivery.attempts).toBe(1);
    expect(doc.delivery.info.accepted).toEqual([email]);

    // The same event again, later: still one mail.
    await publishEvent(event);
    await settle(3000);
    expect(await inboxFor(email)).toHaveLength(1);
  });

  it("sends nothing for a guest without an email", async () => {
    const guest = await client({ kind: "anonymous" });
    const { skus } = await createProduct([{ main: 5 }]);
    const { orderId } = await guest.call<{ orderId: string }>("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku: skus[0]!, quantity: 1 }], shipping });
    await publishEvent(orderPlaced(orderId, guest.uid));
    await settle(4000);
    expect((await adminDb().collection(Collections.mail).doc(`order-confirmation-${orderId}`).get()).exists).toBe(false);
  });
});

describe("back-in-stock mail", () => {
  it("mails subscribers whose email consent is granted, beside the in-app notice, and no one else", async () => {
    const { skus } = await createProduct([{ main: 0 }]);
    const sku = skus[0]!;
    const yesEmail = `yes-${randomUUID().slice(0, 8)}@showroom.test`;
    const noEmail = `no-${randomUUID().slice(0, 8)}@showroom.test`;
    const yes = await shopper({ kind: "user", email: yesEmail });
    const no = await shopper({ kind: "user", email: noEmail });
    await editProfile(yes, { marketing: { email: { granted: true }, sms: { granted: false } } });
    await subscribe(yes, sku);
    await subscribe(no, sku);
    const staff = await client({ kind: "user", role: "staff" });
    await staff.call("adjustStock", { sku, delta: 4, reason: "receive" });

    const [mail] = await eventually(async () => {
      const list = await inboxFor(yesEmail);
      return list.length > 0 ? list : undefined;
    }, "the back-in-stock mail");
    expect(mail!.subject).toMatch(/^Back in stock: /);
    expect(mail!.text).toContain(sku);
    expect(mail!.text).toContain("/p/");
    await settle(2000);
    expect(await inboxFor(noEmail)).toEqual([]);
  });
});
