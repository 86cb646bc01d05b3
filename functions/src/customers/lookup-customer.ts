/**
 * `lookupCustomer` (staff): the one way staff read a customer's profile and
 * orders. The audit entry is committed before anything is returned, so no
 * read goes unrecorded; it names the customer by uid only.
 */
import { Timestamp } from "firebase-admin/firestore";
import { Collections, type LookupCustomerInput, type LookupCustomerOutput, type Currency, type OrderStatus } from "@showroom/model";
import { deps, type Deps } from "../app.js";
import { customerLookedUp } from "../logs.js";
import { appendAudit } from "../shared/audit.js";
import { defineCallable, refusal, type Caller } from "../shared/callable.js";

/** Most recent orders returned; the console pages beyond that in the orders view. */
export const LOOKUP_ORDER_LIMIT = 50;

const iso = (value: unknown) => (value instanceof Timestamp ? value.toDate().toISOString() : null);

export async function lookupCustomer(deps: Pick<Deps, "db" | "auth">, input: LookupCustomerInput, caller: Caller): Promise<LookupCustomerOutput> {
  const user = await deps.auth.getUserByEmail(input.email).catch((error: { code?: string }) => {
    // Unknown emails read no customer data, so there is nothing to audit.
    if (error.code === "auth/user-not-found") throw refusal("not-found", "No customer with that email.", { reason: "unknown-customer" });
    throw error;
  });
  const [profileSnap, ordersSnap] = await Promise.all([
    deps.db.collection(Collections.customers).doc(user.uid).get(),
    deps.db.collection(Collections.orders).where("uid", "==", user.uid).orderBy("createdAt", "desc").limit(LOOKUP_ORDER_LIMIT).get(),
  ]);
  const profile = profileSnap.data() ?? {};

  const batch = deps.db.batch();
  appendAudit(batch, {
    actor: caller,
    action: "customer.lookup",
    target: { kind: "customer", id: user.uid },
    after: { orders: ordersSnap.size },
  });
  await batch.commit();
  customerLookedUp(caller.uid, user.uid);

  return {
    customer: {
      uid: user.uid,
      email: user.email ?? input.email,
      displayName: typeof profile.displayName === "string" ? profile.displayName : (user.displayName ?? null),
      phone: typeof profile.phone === "string" ? profile.phone : null,
      addresses: Array.isArray(profile.addresses) ? (profile.addresses as Record<string, unknown>[]) : [],
      marketing: { email: profile.marketing?.email?.granted === true, sms: profile.marketing?.sms?.granted === true },
      createdAt: iso(profile.createdAt),
    },
    orders: ordersSnap.docs.map((doc) => {
      const order = doc.data();
      return {
        orderId: doc.id,
        status: order.status as OrderStatus,
        totalCents: Number(order.totalCents),
        currency: order.currency as Currency,
        createdAt: iso(order.createdAt),
        lines: ((order.lines ?? []) as { sku: string; name?: string; quantity: number }[]).map((l) => ({
          sku: l.sku,
          name: l.name ?? l.sku,
          quantity: l.quantity,
        })),
      };
    }),
  };
}

export const lookupCustomerCallable = defineCallable("lookupCustomer", (input, caller) => lookupCustomer(deps(), input, caller));
