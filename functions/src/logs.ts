/** One named function per log line, so messages stay greppable and consistent. */
import { logger } from "firebase-functions";

export function unexpectedError(callable: string, uid: string | undefined, error: unknown): void {
  logger.error(`${callable}: unexpected error`, {
    uid,
    error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
  });
}

export function roleChanged(actorUid: string, targetUid: string, role: string | null): void {
  logger.info("setUserRole: role changed", { actorUid, targetUid, role });
}
