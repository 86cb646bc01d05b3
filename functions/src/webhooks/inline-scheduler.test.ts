import { describe, expect, it } from "vitest";
import { inlineFirst } from "./inline-scheduler.js";
import type { Scheduler } from "./deliveries.js";

function taskQueue() {
  const queued: [string, number, number][] = [];
  const tasks: Scheduler = { schedule: async (id, n, delay) => void queued.push([id, n, delay]) };
  return { queued, tasks };
}

describe("inlineFirst", () => {
  it("runs an attempt due now in this invocation, and the ones it makes due after it, in order", async () => {
    const { queued, tasks } = taskQueue();
    const ran: string[] = [];
    const scheduler = inlineFirst(
      tasks,
      async (id, n, next) => {
        ran.push(`${id}#${n}`);
        // Delivered: the queue's next seq is due now.
        if (id === "d1") await next.schedule("d2", 1, 0);
      },
      10_000,
    );
    await scheduler.schedule("d1", 1, 0);
    await scheduler.settled();
    expect(ran).toEqual(["d1#1", "d2#1"]);
    expect(queued).toEqual([]);
  });

  it("hands retries (a delay) to the task queue", async () => {
    const { queued, tasks } = taskQueue();
    const ran: string[] = [];
    const scheduler = inlineFirst(tasks, async (id) => void ran.push(id), 10_000);
    await scheduler.schedule("d1", 2, 30);
    await scheduler.settled();
    expect(ran).toEqual([]);
    expect(queued).toEqual([["d1", 2, 30]]);
  });

  it("hands everything to the task queue once the invocation's budget is spent", async () => {
    const { queued, tasks } = taskQueue();
    let clock = 0;
    const ran: string[] = [];
    const scheduler = inlineFirst(
      tasks,
      async (id, n, next) => {
        ran.push(id);
        clock += 6_000;
        await next.schedule(`${id}+`, n, 0);
      },
      10_000,
      () => clock,
    );
    await scheduler.schedule("d", 1, 0);
    await scheduler.settled();
    expect(ran).toEqual(["d", "d+"]);
    expect(queued).toEqual([["d++", 1, 0]]);
  });

  it("runs an attempt already running inline in this process only once", async () => {
    const { queued, tasks } = taskQueue();
    let release: () => void = () => undefined;
    const ran: string[] = [];
    const attempt = async (id: string) => {
      ran.push(id);
      await new Promise<void>((resolve) => (release = resolve));
    };
    const a = inlineFirst(tasks, attempt, 10_000);
    const b = inlineFirst(tasks, attempt, 10_000);
    await a.schedule("d1", 1, 0);
    await b.schedule("d1", 1, 0);
    release();
    await Promise.all([a.settled(), b.settled()]);
    expect(ran).toEqual(["d1"]);
    expect(queued).toEqual([]);
  });

  it("hands an attempt that throws to the task queue, as the same attempt", async () => {
    const { queued, tasks } = taskQueue();
    const scheduler = inlineFirst(
      tasks,
      async () => {
        throw new Error("transaction aborted");
      },
      10_000,
    );
    await scheduler.schedule("d1", 3, 0);
    await scheduler.settled();
    expect(queued).toEqual([["d1", 3, 0]]);
  });
});
