/**
 * Trigger wiring for customer data (the stock trigger also keeps the catalog's
 * in-stock flag): each adapts the Firebase event to a plain handler that takes
 * Firestore as an argument (and is tested that way).
 */
import * as v1 from "firebase-functions/v1";
import { onDocumentWritten } from "firebase-functions/firestore";
import { Collections } from "@showroom/model";
import { db } from "../app.js";
import { syncProductInStock } from "../catalog/in-stock.js";
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

// Both handlers return at once unless the status crossed their line, so most stock writes cost nothing here.
export const onStockWritten = onDocumentWritten({ document: `${Collections.stock}/{sku}`, region: config.region }, async (event) => {
  const before = event.data?.before.data();
  const after = event.data?.after.data();
  await Promise.all([notifyBackInStock(db(), { eventId: event.id, sku: event.params.sku, before, after }), syncProductInStock(db(), { before, after })]);
});
