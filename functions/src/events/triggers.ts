/**
 * The relay's wiring: every commit that wrote events asks for their subjects to be drained, and
 * a schedule drains any subject whose events are still unpublished (a trigger
 * lost, a publish that failed, a relay that crashed holding the lease).
 */
import * as v1 from "firebase-functions/v1";
import { onDocumentCreated } from "firebase-functions/firestore";
import { Collections, EventSubjectSchema, type EventSubject } from "@showroom/model";
import { z } from "zod";
import { db } from "../app.js";
import { config } from "../config.js";
import { eventsRelayCaughtUp, eventsRelayFailed } from "../logs.js";
import { drainInTrace, instanceRelay } from "./instance-relay.js";
import { publishedSeqs, unpublishedSubjects } from "./relay.js";

const CommitMarkerSchema = z.object({
  subjects: z.array(z.object({ subject: EventSubjectSchema, seq: z.number().int().min(1), traceparent: z.string().optional() })).min(1),
});

/**
 * Runs once per commit that wrote events (its `eventCommits` marker) and drains
 * each of its subjects that is still behind the commit's last seq: usually the
 * committing instance has published them already (instance-relay.ts), and one
 * read of their cursors shows it.
 */
export const relayCommit = onDocumentCreated(
  { document: `${Collections.eventCommits}/{commitId}`, region: config.region, concurrency: config.callableConcurrency },
  async (event) => {
    const { subjects } = CommitMarkerSchema.parse(event.data?.data());
    const published = await publishedSeqs(
      db(),
      subjects.map((s) => s.subject),
    );
    await Promise.all(subjects.map((s, i) => drainInTrace("trigger relayCommit", s, published[i]! < s.seq ? "drained" : "already published")));
  },
);

export async function catchUpEvents(relay: (subject: EventSubject) => Promise<void>): Promise<number> {
  const subjects = await unpublishedSubjects(db());
  const results = await Promise.allSettled(subjects.map((subject) => relay(subject)));
  results.forEach((r, i) => r.status === "rejected" && eventsRelayFailed(subjects[i] ?? "", r.reason));
  eventsRelayCaughtUp(subjects.length, results.filter((r) => r.status === "rejected").length);
  return subjects.length;
}

// A 1st gen schedule: the Functions emulator runs it when its Pub/Sub topic
// `firebase-schedule-relayEventsCatchUp` gets a message (2nd gen schedules it
// cannot run: "Unsupported trigger signature: http"), so the catch-up is tested for real.
export const relayEventsCatchUp = v1
  .region(config.region)
  .pubsub.schedule("every 1 minutes")
  .onRun(async () => {
    await catchUpEvents(instanceRelay());
  });
