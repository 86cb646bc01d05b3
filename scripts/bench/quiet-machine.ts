/**
 * Waits until the machine's CPUs are mostly idle, so the work one measured
 * round leaves behind on the emulators (relay triggers, Pub/Sub consumers,
 * mail, minutes of it after a flash sale) does not fall on the next round.
 * Benches that compare two settings wait alike before each side.
 */
import os from "node:os";

/** The share of all cores' time spent busy over the next `windowMs`. */
async function busyShare(windowMs: number): Promise<number> {
  const totals = () =>
    os
      .cpus()
      .reduce((sum, { times }) => ({ idle: sum.idle + times.idle, all: sum.all + Object.values(times).reduce((a, b) => a + b, 0) }), { idle: 0, all: 0 });
  const before = totals();
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  const after = totals();
  const all = after.all - before.all;
  return all > 0 ? 1 - (after.idle - before.idle) / all : 0;
}

export interface QuietOptions {
  /** Quiet means busy below this share of all cores… */
  busyBelow?: number;
  /** …for this many one-second samples in a row. */
  samples?: number;
  /** Past this, measure anyway (and say so): a machine that never settles must not hang the bench. */
  maxWaitMs?: number;
  log?: (line: string) => void;
}

/** Resolves once the machine is quiet (or `maxWaitMs` has passed); answers the milliseconds waited. */
export async function waitForQuietMachine({ busyBelow = 0.25, samples = 2, maxWaitMs = 120_000, log = console.error }: QuietOptions = {}): Promise<number> {
  const started = Date.now();
  let quiet = 0;
  let busy = 1;
  while (quiet < samples) {
    if (Date.now() - started > maxWaitMs) {
      log(`machine still ${Math.round(busy * 100)} % busy after ${maxWaitMs / 1000} s; measuring anyway`);
      break;
    }
    busy = await busyShare(1000);
    quiet = busy < busyBelow ? quiet + 1 : 0;
  }
  return Date.now() - started;
}
