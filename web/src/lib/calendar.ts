/**
 * Calendar days in local time. A day is not always 86,400,000 ms: across a
 * daylight-saving change it lasts 23 or 25 hours, so days are added on the
 * calendar (date-fns), never as a fixed number of milliseconds.
 */
import { addDays, isValid, parse, startOfDay as calendarStartOfDay, subDays } from "date-fns";

/** Local midnight at the start of the day of `ms`. */
export function startOfDay(ms: number): number {
  return calendarStartOfDay(ms).getTime();
}

/** Local midnight starting a window of `days` calendar days that ends with today. */
export function windowStart(nowMs: number, days: number): number {
  return subDays(calendarStartOfDay(nowMs), days - 1).getTime();
}

/** `YYYY-MM-DD` (a date input's value) → that day's local midnight, or null when empty or not a date. */
export function dayStart(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const day = parse(value, "yyyy-MM-dd", new Date());
  return isValid(day) ? day : null;
}

/** [from 00:00, the day after `to` 00:00) in local time, as ms; either end may be open (null). */
export function dayRange(from: string, to: string): { start: number | null; end: number | null } {
  const start = dayStart(from);
  const end = dayStart(to);
  return { start: start?.getTime() ?? null, end: end ? addDays(end, 1).getTime() : null };
}
