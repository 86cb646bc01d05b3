/**
 * Sends `mail/{id}` documents over SMTP (nodemailer), recording `delivery` as
 * the Trigger Email extension does: PENDING → PROCESSING → SUCCESS | ERROR,
 * with attempts, error and the server's answer. A transaction claims the
 * document first, so two invocations for one mail never both send. Failed
 * sends are retried here with a short backoff, up to `maxAttempts`; setting
 * `delivery.state` to `RETRY` (as with the extension) sends again.
 */
import { FieldValue, Timestamp, type DocumentReference } from "firebase-admin/firestore";
import { createTransport, type Transporter } from "nodemailer";
import { mailFailed, mailSent } from "../logs.js";

export interface MailSettings {
  smtpUrl: string;
  from: string;
  maxAttempts: number;
  /** Milliseconds before retry `n` (1-based). */
  retryDelayMs: (n: number) => number;
}

const LEASE_MS = 60_000;
let cached: { url: string; transport: Transporter } | null = null;

function transportFor(url: string): Transporter {
  if (cached?.url !== url) cached = { url, transport: createTransport(url) };
  return cached.transport;
}

async function claim(ref: DocumentReference): Promise<{ to: string[]; message: { subject: string; text: string; html: string }; attempts: number } | null> {
  return ref.firestore.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const state = snap.get("delivery.state") as string | undefined;
    const lease = snap.get("delivery.leaseExpireTime") as Timestamp | null | undefined;
    const stuck = state === "PROCESSING" && lease != null && lease.toMillis() < Date.now();
    if (!snap.exists || !(state === "PENDING" || state === "RETRY" || stuck)) return null;
    const attempts = ((snap.get("delivery.attempts") as number | undefined) ?? 0) + 1;
    tx.update(ref, {
      "delivery.state": "PROCESSING",
      "delivery.attempts": attempts,
      "delivery.startTime": FieldValue.serverTimestamp(),
      "delivery.leaseExpireTime": Timestamp.fromMillis(Date.now() + LEASE_MS),
    });
    const to = snap.get("to") as string | string[];
    return { to: Array.isArray(to) ? to : [to], message: snap.get("message") as { subject: string; text: string; html: string }, attempts };
  });
}

export async function deliverMail(ref: DocumentReference, settings: MailSettings): Promise<"sent" | "failed" | "skipped"> {
  const mail = await claim(ref);
  if (!mail) return "skipped";
  // Retries stay in this invocation, the document PROCESSING with its lease renewed, so our own
  // writes never look like new work to the trigger.
  for (let attempts = mail.attempts; ; attempts += 1) {
    try {
      const info = await transportFor(settings.smtpUrl).sendMail({ from: settings.from, to: mail.to, ...mail.message });
      await ref.update({
        "delivery.state": "SUCCESS",
        "delivery.attempts": attempts,
        "delivery.endTime": FieldValue.serverTimestamp(),
        "delivery.leaseExpireTime": null,
        "delivery.error": null,
        "delivery.info": {
          messageId: info.messageId ?? null,
          accepted: (info.accepted ?? []).map(String),
          rejected: (info.rejected ?? []).map(String),
          response: info.response ?? null,
        },
      });
      mailSent(ref.id, attempts);
      return "sent";
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const final = attempts - mail.attempts + 1 >= settings.maxAttempts;
      const delayMs = settings.retryDelayMs(attempts);
      await ref.update({
        "delivery.state": final ? "ERROR" : "PROCESSING",
        "delivery.attempts": attempts,
        "delivery.endTime": final ? FieldValue.serverTimestamp() : null,
        "delivery.leaseExpireTime": final ? null : Timestamp.fromMillis(Date.now() + delayMs + LEASE_MS),
        "delivery.error": message,
      });
      mailFailed(ref.id, attempts, message, final);
      if (final) return "failed";
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
