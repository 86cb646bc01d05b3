/** The state of any read: shared by the one-shot (REST) and live (onSnapshot) hooks. */
export type Live<T> = { status: "loading" } | { status: "ready"; data: T } | { status: "error"; error: Error };
