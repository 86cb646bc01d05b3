/**
 * Survey invitations. When an order becomes `delivered`, `scheduleSurveyInvite`
 * records `surveyInvites/{orderId}` due `delayDays` later; `sendDueSurveyInvites`
 * (hourly, and called directly by tests with an injected clock) turns each due
 * invitation into an account prompt and, if the customer consents to email, a
 * `mail/survey-invite-{orderId}` document with a signed link.
 */
import { Timestamp, type DocumentData, type Firestore } from "firebase-admin/firestore";
import { onDocumentUpdated } from "firebase-functions/firestore";
import { onSchedule } from "firebase-functions/scheduler";
import { Collections, DAY_MS, SURVEY_LINK_DAYS, surveyMailId } from "@showroom/model";
import { db } from "../app.js";
import { config, surveyLinkSecret } from "../config.js";
import { stockClock } from "../inventory/clock.js";
import { surveyInvitesSent } from "../logs.js";
import { surveyInviteMail, surveyLink } from "./invite-mail.js";
import { signSurveyToken } from "./link-token.js";

const PAGE = 200;

/** When the order was delivered: its status history says so; the trigger's time if it does not. */
function deliveredAtMs(order: DocumentData, fallbackMs: number): number {
  const history = (order.statusHistory ?? []) as { status?: string; at?: unknown }[];
  const entry = history.filter((h) => h.status === "delivered").at(-1);
  return entry?.at instanceof Timestamp ? entry.at.toMillis() : fallbackMs;
}

export async function scheduleSurveyInvite(
  firestore: Firestore,
  change: { orderId: string; before: DocumentData | undefined; after: DocumentData | undefined; eventTimeMs: number; delayDays: number },
): Promise<boolean> {
  const { before, after } = change;
  if (!after || after.status !== "delivered" || before?.status === "delivered") return false;
  const delivered = deliveredAtMs(after, change.eventTimeMs);
  const ref = firestore.collection(Collections.surveyInvites).doc(change.orderId);
  // create(): a redelivered trigger finds the invitation already there and changes nothing.
  return ref
    .create({
      orderId: change.orderId,
      uid: after.uid,
      status: "scheduled",
      deliveredAt: Timestamp.fromMillis(delivered),
      dueAt: Timestamp.fromMillis(delivered + change.delayDays * DAY_MS),
    })
    .then(() => true)
    .catch((error: { code?: number }) => {
      if (error.code === 6) return false; // ALREADY_EXISTS
      throw error;
    });
}

export interface SendDeps {
  db: Firestore;
  nowMs: number;
  linkKey: string;
  siteUrl: string;
}

/** Sends every invitation due at `nowMs` (a page at a time); returns how many went out and how many by email. */
export async function sendDueSurveyInvites(deps: SendDeps): Promise<{ sent: number; emailed: number }> {
  const due = await deps.db
    .collection(Collections.surveyInvites)
    .where("status", "==", "scheduled")
    .where("dueAt", "<=", Timestamp.fromMillis(deps.nowMs))
    .limit(PAGE)
    .get();
  let sent = 0;
  let emailed = 0;
  for (const invite of due.docs) {
    const outcome = await deps.db.runTransaction(async (tx) => {
      const mailRef = deps.db.collection(Collections.mail).doc(surveyMailId(invite.id));
      const [current, mail] = await tx.getAll(invite.ref, mailRef);
      if (current?.get("status") !== "scheduled") return "skipped";
      const profile = (await tx.get(deps.db.collection(Collections.customers).doc(String(current.get("uid"))))).data();
      const email = typeof profile?.email === "string" && profile.email.length > 0 ? profile.email : null;
      const consents = profile?.marketing?.email?.granted === true;
      const now = Timestamp.fromMillis(deps.nowMs);
      if (email && consents && !mail?.exists) {
        const token = signSurveyToken(deps.linkKey, invite.id, deps.nowMs + SURVEY_LINK_DAYS * DAY_MS);
        // `uid` lets erasure find the email (the extension ignores extra fields).
        tx.set(mailRef, {
          ...surveyInviteMail({ to: email, orderId: invite.id, link: surveyLink(deps.siteUrl, invite.id, token) }),
          uid: current.get("uid"),
          createdAt: now,
        });
      }
      // The account prompt shows every sent invitation, emailed or not.
      tx.update(invite.ref, { status: "sent", sentAt: now, emailed: Boolean(email && consents) });
      return email && consents ? "emailed" : "prompted";
    });
    if (outcome !== "skipped") sent += 1;
    if (outcome === "emailed") emailed += 1;
  }
  surveyInvitesSent(sent, emailed);
  return { sent, emailed };
}

export const onOrderDelivered = onDocumentUpdated({ document: `${Collections.orders}/{orderId}`, region: config.region }, async (event) => {
  await scheduleSurveyInvite(db(), {
    orderId: event.params.orderId,
    before: event.data?.before.data(),
    after: event.data?.after.data(),
    eventTimeMs: Date.parse(event.time),
    delayDays: config.surveyDelayDays,
  });
});

export const sendSurveyInvitesSchedule = onSchedule({ schedule: "every 60 minutes", region: config.region, secrets: [surveyLinkSecret] }, async () => {
  await sendDueSurveyInvites({ db: db(), nowMs: await stockClock(db())(), linkKey: surveyLinkSecret.value(), siteUrl: config.siteUrl });
});
