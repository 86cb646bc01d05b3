/**
 * Mail triggers: the sender on `mail/{id}`, and the consumer of
 * `showroom-events` that queues the store's mails.
 */
import { onDocumentWritten } from "firebase-functions/firestore";
import { defineSecret } from "firebase-functions/params";
import { onMessagePublished } from "firebase-functions/pubsub";
import { Collections, EVENTS_TOPIC } from "@showroom/model";
import { auth, db } from "../app.js";
import { config } from "../config.js";
import { eventMessageRejected } from "../logs.js";
import { parseEventMessage } from "../shared/event-message.js";
import { mailForEvent } from "./on-event.js";
import { deliverMail } from "./sender.js";

/** Production SMTP settings (`smtps://user:pass@host:465`) are a secret; the emulator reads SHOWROOM_SMTP_URL (maildev). */
const smtpUrlSecret = defineSecret("SMTP_URL");

export const sendMail = onDocumentWritten(
  { document: `${Collections.mail}/{id}`, region: config.region, secrets: config.emulator ? [] : [smtpUrlSecret], timeoutSeconds: 120 },
  async (event) => {
    const state = event.data?.after.get("delivery.state") as string | undefined;
    // Our own writes (PROCESSING, SUCCESS, ...) fire this trigger too; only new or RETRY mail is work.
    if (!event.data?.after.exists || (state !== "PENDING" && state !== "RETRY")) return;
    if (event.data.before.exists && event.data.before.get("delivery.state") === state) return;
    await deliverMail(event.data.after.ref, {
      smtpUrl: process.env.SHOWROOM_SMTP_URL ?? smtpUrlSecret.value(),
      from: config.mail.from,
      maxAttempts: config.mail.maxAttempts,
      retryDelayMs: (n) => 1000 * 2 ** (n - 1),
    });
  },
);

export const mailOnEvent = onMessagePublished({ topic: EVENTS_TOPIC, region: config.region, concurrency: 80 }, async (event) => {
  const message = parseEventMessage(event.data.message);
  if (!message.ok) return eventMessageRejected("mail", event.data.message.messageId, message.reason);
  // Replays are for integrations; customers get each mail once.
  if (message.replay) return;
  await mailForEvent({ db: db(), auth: auth(), storeUrl: config.mail.storeUrl }, message.envelope);
});
