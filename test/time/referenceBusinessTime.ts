import fc from "fast-check";
import type { WorkingHours } from "../../src/time/workingHours.js";
import { TRANSITIONS } from "./arbitraries.js";

/**
 * The oracle for business time: minute by minute, the plainest reading of a business
 * calendar. A minute `[t, t + 1 min)` is worked when its wall clock in the zone (the UTC
 * offset read through Intl) lies in a working interval of that wall day; the day's
 * intervals are the dated ones of its ISO date, else the weekly ones of its weekday.
 */
export interface CalendarData {
  /** Flat wall-minute intervals per weekday, Sunday first (as `getUTCDay`). */
  readonly weekly: readonly (readonly number[])[];
  /** Holidays (empty) and make-up workdays, by ISO date. */
  readonly dated: ReadonlyMap<string, readonly number[]>;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const offsets = new Map<string, number>();
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The offset in minutes at an instant, from the wall clock Intl shows in the zone (as
 * referenceTime.ts, not through `tzOffset`, which the library's Zone calls), remembered per
 * 15-minute bucket (zones change offset on those boundaries).
 */
function offsetAt(ms: number, zoneName: string): number {
  const bucket = Math.floor(ms / 900_000) * 900_000;
  const key = `${zoneName} ${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    let format = formats.get(zoneName);
    if (format === undefined) {
      format = new Intl.DateTimeFormat("en-US", { timeZone: zoneName, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
      formats.set(zoneName, format);
    }
    const part = Object.fromEntries(format.formatToParts(new Date(bucket)).map((p) => [p.type, Number(p.value)]));
    offset = (Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!) - bucket) / MINUTE;
    offsets.set(key, offset);
  }
  return offset;
}

/** A predicate "is the minute starting at t worked", remembering the last wall day it read. */
function workedMinutes(cal: CalendarData, zoneName: string): (t: number) => boolean {
  let day = Number.NaN;
  let intervals: readonly number[] = [];
  return (t) => {
    const wall = t + offsetAt(t, zoneName) * MINUTE;
    const d = Math.floor(wall / DAY);
    if (d !== day) {
      day = d;
      const date = new Date(wall);
      intervals = cal.dated.get(date.toISOString().slice(0, 10)) ?? cal.weekly[date.getUTCDay()]!;
    }
    const minute = (wall - d * DAY) / MINUTE;
    for (let i = 0; i < intervals.length; i += 2) if (minute >= intervals[i]! && minute < intervals[i + 1]!) return true;
    return false;
  };
}

const inPause = (t: number, pauses: readonly { from: number; to: number }[]) => pauses.some((p) => t >= p.from && t < p.to);

/** Minutes counted in [from, to) (whole minutes): worked ones, or all with no calendar, never paused ones. */
export function countedMinutes(from: number, to: number, cal: CalendarData | undefined, zoneName: string, pauses: readonly { from: number; to: number }[] = []): number {
  const worked = cal === undefined ? () => true : workedMinutes(cal, zoneName);
  let n = 0;
  for (let t = from; t < to; t += MINUTE) if (worked(t) && !inPause(t, pauses)) n++;
  return n;
}

/** The end of the n-th counted minute after `from` (`from` for none). */
export function dueAfterMinutes(from: number, n: number, cal: CalendarData | undefined, zoneName: string, pauses: readonly { from: number; to: number }[] = []): number {
  if (n === 0) return from;
  const worked = cal === undefined ? () => true : workedMinutes(cal, zoneName);
  let count = 0;
  for (let t = from; ; t += MINUTE) {
    if (worked(t) && !inPause(t, pauses) && ++count === n) return t + MINUTE;
  }
}

/** The same calendar as the library reads it: zone-day numbers. */
export function workingHoursOf(cal: CalendarData): WorkingHours {
  const dated = new Map<number, readonly number[]>();
  for (const [iso, intervals] of cal.dated) dated.set(Date.parse(`${iso}T00:00:00Z`) / DAY, intervals);
  return { intervalsOn: (day) => dated.get(day) ?? cal.weekly[(((day + 4) % 7) + 7) % 7]! };
}

/** Working intervals of a day: none, all day, office hours, a split shift, or random boundaries. */
export const arbIntervals: fc.Arbitrary<readonly number[]> = fc.oneof(
  fc.constantFrom<readonly number[]>([], [0, 1440], [540, 1080], [540, 720, 810, 1080], [0, 150, 1380, 1440], [60, 240]),
  fc.uniqueArray(fc.integer({ min: 0, max: 1440 }), { maxLength: 6 }).map((ms) => {
    const sorted = [...ms].sort((a, b) => a - b);
    return sorted.length % 2 === 0 ? sorted : sorted.slice(0, -1);
  }),
);

/** A whole minute from 2024 to 2028, often within a month of an offset change. */
export const arbMinute = fc
  .oneof(
    fc.integer({ min: Date.parse("2024-01-01T00:00:00Z") / MINUTE, max: Date.parse("2028-01-01T00:00:00Z") / MINUTE }),
    fc.tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -30 * 1440, max: 30 * 1440 })).map(([ms, m]) => ms / MINUTE + m),
  )
  .map((m) => m * MINUTE);

/** A span in minutes: often under three days, up to 60 days. */
export const arbSpanMinutes = fc.oneof(fc.integer({ min: 0, max: 3 * 1440 }), fc.integer({ min: 0, max: 60 * 1440 }));

/** A random calendar around `from`: a weekly plan with some working time, and dated days near it. */
export function arbCalendarAround(from: number): fc.Arbitrary<CalendarData> {
  const startDay = Math.floor(from / DAY);
  return fc
    .record({
      weekly: fc.array(arbIntervals, { minLength: 7, maxLength: 7 }).filter((w) => w.some((d) => d.length > 0)),
      dated: fc.array(fc.tuple(fc.integer({ min: -3, max: 64 }), arbIntervals), { maxLength: 24 }),
    })
    .map(({ weekly, dated }) => ({
      weekly,
      dated: new Map(dated.map(([d, intervals]) => [new Date((startDay + d) * DAY).toISOString().slice(0, 10), intervals] as const)),
    }));
}
