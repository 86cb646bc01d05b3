/**
 * Reporting over a bounded page of answers for the staff console (the public
 * per-product aggregates stay server-kept in `productRatings`): NPS per week
 * and the most common "doesn't match" differences.
 */
import { DAY_MS, FeedbackDifferences, NPS_DETRACTOR_MAX, type FeedbackDifference, type FeedbackLine } from "./feedback.js";

/** Promoters score 9–10. */
export const NPS_PROMOTER_MIN = 9;

/** NPS of a set of scores: % promoters − % detractors, −100…100; null with no scores. */
export function netPromoterScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const promoters = scores.filter((s) => s >= NPS_PROMOTER_MIN).length;
  const detractors = scores.filter((s) => s <= NPS_DETRACTOR_MAX).length;
  return Math.round(((promoters - detractors) / scores.length) * 100);
}

/** Monday 00:00 UTC of the week holding `ms`, as YYYY-MM-DD. */
export function weekOf(ms: number): string {
  const day = new Date(ms).getUTCDay();
  const monday = Math.floor(ms / DAY_MS) * DAY_MS - ((day + 6) % 7) * DAY_MS;
  return new Date(monday).toISOString().slice(0, 10);
}

/** NPS per week, oldest first. */
export function npsByWeek(answers: readonly { nps?: number; submittedAtMs: number }[]): { week: string; nps: number; answers: number }[] {
  const weeks = new Map<string, number[]>();
  for (const a of answers) if (a.nps !== undefined) weeks.set(weekOf(a.submittedAtMs), [...(weeks.get(weekOf(a.submittedAtMs)) ?? []), a.nps]);
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, scores]) => ({ week, nps: netPromoterScore(scores)!, answers: scores.length }));
}

/** How often each difference was named, most common first (zero counts left out). */
export function commonDifferences(lines: readonly Pick<FeedbackLine, "differences">[]): { difference: FeedbackDifference; count: number }[] {
  const counts = new Map<FeedbackDifference, number>(FeedbackDifferences.map((d) => [d, 0]));
  for (const line of lines) for (const d of line.differences ?? []) counts.set(d, (counts.get(d) ?? 0) + 1);
  return [...counts.entries()]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([difference, count]) => ({ difference, count }));
}
