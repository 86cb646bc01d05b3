/**
 * Firestore failures that say "try again", not "this is wrong": the database
 * was unreachable or too slow (UNAVAILABLE, DEADLINE_EXCEEDED), or the
 * transaction lost its locks (ABORTED — e.g. "Transaction lock timeout" while a
 * crashed instance's transaction still held them). The Admin SDK gives up on
 * them after its own retries and throws the gRPC status as `code`; a callable
 * answers `unavailable` for them, so clients retry, instead of `internal`.
 */
const TRANSIENT_GRPC_CODES = new Set([4, 10, 14]); // DEADLINE_EXCEEDED, ABORTED, UNAVAILABLE

export function isTransientFirestoreError(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  return typeof error.code === "number" && TRANSIENT_GRPC_CODES.has(error.code);
}
