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
