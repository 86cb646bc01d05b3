/**
 * Live stock (DESIGN): 100 independent web-SDK clients listen to one
 * `stock/{sku}`; staff call `adjustStock`. Call start → each client's callback,
 * against the floor: a direct Admin SDK write to the same document, same run.
 */
import { randomUUID } from "node:crypto";
import { deleteApp, initializeApp, type FirebaseApp } from "firebase/app";
import { connectFirestoreEmulator, doc, getFirestore, onSnapshot } from "firebase/firestore";
import { Collections } from "@showroom/model";
import { adminDb } from "../lib/admin.js";
import { call, emulatorToken } from "./callables.js";
import { writeStockedProducts } from "./stocked-products.js";
import { percentile, round, type BenchModule, type Row } from "./types.js";

const CLIENTS = Number(process.env.BENCH_LISTENERS ?? 100);
const ROUNDS = Number(process.env.BENCH_LIVE_ROUNDS ?? 16);
const WARM_BURST = 10;
const FLOOR_VALUES = 1_000_000;

/** One independent web-SDK client (its own app and connection) listening to one `stock/{sku}`; the soak bench uses it too. */
export interface Listener {
  app: FirebaseApp;
  /** Resolves when this client sees `available === value`. */
  waitFor(value: number): Promise<number>;
  /** Snapshots delivered so far. */
  snapshots(): number;
  stop(): void;
}

export function listen(sku: string): Listener {
  const app = initializeApp({ projectId: process.env.GCLOUD_PROJECT ?? "demo-showroom", apiKey: "demo-api-key" }, `bench-${randomUUID()}`);
  const db = getFirestore(app);
  const [host, port] = (process.env.FIRESTORE_EMULATOR_HOST ?? "127.0.0.1:8080").split(":");
  connectFirestoreEmulator(db, host ?? "127.0.0.1", Number(port));
  let latest: number | undefined;
  let snapshots = 0;
  const waiting = new Map<number, (at: number) => void>();
  const stop = onSnapshot(doc(db, Collections.stock, sku), (snap) => {
    snapshots += 1;
    latest = snap.get("available") as number;
    waiting.get(latest)?.(performance.now());
    waiting.delete(latest);
  });
  return {
    app,
    stop,
    snapshots: () => snapshots,
    waitFor: (value) => (latest === value ? Promise.resolve(performance.now()) : new Promise((resolve) => waiting.set(value, resolve))),
  };
}

export async function closeListeners(listeners: Listener[]): Promise<void> {
  for (const l of listeners) l.stop();
  await Promise.all(listeners.map((l) => deleteApp(l.app)));
}

/** Call start → every listener's callback, for one change that makes `available` equal `value`. */
async function measure(listeners: Listener[], value: number, change: () => Promise<unknown>): Promise<number[]> {
  const seen = Promise.all(listeners.map((l) => l.waitFor(value)));
  const t0 = performance.now();
  await change();
  const latencies = (await seen).map((t) => t - t0);
  await new Promise((r) => setTimeout(r, 200));
  return latencies;
}

export const liveStock: BenchModule = {
  name: "live stock",
  async run() {
    const sku = `BENCH-LIVE-${Date.now().toString(36).toUpperCase()}`;
    await writeStockedProducts(adminDb(), [{ productId: `bench-live-${randomUUID().slice(0, 8)}`, variants: [{ sku, main: 1000 }] }]);
    const token = emulatorToken({ role: "staff" });
    const adjust = async () => {
      const result = await call("adjustStock", token, { sku, delta: 1, reason: "receive" });
      if (!result.ok) throw new Error(`adjustStock failed: ${result.status} ${result.message}`);
    };
    // DESIGN: warm the Functions emulator with one call, then a small burst.
    await adjust();
    await Promise.all(Array.from({ length: WARM_BURST }, adjust));
    let onHand = 1000 + 1 + WARM_BURST;
    const listeners = Array.from({ length: CLIENTS }, () => listen(sku));
    await Promise.all(listeners.map((l) => l.waitFor(onHand)));
    const ref = adminDb().collection(Collections.stock).doc(sku);
    const viaCallable: number[] = [];
    const floor: number[] = [];
    try {
      // Alternate the two, so a drift in machine load or warmth hits both alike.
      // The floor writes values far from the callable's so the two never meet.
      for (let i = 1; i <= ROUNDS; i += 1) {
        onHand += 1;
        viaCallable.push(...(await measure(listeners, onHand, adjust)));
        const direct = FLOOR_VALUES + i;
        floor.push(...(await measure(listeners, direct, () => ref.update({ available: direct }))));
      }
      // Put the public view back in line with the inventory (the floor wrote around the engine).
      await adjust();
      const row = (variant: string, samples: number[], base?: number[]): Row => ({
        bench: "live stock",
        variant,
        calls: ROUNDS,
        clients: CLIENTS,
        p50Ms: round(percentile(samples, 50)),
        p99Ms: round(percentile(samples, 99)),
        ratio: base ? `${round(percentile(samples, 50) / percentile(base, 50), 2)} / ${round(percentile(samples, 99) / percentile(base, 99), 2)}` : "1",
        note: base ? "ratio = p50 / p99 vs the floor" : "",
      });
      return [row("adjustStock callable → callbacks", viaCallable, floor), row("floor: Admin SDK write → callbacks", floor)];
    } finally {
      await closeListeners(listeners);
    }
  },
};
