/**
 * Webhook triggers: the consumer of `showroom-events`, the Cloud Tasks queue
 * that runs each delivery attempt, and the admin callables. Each adapts the
 * Firebase event to the plain modules beside it.
 */
import { getFunctions } from "firebase-admin/functions";
import * as v1 from "firebase-functions/v1";
import { logger } from "firebase-functions";
import { onMessagePublished } from "firebase-functions/pubsub";
import { onTaskDispatched } from "firebase-functions/tasks";
import { EVENTS_TOPIC } from "@showroom/model";
import { z } from "zod";
import { db } from "../app.js";
import { config } from "../config.js";
import { eventMessageRejected, webhookAttempted, webhooksCaughtUp } from "../logs.js";
import { defineCallable } from "../shared/callable.js";
import { parseEventMessage } from "../shared/event-message.js";
import { currentTraceparent, inSpan, orderIdOf } from "../operations/tracing.js";
import { SpanAttributes } from "../operations/span-record.js";
import {
  attemptDelivery,
  pump,
  pumpEndpoint,
  pumpSubject,
  recordEvents,
  recordRedelivery,
  type Arrival,
  type AttemptDeps,
  type DeliveryDeps,
} from "./deliveries.js";
import { arrivalRecorder } from "./arrivals.js";
import { catchUpWebhooks } from "./catch-up.js";
import { createEndpoint, deleteEndpoint, rotateSecret, updateEndpoint } from "./endpoints.js";
import { tellAdminsEndpointDisabled } from "./disabled-alert.js";
import { replayRange, resendDelivery } from "./redeliver.js";

const TASK_FUNCTION = "deliverWebhook";

const cloudTasks = {
  async schedule(deliveryId: string, attempt: number, delaySeconds: number) {
    await getFunctions()
      .taskQueue(`locations/${config.region}/functions/${TASK_FUNCTION}`)
      .enqueue({ deliveryId, attempt }, { scheduleDelaySeconds: Math.ceil(delaySeconds), dispatchDeadlineSeconds: config.webhooks.timeoutSeconds + 60 });
  },
};

const deliveryDeps = (): DeliveryDeps => ({ db: db(), scheduler: cloudTasks });
const attemptDeps = (): AttemptDeps => ({
  ...deliveryDeps(),
  policy: config.webhooks,
  timeoutSeconds: config.webhooks.timeoutSeconds,
  urlPolicy: config.webhooks.urlPolicy,
  onDisabled: (endpointId, url, reason, streakSinceMs) => tellAdminsEndpointDisabled(db(), { endpointId, url, reason, streakSinceMs }),
});

const recordArrival = arrivalRecorder<Arrival>(async (subject, arrivals) => {
  const deps = deliveryDeps();
  await recordEvents(deps, arrivals);
  await pumpSubject(deps, subject);
});

export const webhooksOnEvent = onMessagePublished({ topic: EVENTS_TOPIC, region: config.region, concurrency: 80 }, async (event) => {
  const message = parseEventMessage(event.data.message);
  if (!message.ok) return eventMessageRejected("webhooks", event.data.message.messageId, message.reason);
  const { envelope, replay, traceparent } = message;
  const attributes = { [SpanAttributes.eventId]: envelope.id, [SpanAttributes.subject]: envelope.subject, ...orderIdOf(envelope.subject) };
  // Deliveries made in this span store its traceparent, so every attempt joins the event's trace.
  await inSpan("trigger webhooksOnEvent", { parent: traceparent, attributes }, async () => {
    const deps = deliveryDeps();
    if (replay) {
      const endpointIds = await recordRedelivery(deps, envelope, { endpointId: replay.endpointId, origin: "replay", key: event.data.message.messageId });
      await Promise.all(endpointIds.map((id) => pump(deps, id, envelope.subject)));
      return;
    }
    // Recorded with the other arrivals of this instance; then the subject's queues are pumped (a new
    // arrival may also release later seqs that waited for it, on any endpoint).
    await recordArrival({ envelope, traceparent: currentTraceparent() });
  });
});

const TaskSchema = z.object({ deliveryId: z.string().min(1), attempt: z.number().int().min(1) });

export const deliverWebhook = onTaskDispatched(
  {
    region: config.region,
    concurrency: 80,
    timeoutSeconds: config.webhooks.timeoutSeconds + 60,
    // Cloud Tasks' own retries only cover a crashed attempt; delivery failures are rescheduled by us (backoff + jitter).
    retryConfig: { maxAttempts: 5, minBackoffSeconds: 10 },
    rateLimits: { maxConcurrentDispatches: 200 },
  },
  async (request) => {
    const task = TaskSchema.safeParse(request.data);
    if (!task.success) return logger.warn("deliverWebhook: malformed task", { data: request.data });
    webhookAttempted(task.data.deliveryId, task.data.attempt, await attemptDelivery(attemptDeps(), task.data.deliveryId, task.data.attempt));
  },
);

// A 1st gen schedule, like relayEventsCatchUp, so the emulator runs it from its topic
// (`firebase-schedule-webhooksCatchUp`) and the crash run can trigger it.
export const webhooksCatchUp = v1
  .region(config.region)
  .pubsub.schedule("every 1 minutes")
  .onRun(async () => {
    const { recorded, rescued } = await catchUpWebhooks(deliveryDeps(), Date.now(), config.webhooks.catchUpGraceSeconds * 1000);
    webhooksCaughtUp(recorded, rescued);
  });

const endpointDeps = () => ({ db: db(), policy: config.webhooks.urlPolicy });

export const createWebhookEndpointCallable = defineCallable("createWebhookEndpoint", (input, caller) => createEndpoint(endpointDeps(), input, caller));

export const updateWebhookEndpointCallable = defineCallable("updateWebhookEndpoint", async (input, caller) => {
  const { id, enabled, resumed } = await updateEndpoint(endpointDeps(), input, caller);
  if (resumed) await pumpEndpoint(deliveryDeps(), id);
  return { id, enabled };
});

export const rotateWebhookSecretCallable = defineCallable("rotateWebhookSecret", (input, caller) => rotateSecret(endpointDeps(), input, caller));

export const deleteWebhookEndpointCallable = defineCallable("deleteWebhookEndpoint", (input, caller) => deleteEndpoint(endpointDeps(), input, caller));

export const resendWebhookDeliveryCallable = defineCallable("resendWebhookDelivery", (input, caller) => resendDelivery(deliveryDeps(), input, caller));

export const replayWebhookEventsCallable = defineCallable("replayWebhookEvents", (input, caller) => replayRange(deliveryDeps(), input, caller));
