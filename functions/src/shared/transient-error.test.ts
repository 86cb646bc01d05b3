import { describe, expect, it } from "vitest";
import { isTransientFirestoreError } from "./transient-error.js";

/** An error shaped as the Admin SDK throws it: the gRPC status number in `code`. */
const grpcError = (code: number, message: string) => Object.assign(new Error(`${code} ${message}`), { code, details: message });

describe("isTransientFirestoreError", () => {
  it("treats a lock timeout (ABORTED), an unreachable database (UNAVAILABLE) and a timeout (DEADLINE_EXCEEDED) as retryable", () => {
    expect(isTransientFirestoreError(grpcError(10, "ABORTED: Transaction lock timeout."))).toBe(true);
    expect(isTransientFirestoreError(grpcError(14, "UNAVAILABLE: No connection established"))).toBe(true);
    expect(isTransientFirestoreError(grpcError(4, "DEADLINE_EXCEEDED: Deadline exceeded"))).toBe(true);
  });

  it("does not hide real faults: bad requests, missing documents, permission errors and plain bugs stay internal", () => {
    expect(isTransientFirestoreError(grpcError(3, "INVALID_ARGUMENT: Cannot use undefined as a Firestore value"))).toBe(false);
    expect(isTransientFirestoreError(grpcError(5, "NOT_FOUND: No document to update"))).toBe(false);
    expect(isTransientFirestoreError(grpcError(6, "ALREADY_EXISTS: Document already exists"))).toBe(false);
    expect(isTransientFirestoreError(grpcError(7, "PERMISSION_DENIED"))).toBe(false);
    expect(isTransientFirestoreError(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isTransientFirestoreError("aborted")).toBe(false);
    expect(isTransientFirestoreError({ code: "aborted" })).toBe(false);
  });
});
