/**
 * Runs a 1st gen scheduled function on the emulators: the Functions emulator
 * runs it when its Pub/Sub topic (`firebase-schedule-<name>…`) gets a message,
 * which is what Cloud Scheduler sends in production.
 */
import { PubSub, type Topic } from "@google-cloud/pubsub";

const topics = new Map<string, Promise<Topic>>();

function scheduleTopic(name: string): Promise<Topic> {
  let topic = topics.get(name);
  if (!topic) {
    topic = (async () => {
      const [all] = await new PubSub({ projectId: process.env.GCLOUD_PROJECT ?? "demo-showroom" }).getTopics();
      const found = all.find((t) => t.name.includes(`firebase-schedule-${name}`));
      if (!found) throw new Error(`No schedule topic for ${name} among ${all.map((t) => t.name).join(", ")}`);
      return found;
    })();
    topics.set(name, topic);
  }
  return topic;
}

export async function triggerSchedule(name: string): Promise<void> {
  await (await scheduleTopic(name)).publishMessage({ json: {} });
}

/** The catch-ups production's Cloud Scheduler runs every minute: drain unpublished events, then record and pump what the webhook consumer missed. */
export const CATCH_UP_SCHEDULES = ["relayEventsCatchUp", "webhooksCatchUp"] as const;

/**
 * Runs `work` while firing these schedules every `everyMs`, as Cloud Scheduler
 * does in production; the emulator fires none by itself, so without this a
 * consumer run that failed is never caught up here.
 */
export async function withSchedules<T>(names: readonly string[], everyMs: number, work: () => Promise<T>): Promise<T> {
  const fire = () => {
    for (const name of names) triggerSchedule(name).catch((error: unknown) => console.error(`schedule ${name} not fired: ${String(error)}`));
  };
  const timer = setInterval(fire, everyMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
