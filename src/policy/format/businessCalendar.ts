import { z } from "zod";
import { civilFromDays, daysFromCivil } from "../../time/civilDate.js";
import type { WorkingHours } from "../../time/index.js";

/**
 * One calendar concept, as data: when the service works (weekly hours, split shifts too) and
 * China's public holidays and 调休 make-up workdays per year, each year citing the State
 * Council's notice (国务院办公厅关于 YYYY 年部分节假日安排的通知) it was copied from.
 *
 * Two things read it. SLA targets on the business clock count the working hours; windows
 * that run on over rest days (民法典 art. 203 ¶1, when a policy turns it on) read the
 * statutory rest days: the year's holidays, and Saturdays and Sundays unless the year makes
 * them workdays. The service's own weekly hours never make a day a legal rest day or not.
 *
 * A year the calendar does not list uses the weekly plan (and weekends) alone; decisions
 * report such a year, never silently.
 */
const isoDate = z.iso.date();

const HH_MM = "(?:[01]\\d|2[0-3]):[0-5]\\d";
/** `"09:00-12:00"`: wall-clock start and end in the policy's zone; the end may be `24:00`. */
// HH:MM-HH:MM, e.g. 09:00-18:00 (zod says so, by the pattern, in either language).
export const Shift = z.string().regex(new RegExp(`^${HH_MM}-(?:${HH_MM}|24:00)$`));

/** A day's shifts, in order and apart; `[]` for no work. */
export const DayHours = z
  .array(Shift)
  .max(12)
  .superRefine((shifts, ctx) => {
    let previousEnd = -1;
    shifts.forEach((shift, i) => {
      const [start, end] = minutesOf(shift);
      if (end <= start) ctx.addIssue({ code: "custom", path: [i], message: "shift_ends_before_start", params: { code: "invalid_input", rule: "shift_ends_before_start", shift } });
      else if (start < previousEnd) ctx.addIssue({ code: "custom", path: [i], message: "shift_overlaps", params: { code: "invalid_input", rule: "shift_overlaps", shift } });
      previousEnd = Math.max(previousEnd, end);
    });
  });

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

export const CalendarYear = z
  .strictObject({
    year: z.number().int().min(1990).max(2100),
    /** The notice the dates were copied from: its title, date (and number when known). */
    notice: z.string().min(1),
    /** Where the notice was read. */
    url: z.string().url().optional(),
    /** Days off (放假), weekends inside a holiday included. */
    holidays: z.array(isoDate).max(366),
    /** 调休: weekend days that are workdays. */
    makeUpWorkdays: z.array(isoDate).max(366),
  })
  .superRefine((y, ctx) => {
    const seen = new Set<string>();
    for (const [key, dates] of [["holidays", y.holidays], ["makeUpWorkdays", y.makeUpWorkdays]] as const) {
      dates.forEach((d, i) => {
        if (!d.startsWith(`${y.year}-`)) ctx.addIssue({ code: "custom", path: [key, i], message: "date_not_in_year", params: { code: "invalid_input", rule: "date_not_in_year", date: d, year: y.year } });
        if (seen.has(d)) ctx.addIssue({ code: "custom", path: [key, i], message: "listed_twice", params: { code: "invalid_input", rule: "listed_twice", value: d } });
        seen.add(d);
      });
    }
  });

/** What every calendar file says about itself, in both formats. */
const envelope = {
  $schema: z.string().optional(),
  id: z.string().min(1),
  version: z.string().min(1),
  description: z.string().optional(),
  /** Where the data come from (the 放假办法, the notices, the service's own hours). */
  source: z.string().min(1),
};

export const BusinessCalendarSchema = z
  .strictObject({
    ...envelope,
    /** Working hours per weekday, wall clock in the policy's zone. */
    week: z.strictObject({ mon: DayHours, tue: DayHours, wed: DayHours, thu: DayHours, fri: DayHours, sat: DayHours, sun: DayHours }),
    /** Working hours on a 调休 make-up workday (the notices say only "上班"). */
    makeUpDayHours: DayHours.refine((h) => h.length > 0, { params: { code: "invalid_input", rule: "make_up_day_without_hours" } }),
    years: z.array(CalendarYear).max(200),
  })
  .superRefine((c, ctx) => {
    if (WEEKDAYS.every((d) => c.week[d].length === 0)) ctx.addIssue({ code: "custom", path: ["week"], message: "week_without_hours", params: { code: "invalid_input", rule: "week_without_hours" } });
    c.years.forEach((y, i) => {
      if (c.years.findIndex((other) => other.year === y.year) !== i) ctx.addIssue({ code: "custom", path: ["years", i, "year"], message: "listed_twice", params: { code: "invalid_input", rule: "listed_twice", value: String(y.year) } });
    });
  })
  .meta({ id: "BusinessCalendar" });
export type BusinessCalendarFile = z.infer<typeof BusinessCalendarSchema>;

/**
 * The first calendar format (until 0.2): rest days and make-up workdays only, weekends off.
 * Still read, as a calendar working around the clock Monday to Friday whose years are those
 * its dates fall in (CHANGELOG.md has the migration).
 */
export const RestDayCalendarSchema = z
  .strictObject({
    ...envelope,
    restDays: z.array(isoDate).max(10_000),
    workdays: z.array(isoDate).max(10_000),
  })
  .meta({ id: "RestDayCalendar" });
export type RestDayCalendarFile = z.infer<typeof RestDayCalendarSchema>;

/** Either calendar format, as a policy names it. */
export const CalendarDocumentSchema = z.union([BusinessCalendarSchema, RestDayCalendarSchema]);
export type CalendarDocument = z.infer<typeof CalendarDocumentSchema>;

/** Whether a zone-day (days since 1970-01-01, local) is a rest day. */
export type IsRestDay = (zoneDay: number) => boolean;

/** A calendar ready to decide with. */
export interface Calendar {
  readonly id: string;
  readonly version: string;
  readonly source: string;
  /** The service's working hours: weekly plan, holidays off, make-up days on. */
  readonly hours: WorkingHours;
  /** Statutory rest days: the years' holidays, and weekends unless made workdays. */
  readonly isRestDay: IsRestDay;
  /** The years of zone-days `from`–`to` (inclusive) the calendar does not list. */
  yearsMissing(fromDay: number, toDay: number): number[];
}

const ALL_DAY: readonly string[] = ["00:00-24:00"];

/** The first format read as a business calendar (see RestDayCalendarSchema). */
export function migrateRestDayCalendar(old: RestDayCalendarFile): BusinessCalendarFile {
  const years = new Map<number, { holidays: string[]; makeUpWorkdays: string[] }>();
  const yearOf = (d: string) => {
    const y = Number(d.slice(0, 4));
    let entry = years.get(y);
    if (!entry) years.set(y, (entry = { holidays: [], makeUpWorkdays: [] }));
    return entry;
  };
  for (const d of old.restDays) yearOf(d).holidays.push(d);
  for (const d of old.workdays) yearOf(d).makeUpWorkdays.push(d);
  return {
    id: old.id,
    version: old.version,
    ...(old.description !== undefined ? { description: old.description } : {}),
    source: old.source,
    week: { mon: [...ALL_DAY], tue: [...ALL_DAY], wed: [...ALL_DAY], thu: [...ALL_DAY], fri: [...ALL_DAY], sat: [], sun: [] },
    makeUpDayHours: [...ALL_DAY],
    years: [...years].sort(([a], [b]) => a - b).map(([year, days]) => ({ year, notice: old.source, ...days })),
  };
}

/**
 * A calendar document compiled to lookups: every day of the listed years in one array
 * (weekly plan, holidays off, make-up days on), the weekday table outside them, so a day's
 * hours cost one array read (a due time reads a few days).
 *
 * @example
 * const cal = compileCalendar(file);
 * cal.isRestDay(daysFromCivil(2026, 10, 1)) //=> true (国庆节)
 * cal.hours.intervalsOn(daysFromCivil(2026, 10, 10)) //=> [540, 1080] (a 调休 Saturday)
 */
export function compileCalendar(document: CalendarDocument): Calendar {
  const file = "restDays" in document ? migrateRestDayCalendar(document) : document;
  const weekly = WEEKDAYS.map((d) => Object.freeze(file.week[d].flatMap(minutesOf)));
  const makeUp = Object.freeze(file.makeUpDayHours.flatMap(minutesOf));
  const NONE: readonly number[] = Object.freeze([]);
  const dated = new Map<number, readonly number[]>();
  const holidays = new Set<number>();
  const makeUpDays = new Set<number>();
  const years = new Set<number>();
  for (const y of file.years) {
    years.add(y.year);
    for (const d of y.holidays) {
      dated.set(dayOf(d), NONE);
      holidays.add(dayOf(d));
    }
    for (const d of y.makeUpWorkdays) {
      dated.set(dayOf(d), makeUp);
      makeUpDays.add(dayOf(d));
    }
  }
  const listed = [...years].sort((a, b) => a - b);
  const firstDay = listed.length === 0 ? 0 : daysFromCivil(listed[0]!, 1, 1);
  const byDay = listed.length === 0 ? [] : Array.from({ length: daysFromCivil(listed.at(-1)!, 12, 31) - firstDay + 1 }, (_, i) => dated.get(firstDay + i) ?? weekly[weekdayOf(firstDay + i)]!);
  return Object.freeze({
    id: file.id,
    version: file.version,
    source: file.source,
    hours: Object.freeze({
      intervalsOn: (day: number) => {
        const i = day - firstDay;
        return i >= 0 && i < byDay.length ? byDay[i]! : dated.get(day) ?? weekly[weekdayOf(day)]!;
      },
    }),
    isRestDay: (day: number) => {
      if (holidays.has(day)) return true;
      if (makeUpDays.has(day)) return false;
      const weekday = weekdayOf(day);
      return weekday === 0 || weekday === 6;
    },
    yearsMissing(fromDay: number, toDay: number): number[] {
      const missing: number[] = [];
      for (let y = civilFromDays(fromDay).year, last = civilFromDays(toDay).year; y <= last; y++) if (!years.has(y)) missing.push(y);
      return missing;
    },
  });
}

// 1970-01-01 was a Thursday (4), Sunday first as `getUTCDay`.
const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;
const dayOf = (iso: string) => daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

/** `"09:00-12:30"` → `[540, 750]`. */
function minutesOf(shift: string): [number, number] {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return [minutes(shift.slice(0, 5)), minutes(shift.slice(6, 11))];
}
