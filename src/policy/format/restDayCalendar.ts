import { z } from "zod";

/**
 * Rest days as data, for policies that let a window ending on a rest day run to the next
 * working day (民法典 art. 203 ¶1). Whether that applies to the 7-day no-reason return is
 * unsettled (DOMAIN.md), so it is off unless a policy names a calendar.
 *
 * Saturdays and Sundays are rest days unless listed in `workdays` (调休); `restDays` adds
 * public holidays. The yearly 调休 notices are the operator's data to keep current.
 */
const isoDate = z.iso.date();

export const RestDayCalendarSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().min(1),
    version: z.string().min(1),
    description: z.string().optional(),
    /** Where the dates come from (the 放假办法 and that year's State Council notice). */
    source: z.string().min(1),
    restDays: z.array(isoDate).max(10_000),
    workdays: z.array(isoDate).max(10_000),
  })
  .meta({ id: "RestDayCalendar" });
export type RestDayCalendarFile = z.infer<typeof RestDayCalendarSchema>;

/** Whether a zone-day (days since 1970-01-01, local) is a rest day. */
export type IsRestDay = (zoneDay: number) => boolean;

const DAY = 86_400_000;

export function restDayPredicate(calendar: RestDayCalendarFile): IsRestDay {
  const rest = new Set(calendar.restDays.map((d) => Date.parse(`${d}T00:00:00Z`) / DAY));
  const work = new Set(calendar.workdays.map((d) => Date.parse(`${d}T00:00:00Z`) / DAY));
  return (day) => {
    if (rest.has(day)) return true;
    if (work.has(day)) return false;
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday (4)
    return weekday === 0 || weekday === 6;
  };
}
