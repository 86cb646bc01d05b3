/**
 * The live SDK (Firestore with onSnapshot, Auth, Functions) as one lazily loaded
 * chunk: pages that paint from a REST read start this import after rendering,
 * so it never sits on the catalog's critical path.
 */
export type LiveSdk = typeof import("./live-sdk");

let loading: Promise<LiveSdk> | null = null;

export function loadLiveSdk(): Promise<LiveSdk> {
  loading ??= import("./live-sdk");
  return loading;
}
