/**
 * Bulk imports (seed, benchmarks) pause the Functions emulator's background
 * triggers, as Firebase recommends for seeding: thousands of new stock
 * documents would otherwise queue thousands of trigger runs that only compete
 * for the CPU (new documents alert nobody). Outside the emulators this is a no-op.
 */
async function setBackgroundTriggers(enabled: boolean): Promise<void> {
  const hub = process.env.FIREBASE_EMULATOR_HUB;
  if (!hub) return;
  const path = enabled ? "enableBackgroundTriggers" : "disableBackgroundTriggers";
  const response = await fetch(`http://${hub}/functions/${path}`, { method: "PUT" });
  if (!response.ok) throw new Error(`Could not ${enabled ? "enable" : "disable"} background triggers: ${response.status} ${await response.text()}`);
}

export async function withTriggersPaused<T>(work: () => Promise<T>): Promise<T> {
  await setBackgroundTriggers(false);
  try {
    return await work();
  } finally {
    await setBackgroundTriggers(true);
  }
}
