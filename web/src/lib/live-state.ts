/** The state of any read: shared by the Lite (one-shot) and live (onSnapshot) hooks. */
export type Live<T> = { status: "loading" } | { status: "ready"; data: T } | { status: "error"; error: Error };
