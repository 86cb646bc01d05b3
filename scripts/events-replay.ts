/**
 * `npm run events:replay -- --since ISO [--type T] [--endpoint ID]`:
 * re-publishes stored events to `showroom-events`, per subject in seq order,
 * marked as replays (for one webhook endpoint with --endpoint). Against the
 * running emulators, or a real project with `--project <id>` (application
 * default credentials).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { adminDb, requireEmulators } from "./lib/admin.js";
import { pubsubPublisher } from "../functions/src/events/pubsub.js";
import { replayEvents } from "../functions/src/events/replay.js";

const USAGE = "usage: npm run events:replay -- --since <ISO time> [--type <event type>] [--endpoint <endpoint id>] [--project <id>]";

const { values } = parseArgs({ options: { since: { type: "string" }, type: { type: "string" }, endpoint: { type: "string" }, project: { type: "string" } } });
if (values.project) process.env.GCLOUD_PROJECT = values.project;
else requireEmulators();

try {
  const input = { since: values.since, ...(values.type ? { type: values.type } : {}), ...(values.endpoint ? { endpointId: values.endpoint } : {}) };
  const { published, subjects } = await replayEvents({ db: adminDb(), publish: pubsubPublisher() }, input);
  console.log(`Replayed ${published} event(s) of ${subjects} subject(s) since ${values.since}${values.endpoint ? ` for endpoint ${values.endpoint}` : ""}.`);
  process.exit(0);
} catch (error) {
  if (error instanceof z.ZodError) {
    console.error(`Nothing replayed: ${error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")}\n${USAGE}`);
    process.exit(2);
  }
  throw error;
}
