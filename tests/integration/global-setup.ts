/**
 * Integration and fuzz suites: the database starts with the seed's locations
 * (`main`, `east`), as `npm run seed` leaves it; the rules suite, run before in
 * the same emulators, clears everything.
 */
import { adminDb } from "../../scripts/lib/admin.js";
import { seedLocations } from "../../scripts/seed/seed.js";

export default async function setup(): Promise<() => Promise<void>> {
  await seedLocations(adminDb());
  // This process needs the client no longer; an open channel would keep it alive.
  return () => adminDb().terminate();
}
