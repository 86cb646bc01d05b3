/** Staff act on alerts from the console's Operations page. */
import { db } from "../app.js";
import { defineCallable } from "../shared/callable.js";
import { actOnAlert } from "./alerts.js";

export const acknowledgeAlertCallable = defineCallable("acknowledgeAlert", async ({ alertId }, caller) => {
  await actOnAlert(db(), alertId, "acknowledge", caller);
  return { alertId, status: "acknowledged" as const };
});

export const resolveAlertCallable = defineCallable("resolveAlert", async ({ alertId, note }, caller) => {
  await actOnAlert(db(), alertId, "resolve", caller, note);
  return { alertId, status: "resolved" as const };
});
