import { afterAll, describe, expect, it } from "vitest";

// A zone with daylight saving: 2026-03-08 (spring forward) lasts 23 hours, 2026-11-01 (fall back) 25.
// Vitest runs each test file in its own process, so this changes no other file's clock.
const previousTz = process.env.TZ;
process.env.TZ = "America/New_York";
afterAll(() => {
  process.env.TZ = previousTz;
});
const { dayRange, dayStart, startOfDay, windowStart } = await import("./calendar");

const HOUR = 3_600_000;

describe("calendar days across daylight-saving changes", () => {
  it("runs in a zone whose spring-forward day is 23 hours (else the cases below prove nothing)", () => {
    expect(Date.parse("2026-03-09T04:00:00Z") - Date.parse("2026-03-08T05:00:00Z")).toBe(23 * HOUR);
    expect(new Date(2026, 2, 8).toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(new Date(2026, 2, 9).toISOString()).toBe("2026-03-09T04:00:00.000Z");
  });

  it("a one-day filter on the spring-forward day ends at the next local midnight, 23 hours later", () => {
    const { start, end } = dayRange("2026-03-08", "2026-03-08");
    expect(new Date(start!).toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(new Date(end!).toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(end! - start!).toBe(23 * HOUR);
  });

  it("a one-day filter on the fall-back day lasts 25 hours, so its last hour is not lost", () => {
    const { start, end } = dayRange("2026-11-01", "2026-11-01");
    expect(new Date(end!).toISOString()).toBe("2026-11-02T05:00:00.000Z");
    expect(end! - start!).toBe(25 * HOUR);
  });

  it("a seven-day window that spans the change starts at local midnight six calendar days ago", () => {
    const now = new Date(2026, 2, 10, 0, 30).getTime(); // 00:30 local, two days after the change
    expect(new Date(windowStart(now, 7)).toISOString()).toBe("2026-03-04T05:00:00.000Z"); // midnight EST
    // Six fixed-length days back from today's midnight (EDT) would land at 01:00 local on the 4th.
    expect(startOfDay(now) - 6 * 24 * HOUR).toBe(Date.parse("2026-03-04T04:00:00Z"));
    expect(windowStart(now, 1)).toBe(startOfDay(now));
  });

  it("leaves an empty or malformed end open", () => {
    expect(dayRange("", "")).toEqual({ start: null, end: null });
    expect(dayStart("2026-02-30")).toBeNull();
    expect(dayStart("26-3-8")).toBeNull();
    expect(dayRange("2026-03-08", "nonsense")).toEqual({ start: Date.parse("2026-03-08T05:00:00Z"), end: null });
  });
});
