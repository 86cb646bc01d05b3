import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Collections, SEED_LOCATIONS, subjectOf, type EventEnvelope } from "@showroom/model";
import { FunctionsError } from "firebase/functions";
import { Timestamp, type DocumentData } from "firebase-admin/firestore";
import { adminDb } from "../../scripts/lib/admin.js";
import { deliveryOrder, listenToEvents, type EventListener } from "../../scripts/lib/event-listener.js";
import { cursorId } from "../../functions/src/events/relay.js";
import { eventId } from "../../functions/src/events/build.js";
import type { TestClient } from "../support/clients.js";
import { clientPool, createProduct, shipping, uniqueKey, uniqueSku, warmUp } from "./inventory-fixtures.js";

const pool = clientPool();
let listener: EventListener;
beforeAll(async () => {
  listener = await listenToEvents();
  await warmUp(await pool.client(), ["placeOrder", "cancelOrder", "holdCart", "releaseHold", "adjustStock"]);
}, 120_000);
afterAll(async () => {
  await pool.closeAll();
  await listener.close();
});

async function storedEvents(subject: string): Promise<DocumentData[]> {
  const snap = await adminDb().collection(Collections.events).where("subject", "==", subject).orderBy("seq").get();
  return snap.docs.map((d) => d.data());
}

const seqsOf = (events: DocumentData[]) => events.map((e) => e.seq as number);
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Every stored event of these subjects has reached Pub/Sub (at least once). */
async function allPublished(subjects: string[]): Promise<void> {
  const ids = new Set((await Promise.all(subjects.map(storedEvents))).flat().map((e) => String(e.id)));
  await listener.until((received) => {
    const got = new Set(received.map((r) => r.envelope.id));
    return [...ids].every((id) => got.has(id));
  }, `${ids.size} events of ${subjects.length} subjects`);
}

describe("the outbox", () => {
  it("writes exactly the events of the accepted requests of a batch, none for the rejected, and relays them in seq order", async () => {
    const { skus } = await createProduct([{ main: 3 }]);
    const sku = skus[0]!;
    const shoppers = await Promise.all(Array.from({ length: 6 }, () => pool.client()));
    // Six orders for three units at once: they share group commits; three are refused.
    const results = await Promise.allSettled(
      shoppers.map((s) => s.call<{ orderId: string }>("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 1 }], shipping })),
    );
    const placed = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.orderId] : []));
    expect(placed).toHaveLength(3);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(
      Array(3).fill("functions/failed-precondition"),
    );

    const skuEvents = await storedEvents(subjectOf.sku(sku));
    expect(skuEvents.map((e) => [e.type, e.seq, e.data.reason, e.data.available])).toEqual([
      ["inventory.updated", 1, "order", 2],
      ["inventory.updated", 2, "order", 1],
      ["inventory.updated", 3, "order", 0],
    ]);
    expect((await adminDb().collection(Collections.inventory).doc(sku).get()).get("eventSeq")).toBe(3);
    const placedEvents = (await adminDb().collection(Collections.events).where("type", "==", "order.placed").where("data.orderId", "in", placed).get()).docs;
    expect(placedEvents.map((d) => d.get("subject")).sort()).toEqual(placed.map(subjectOf.order).sort());
    // Events carry ids and quantities, never the shipping address.
    expect(JSON.stringify(placedEvents.map((d) => d.data()))).not.toContain(shipping.line1);

    // A refused adjustment writes no event.
    const staff = await pool.client({ kind: "user", role: "staff" });
    await expect(staff.call("adjustStock", { sku, location: "main", delta: -5, reason: "correction" })).rejects.toMatchObject({
      code: "functions/failed-precondition",
    });
    expect(seqsOf(await storedEvents(subjectOf.sku(sku)))).toEqual([1, 2, 3]);

    const subjects = [subjectOf.sku(sku), ...placed.map(subjectOf.order)];
    await allPublished(subjects);
    const arrived = listener.of(subjects);
    expect(deliveryOrder(arrived).inOrder).toBe(true);
    const first = arrived.find((r) => r.envelope.subject === subjectOf.sku(sku))!;
    expect(first.orderingKey).toBe(subjectOf.sku(sku));
    // Plus the trace of the order that caused it (docs/operations.md, "Tracing").
    expect(first.attributes).toEqual({
      type: "inventory.updated",
      subject: subjectOf.sku(sku),
      seq: "1",
      traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/),
    });
    // The relay stamped them and moved the cursor.
    await expect
      .poll(async () =>
        (
          await adminDb()
            .collection(Collections.eventCursors)
            .doc(cursorId(subjectOf.sku(sku)))
            .get()
        ).get("publishedSeq"),
      )
      .toBe(3);
    expect((await storedEvents(subjectOf.sku(sku))).every((e) => e.publishedAt instanceof Timestamp)).toBe(true);
  }, 120_000);

  it("keeps seq gap-free per subject, equal to each document's counter, and relays every event in order after 200 random concurrent operations", async () => {
    const { skus } = await createProduct([{ main: 20, east: 5 }, { main: 4 }, { main: 1 }]);
    const shoppers: TestClient[] = await Promise.all(Array.from({ length: 6 }, () => pool.client()));
    const staff = await pool.client({ kind: "user", role: "staff" });
    let state = 7;
    const rnd = (n: number) => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) % n;
    const pick = <T>(xs: readonly T[]) => xs[rnd(xs.length)] as T;
    const orderIds: string[] = [];
    const holds: { owner: TestClient; holdId: string }[] = [];
    const ops = Array.from({ length: 200 }, (_, i) => async () => {
      const shopper = pick(shoppers);
      switch (i % 6) {
        case 0:
          return staff.call("adjustStock", {
            sku: pick(skus),
            location: pick(SEED_LOCATIONS.map((l) => l.code)),
            delta: rnd(5) - 1 || 3,
            reason: "correction",
          });
        case 1:
          return orderIds.length ? staff.call("cancelOrder", { orderId: pick(orderIds) }) : undefined;
        case 2:
          return shopper
            .call<{ holdId: string }>("holdCart", { lines: [{ sku: pick(skus), quantity: 1 }] })
            .then((r) => holds.push({ owner: shopper, holdId: r.holdId }));
        case 3: {
          const hold = holds.length ? pick(holds) : undefined;
          return hold ? hold.owner.call("releaseHold", { holdId: hold.holdId }) : undefined;
        }
        default:
          return shopper
            .call<{ orderId: string }>("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku: pick(skus), quantity: 1 + rnd(2) }], shipping })
            .then((r) => orderIds.push(r.orderId));
      }
    });
    const results = await Promise.allSettled(ops.map((op) => op()));
    const unexpected = results.flatMap((r) =>
      r.status === "rejected" &&
      !(r.reason instanceof FunctionsError && ["functions/failed-precondition", "functions/permission-denied"].includes(r.reason.code))
        ? [String(r.reason)]
        : [],
    );
    expect(unexpected).toEqual([]);

    const subjects = [...skus.map(subjectOf.sku), ...orderIds.map(subjectOf.order)];
    for (const sku of skus) {
      const events = await storedEvents(subjectOf.sku(sku));
      expect(seqsOf(events)).toEqual(oneTo(events.length));
      expect((await adminDb().collection(Collections.inventory).doc(sku).get()).get("eventSeq")).toBe(events.length);
      // The last event says what the SKU's public stock says now.
      const stock = (await adminDb().collection(Collections.stock).doc(sku).get()).data();
      expect(events.at(-1)?.data).toMatchObject({ available: stock?.available, status: stock?.status });
    }
    for (const orderId of orderIds) {
      const events = await storedEvents(subjectOf.order(orderId));
      const order = (await adminDb().collection(Collections.orders).doc(orderId).get()).data();
      expect(events.map((e) => e.type)).toEqual(order?.status === "cancelled" ? ["order.placed", "order.cancelled"] : ["order.placed"]);
      expect(order?.eventSeq).toBe(events.length);
    }

    await allPublished(subjects);
    const { inOrder, bySubject } = deliveryOrder(listener.of(subjects));
    expect(inOrder).toBe(true);
    for (const subject of subjects) expect(bySubject.get(subject)?.[0]).toBe(1);
  }, 300_000);
});

describe("staff writes", () => {
  it("write their events with the change: receipt (and back in stock), status change, product upsert and deactivation", async () => {
    const staff = await pool.client({ kind: "user", role: "staff" });
    const { skus } = await createProduct([{ main: 0 }]);
    const sku = skus[0]!;
    await staff.call("receiveShipment", { receiptId: `rcpt-${randomUUID()}`, rows: [{ sku, location: "east", quantity: 4 }] });
    expect((await storedEvents(subjectOf.sku(sku))).map((e) => [e.seq, e.type, e.data.reason, e.data.available])).toEqual([
      [1, "inventory.updated", "receive", 4],
      [2, "stock.back_in_stock", undefined, 4],
    ]);

    const shopper = await pool.client();
    const { orderId } = await shopper.call<{ orderId: string }>("placeOrder", { idempotencyKey: uniqueKey(), lines: [{ sku, quantity: 1 }], shipping });
    await staff.call("updateOrderStatus", { orderId, status: "fulfilled" });
    // A refused move (fulfilled → fulfilled) writes no event.
    await expect(staff.call("updateOrderStatus", { orderId, status: "fulfilled" })).rejects.toMatchObject({ code: "functions/failed-precondition" });
    expect((await storedEvents(subjectOf.order(orderId))).map((e) => [e.seq, e.type, e.data.from, e.data.to, e.data.uid])).toEqual([
      [1, "order.placed", undefined, undefined, shopper.uid],
      [2, "order.status_changed", "placed", "fulfilled", shopper.uid],
    ]);

    const newProduct = `p-events-${randomUUID().slice(0, 8)}`;
    const variants = [{ sku: uniqueSku("EVT"), label: "Oak", options: { finish: "oak" }, priceCents: 5000 }];
    await staff.call("upsertProduct", { id: newProduct, name: "Event stool", category: "chairs", description: "", variants });
    await staff.call("setProductActive", { productId: newProduct, active: false });
    await staff.call("setProductActive", { productId: newProduct, active: false });
    expect((await storedEvents(subjectOf.product(newProduct))).map((e) => [e.seq, e.type, e.data.active, e.data.skus])).toEqual([
      [1, "product.upserted", true, [variants[0]!.sku]],
      [2, "product.upserted", false, [variants[0]!.sku]],
    ]);
    await allPublished([subjectOf.sku(sku), subjectOf.order(orderId), subjectOf.product(newProduct)]);
  }, 120_000);
});

describe("the relay", () => {
  it("publishes, in order, events committed while a relay that crashed held the subject, once the catch-up runs", async () => {
    const sku = uniqueSku("RELAY");
    const subject = subjectOf.sku(sku);
    const db = adminDb();
    // A relay took the subject's lease and died: triggers for new events find it taken and leave them.
    await db
      .collection(Collections.eventCursors)
      .doc(cursorId(subject))
      .set({ subject, publishedSeq: 0, leaseOwner: "crashed-relay", leaseUntilMs: Date.now() + 5_000, pending: false });
    const occurredAt = Timestamp.now();
    const batch = db.batch();
    for (const seq of oneTo(5)) {
      const data = { sku, productId: "p-relay", available: seq, status: "in_stock", onHand: seq, locations: { main: { onHand: seq } }, reason: "correction" };
      batch.create(db.collection(Collections.events).doc(eventId(subject, seq)), {
        id: eventId(subject, seq),
        type: "inventory.updated",
        subject,
        seq,
        data,
        occurredAt,
        createdAt: occurredAt,
        publishedAt: null,
      });
    }
    await batch.commit();
    await new Promise((r) => setTimeout(r, 6_000));
    expect(listener.of([subject])).toEqual([]);
    expect((await storedEvents(subject)).map((e) => e.publishedAt)).toEqual(Array(5).fill(null));

    // The lease has run out: the catch-up schedule (run by publishing to its emulator topic) resumes.
    const [topics] = await listener.pubsub.getTopics();
    const schedule = topics.find((t) => t.name.includes("firebase-schedule-") && t.name.includes("relayEventsCatchUp"));
    expect(schedule, topics.map((t) => t.name).join(", ")).toBeDefined();
    await schedule!.publishMessage({ json: {} });
    await allPublished([subject]);
    expect(listener.of([subject]).map((r) => r.envelope.seq)).toEqual(oneTo(5));
    await expect
      .poll(async () => (await db.collection(Collections.eventCursors).doc(cursorId(subject)).get()).get("publishedSeq"), { timeout: 15_000 })
      .toBe(5);
  }, 120_000);
});

describe("replay", () => {
  const run = promisify(execFile);
  const replay = (...args: string[]) => run("npx", ["tsx", "scripts/events-replay.ts", ...args], { env: process.env });

  it("re-publishes stored events since a time, per subject in seq order, marked as a replay for one endpoint", async () => {
    const since = new Date().toISOString();
    const { skus } = await createProduct([{ main: 5 }]);
    const staff = await pool.client({ kind: "user", role: "staff" });
    for (const delta of [1, 2, 3]) await staff.call("adjustStock", { sku: skus[0], location: "main", delta, reason: "correction" });
    const subject = subjectOf.sku(skus[0]!);
    await allPublished([subject]);
    const endpointId = `ep-${randomUUID().slice(0, 8)}`;

    const { stdout } = await replay("--since", since, "--type", "inventory.updated", "--endpoint", endpointId);
    expect(stdout).toContain(`for endpoint ${endpointId}`);
    const replayed = () => listener.of([subject]).filter((r) => r.attributes.endpointId === endpointId);
    await listener.until(() => replayed().length === 3, "the replayed events");
    expect(replayed().map((r) => [r.envelope.seq, r.attributes.replay, r.envelope.type])).toEqual([
      [1, "1", "inventory.updated"],
      [2, "1", "inventory.updated"],
      [3, "1", "inventory.updated"],
    ]);
    const stored = await storedEvents(subject);
    expect(replayed().map((r) => r.envelope)).toEqual(
      stored.map((e): EventEnvelope => ({
        id: e.id,
        type: e.type,
        occurredAt: (e.occurredAt as Timestamp).toDate().toISOString(),
        subject,
        seq: e.seq,
        data: e.data,
      })),
    );
  }, 120_000);

  it("refuses a bad --since or an unknown type with a clear message and publishes nothing", async () => {
    const before = listener.received.length;
    await expect(replay("--since", "yesterday")).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("Nothing replayed: since") });
    await expect(replay("--since", new Date(0).toISOString(), "--type", "order.exploded")).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("type"),
    });
    expect(listener.received.length).toBe(before);
  }, 60_000);
});
