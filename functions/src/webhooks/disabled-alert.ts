/** When an endpoint is disabled automatically: a log line and one mail to every admin with an email. */
import type { Firestore } from "firebase-admin/firestore";
import { auth } from "../app.js";
import { webhookEndpointDisabled } from "../logs.js";
import { endpointDisabledMail } from "../mail/compose.js";
import { queueMail } from "../mail/queue.js";
import { listStaff } from "../staff/list-staff.js";

export async function tellAdminsEndpointDisabled(
  db: Firestore,
  alert: { endpointId: string; url: string; reason: "gone" | "failing"; streakSinceMs: number },
): Promise<void> {
  const { staff } = await listStaff({ auth: auth() }, {});
  const admins = staff.filter((s) => s.role === "admin" && s.email).map((s) => s.email!);
  webhookEndpointDisabled(alert.endpointId, alert.url, alert.reason, admins.length);
  if (admins.length === 0) return;
  // One mail per failure streak (its start names it), so a retried task does not mail twice.
  await queueMail(db, `endpoint-disabled-${alert.endpointId}-${alert.streakSinceMs}`, admins, endpointDisabledMail(alert));
}
