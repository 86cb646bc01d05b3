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

export function stockBatchFailed(requests: number, error: unknown): void {
  logger.error("inventory: stock batch transaction failed", {
    requests,
    error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
  });
}

export function stockBatchCommitted(requests: number, ms: number): void {
  logger.debug("inventory: stock batch committed", { requests, ms });
}

export function holdsSwept(holds: number, skus: number): void {
  logger.info("inventory: expired holds swept", { holds, skus });
}

export function productInStockChanged(productId: string, inStock: boolean): void {
  logger.info("catalog: product in-stock flag changed", { productId, inStock });
}

// ---- Customer data (issue 7): uids only, never names, emails or phones. ----

export function profileCreated(uid: string, created: boolean): void {
  logger.info("customers: profile ensured", { uid, created });
}

export function backInStockSent(sku: string, subscribers: number, notified: number): void {
  logger.info("customers: back-in-stock notifications", { sku, subscribers, notified });
}

export function dataExported(uid: string, documents: number): void {
  logger.info("customers: data exported", { uid, documents });
}

export function accountErased(placeholder: string, counts: Record<string, number>): void {
  logger.info("customers: account erased", { placeholder, ...counts });
}

export function customerLookedUp(staffUid: string, customerUid: string): void {
  logger.info("customers: staff looked up a customer", { staffUid, customerUid });
}

export function surveyInvitesSent(sent: number, emailed: number): void {
  logger.info("feedback: survey invitations sent", { sent, emailed });
}
