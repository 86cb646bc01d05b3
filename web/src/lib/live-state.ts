/** The state of any read: shared by the one-shot (REST) and live (onSnapshot) hooks. */
export type Live<T> = { status: "loading" } | { status: "ready"; data: T } | { status: "error"; error: Error };

/**
 * A page that painted from a one-shot read and then follows the same document
 * live shows the first value until the listener answers (`undefined`: not yet;
 * `null`, a missing document, is an answer). The value never goes back to
 * unknown in between, so the switch does not flicker.
 */
export function preferLive<T>(first: T, live: T | undefined): T {
  return live === undefined ? first : live;
}

/** `preferLive` per key: every key of either, the live value where the listener has answered. */
export function withLive<T>(first: Readonly<Record<string, T>>, live: Readonly<Record<string, T | undefined>>): Record<string, T> {
  const merged = { ...first };
  for (const [key, value] of Object.entries(live)) if (value !== undefined) merged[key] = value;
  return merged;
}
