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
  type Scheduler,
} from "./deliveries.js";
import { inlineFirst } from "./inline-scheduler.js";
import { arrivalRecorder } from "./arrivals.js";
import { catchUpWebhooks } from "./catch-up.js";
import { createEndpoint, deleteEndpoint, rotateSecret, updateEndpoint } from "./endpoints.js";
import { tellAdminsEndpointDisabled } from "./disabled-alert.js";
import { replayRange, resendDelivery } from "./redeliver.js";

const TASK_FUNCTION = "deliverWebhook";

const cloudTasks: Scheduler = {
  async schedule(deliveryId: string, attempt: number, delaySeconds: number) {
    await getFunctions()
      .taskQueue(`locations/${config.region}/functions/${TASK_FUNCTION}`)
      .enqueue({ deliveryId, attempt }, { scheduleDelaySeconds: Math.ceil(delaySeconds), dispatchDeadlineSeconds: config.webhooks.timeoutSeconds + 60 });
  },
};

/** How long an invocation sends due attempts itself before it hands them to Cloud Tasks (inline-scheduler.ts). */
const INLINE_BUDGET_MS = 10_000;

const deliveryDeps = (scheduler: Scheduler = cloudTasks): DeliveryDeps => ({ db: db(), scheduler });
const attemptDeps = (scheduler: Scheduler): AttemptDeps => ({
  ...deliveryDeps(scheduler),
  policy: config.webhooks,
  timeoutSeconds: config.webhooks.timeoutSeconds,
  urlPolicy: config.webhooks.urlPolicy,
  onDisabled: (endpointId, url, reason, streakSinceMs) => tellAdminsEndpointDisabled(db(), { endpointId, url, reason, streakSinceMs }),
});

async function runAttempt(deliveryId: string, n: number, scheduler: Scheduler): Promise<void> {
  webhookAttempted(deliveryId, n, await attemptDelivery(attemptDeps(scheduler), deliveryId, n));
}

/**
 * Runs `work` with deps whose attempts that fall due are sent in this invocation (up to the budget),
 * and waits for them before the invocation ends.
 */
async function sendingDueAttempts<T>(work: (deps: DeliveryDeps, scheduler: Scheduler) => Promise<T>): Promise<T> {
  const scheduler = inlineFirst(cloudTasks, runAttempt, INLINE_BUDGET_MS);
  const result = await work(deliveryDeps(scheduler), scheduler);
  await scheduler.settled();
  return result;
}

const recordArrival = arrivalRecorder<Arrival>(
  (_subject, arrivals) => recordEvents(deliveryDeps(), arrivals).then(() => undefined),
  (subject) => sendingDueAttempts((deps) => pumpSubject(deps, subject)),
);

export const webhooksOnEvent = onMessagePublished({ topic: EVENTS_TOPIC, region: config.region, concurrency: 80 }, async (event) => {
  const message = parseEventMessage(event.data.message);
  if (!message.ok) return eventMessageRejected("webhooks", event.data.message.messageId, message.reason);
  const { envelope, replay, traceparent } = message;
  const attributes = { [SpanAttributes.eventId]: envelope.id, [SpanAttributes.subject]: envelope.subject, ...orderIdOf(envelope.subject) };
  // Deliveries made in this span store its traceparent, so every attempt joins the event's trace.
  await inSpan("trigger webhooksOnEvent", { parent: traceparent, attributes }, async () => {
    if (replay) {
      await sendingDueAttempts(async (deps) => {
        const endpointIds = await recordRedelivery(deps, envelope, { endpointId: replay.endpointId, origin: "replay", key: event.data.message.messageId });
        await Promise.all(endpointIds.map((id) => pump(deps, id, envelope.subject)));
      });
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
    const { deliveryId, attempt } = task.data;
    // The next seq of the queue, due once this one is delivered, goes in this invocation too.
    await sendingDueAttempts((_deps, scheduler) => runAttempt(deliveryId, attempt, scheduler));
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
