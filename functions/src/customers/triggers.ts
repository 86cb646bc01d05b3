/**
 * Trigger wiring for customer data: each adapts the Firebase event to a plain
 * handler that takes Firestore as an argument (and is tested that way).
 */
import * as v1 from "firebase-functions/v1";
import { onDocumentWritten } from "firebase-functions/firestore";
import { Collections } from "@showroom/model";
import { db } from "../app.js";
import { config } from "../config.js";
import { notifyBackInStock } from "./back-in-stock.js";
import { recordProfileChange } from "./profile-audit.js";
import { createProfileForUser } from "./profile.js";

// 2nd gen has no plain Auth onCreate; the v1 trigger runs for every new user, guests included.
export const onUserCreated = v1
  .region(config.region)
  .auth.user()
  .onCreate((user) => createProfileForUser(db(), { uid: user.uid, email: user.email, displayName: user.displayName }));

export const onCustomerWritten = onDocumentWritten({ document: `${Collections.customers}/{uid}`, region: config.region }, (event) =>
  recordProfileChange(db(), {
    eventId: event.id,
    uid: event.params.uid,
    before: event.data?.before.data(),
    after: event.data?.after.data(),
  }),
);

export const onStockWritten = onDocumentWritten({ document: `${Collections.stock}/{sku}`, region: config.region }, async (event) => {
  await notifyBackInStock(db(), {
    eventId: event.id,
    sku: event.params.sku,
    before: event.data?.before.data(),
    after: event.data?.after.data(),
  });
});
