/**
 * Refuses request bodies nested deeper than any callable input needs, before
 * the firebase-functions SDK sees them. The SDK's `decode` (7.4.0,
 * lib/common/providers/https.js) walks `data` recursively, so a body nested
 * ~10,000 deep overflows its stack and the caller gets `internal` before our
 * zod validation runs. This guard sits in the code we deploy, so it protects
 * production too (a patch of node_modules would only reach the emulator:
 * a deploy installs the SDK afresh from npm).
 */
import { HttpsError, type HttpsFunction } from "firebase-functions/https";

/** Deepest callable input is 4 levels (`{ data: { lines: [ { sku } ] } }`); 32 leaves room for any future one. */
export const MAX_BODY_DEPTH = 32;

/** True when `value` has containers nested more than `maxDepth` deep; iterative, so it cannot overflow itself. */
export function nestedDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    if (depth >= maxDepth) return true;
    for (const child of Object.values(current)) {
      if (child !== null && typeof child === "object") stack.push({ value: child, depth: depth + 1 });
    }
  }
  return false;
}

type Respond = Parameters<HttpsFunction>[1];

/** The callable protocol's error answer, shaped by the SDK's own HttpsError. */
function refuse(res: Respond): void {
  const error = new HttpsError("invalid-argument", `The request is nested more than ${MAX_BODY_DEPTH} levels deep.`, {
    issues: [{ path: [], message: `nested more than ${MAX_BODY_DEPTH} levels deep` }],
  });
  res.status(error.httpErrorCode.status).send({ error: error.toJSON() });
}

/**
 * The same function (its `__endpoint`, `run` and other properties copied, so
 * deploy and the emulator see the callable unchanged) with the depth check in
 * front of the request handler.
 */
export function guardBody<F extends HttpsFunction>(fn: F): F {
  const guarded = (req: Parameters<HttpsFunction>[0], res: Respond) => {
    if (nestedDeeperThan(req.body, MAX_BODY_DEPTH)) return refuse(res);
    return fn(req, res);
  };
  const { length: _length, name: _name, prototype: _prototype, ...properties } = Object.getOwnPropertyDescriptors(fn);
  // After this, `guarded` has every property of `fn` and the same call signature: it is an F.
  return Object.defineProperties(guarded, properties) as unknown as F;
}
