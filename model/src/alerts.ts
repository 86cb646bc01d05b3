/**
 * Operations alerts (DESIGN.md "Alerts"): `alerts/{alertId}` documents, staff
 * read, written only by functions. A reconcile that finds stock drift opens a
 * `stock-drift` alert for `sku/{sku}`; while that alert is open or
 * acknowledged, later runs only move its `lastSeenAt`, so there is one open
 * alert per subject, not one per run. The subject's slot
 * (`alertSubjects/{kind~sku}`) names the open alert and counts episodes, so an
 * alert's id is deterministic (`stock-drift~{sku}~{episode}`) and `create`
 * refuses a second one for the same episode.
 */
import { z } from "zod";
import { SkuSchema } from "./catalog.js";
import { StoredTimeSchema } from "./inventory.js";

export const AlertKinds = ["stock-drift"] as const;
export const AlertKindSchema = z.enum(AlertKinds);
export type AlertKind = z.infer<typeof AlertKindSchema>;

export const AlertStatuses = ["open", "acknowledged", "resolved"] as const;
export const AlertStatusSchema = z.enum(AlertStatuses);
export type AlertStatus = z.infer<typeof AlertStatusSchema>;

/** Problems kept on one alert (a badly drifted SKU can report one per view). */
export const MAX_ALERT_PROBLEMS = 20;

export const AlertIdSchema = z.string().regex(/^stock-drift~[^/~]{3,64}~[1-9][0-9]{0,8}$/, "Not an alert id");

export const alertSubject = (sku: string) => `sku/${sku}`;
/** The subject's slot: `alertSubjects/{id}`. */
export const alertSlotId = (kind: AlertKind, sku: string) => `${kind}~${sku}`;
export const alertIdOf = (kind: AlertKind, sku: string, episode: number) => `${kind}~${sku}~${episode}`;

/** `alerts/{alertId}`. Times are Firestore Timestamps (epoch ms once parsed); `by` fields are uids. */
export const AlertDocSchema = z.object({
  kind: AlertKindSchema,
  status: AlertStatusSchema,
  subject: z.string().regex(/^sku\/[^/]+$/),
  sku: SkuSchema,
  episode: z.number().int().min(1),
  problems: z.array(z.string()).max(MAX_ALERT_PROBLEMS),
  openedAt: StoredTimeSchema,
  lastSeenAt: StoredTimeSchema,
  /** How many checks found the drift (the first included). */
  seenCount: z.number().int().min(1),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: StoredTimeSchema.nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: StoredTimeSchema.nullable(),
  resolveNote: z.string().nullable(),
  /** The `alert/{alertId}` event counter (events.ts). */
  eventSeq: z.number().int().min(0),
});
export type AlertDoc = z.infer<typeof AlertDocSchema>;

/** `alertSubjects/{kind~sku}` (server only): the subject's open alert, if any, and how many it has had. */
export const AlertSlotSchema = z.object({ openAlertId: AlertIdSchema.nullable(), episodes: z.number().int().min(0) });
export type AlertSlot = z.infer<typeof AlertSlotSchema>;

/** A new alert's fields that are not times (the caller adds `openedAt`/`lastSeenAt` as Timestamps). */
export function newAlertFields(kind: AlertKind, sku: string, episode: number, problems: string[]) {
  return {
    kind,
    status: "open" as const,
    subject: alertSubject(sku),
    sku,
    episode,
    problems: problems.slice(0, MAX_ALERT_PROBLEMS),
    seenCount: 1,
    acknowledgedBy: null,
    acknowledgedAt: null,
    resolvedBy: null,
    resolvedAt: null,
    resolveNote: null,
    eventSeq: 0,
  };
}

export type AlertAction = "acknowledge" | "resolve";

/**
 * Where a staff action takes an alert, or null when it cannot: acknowledge an
 * open alert; resolve an open or acknowledged one. Resolving frees the
 * subject's slot, so drift found later opens a new alert.
 */
export function nextAlertStatus(status: AlertStatus, action: AlertAction): AlertStatus | null {
  if (action === "acknowledge") return status === "open" ? "acknowledged" : null;
  return status === "resolved" ? null : "resolved";
}

/** Open first, then acknowledged, then resolved; newest first within each. */
export function compareAlerts(a: Pick<AlertDoc, "status" | "openedAt">, b: Pick<AlertDoc, "status" | "openedAt">): number {
  return AlertStatuses.indexOf(a.status) - AlertStatuses.indexOf(b.status) || b.openedAt - a.openedAt;
}

// ---- callables ------------------------------------------------------------

/** `runReconcile {}` (admin): checks every SKU now; `drift` counts SKUs with drift, `opened` the alerts this run opened. */
export const RunReconcileOutputSchema = z.object({
  checked: z.number().int().min(0),
  drift: z.number().int().min(0),
  opened: z.number().int().min(0),
  alertIds: z.array(z.string()),
});
export type RunReconcileOutput = z.infer<typeof RunReconcileOutputSchema>;

export const AcknowledgeAlertInputSchema = z.strictObject({ alertId: AlertIdSchema });
export const AcknowledgeAlertOutputSchema = z.object({ alertId: z.string(), status: z.literal("acknowledged") });
export const ResolveAlertInputSchema = z.strictObject({ alertId: AlertIdSchema, note: z.string().trim().min(1).max(500).optional() });
export const ResolveAlertOutputSchema = z.object({ alertId: z.string(), status: z.literal("resolved") });

// ---- the reconcile's own record ---------------------------------------------

/**
 * `operations/reconcile` (staff read): the scheduled run's cursor and its last
 * run. `movedSince`: inventory written at or after it has moved since the last
 * run; `sliceAfter`: where the rotating slice of the rest goes on.
 */
export const ReconcileStateSchema = z.object({
  movedSince: StoredTimeSchema.nullable(),
  sliceAfter: z.string().nullable(),
  lastRunAt: StoredTimeSchema,
  lastRun: z.object({
    trigger: z.enum(["schedule", "manual"]),
    checked: z.number().int().min(0),
    drift: z.number().int().min(0),
    opened: z.number().int().min(0),
    reads: z.number().int().min(0),
    durationMs: z.number().min(0),
  }),
});
export type ReconcileState = z.infer<typeof ReconcileStateSchema>;
export const RECONCILE_STATE_DOC = "reconcile";
