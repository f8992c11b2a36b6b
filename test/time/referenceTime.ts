import { TZDate, tz } from "@date-fns/tz";
import { addDays, addHours, addMinutes, addMonths, differenceInCalendarDays, formatISO, startOfDay } from "date-fns";

/**
 * The oracle for src/time/: the same functions written plainly with date-fns and
 * @date-fns/tz `in` contexts (correct, but each TZDate operation formats with Intl).
 *
 * Time in the policy's zone, never the machine's (date-fns `in` contexts). A window of N
 * days after delivery starts the day after signing (签收次日) and ends at 24:00 of day N:
 * represented as the first instant after it, day N+1 00:00, so "open" reads `at < deadline`.
 */
export interface Zone {
  readonly name: string;
  readonly in: ReturnType<typeof tz>;
}

export function zone(name: string): Zone {
  return { name, in: tz(name) };
}

/**
 * The UTC offset in minutes at an instant, from the wall clock Intl shows in the zone
 * (not through `tzOffset`, which the fast zone itself calls).
 */
export function offsetMinutes(at: Date, z: Zone): number {
  const wall = new Intl.DateTimeFormat("en-US", { timeZone: z.name, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
  const part = Object.fromEntries(wall.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  const wallMs = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
  return (wallMs - (at.getTime() - (at.getTime() % 1000))) / 60_000;
}

/** The zone's calendar day of an instant, as days since 1970-01-01 on that calendar. */
export function zoneDay(at: Date, z: Zone): number {
  return differenceInCalendarDays(at, epoch(z), { in: z.in });
}

/** The first instant of the zone's calendar day `day` (days since 1970-01-01 on that calendar). */
export function startOfZoneDay(day: number, z: Zone): Date {
  return startOfDay(addDays(epoch(z), day, { in: z.in }), { in: z.in });
}

const epoch = (z: Zone) => new TZDate(1970, 0, 1, z.name);

/** Calendar days from the delivery date to the date of `at`, both in the zone (delivery day = 0). */
export function daysSinceDelivery(deliveredAt: Date, at: Date, z: Zone): number {
  return differenceInCalendarDays(at, deliveredAt, { in: z.in });
}

/** The first instant after an N-day window counted from the day after delivery. */
export function dayWindowDeadline(deliveredAt: Date, days: number, z: Zone): Date {
  return startOfDay(addDays(deliveredAt, days + 1, { in: z.in }), { in: z.in });
}

/**
 * The first instant after an N-month period from delivery: it ends at 24:00 of the
 * corresponding day N months later, or of the month's last day when there is none
 * (民法典 art. 202; date-fns `addMonths` clamps the same way).
 */
export function monthWindowDeadline(deliveredAt: Date, months: number, z: Zone): Date {
  const lastDay = addMonths(startOfDay(deliveredAt, { in: z.in }), months, { in: z.in });
  return startOfDay(addDays(lastDay, 1, { in: z.in }), { in: z.in });
}

/** Days an N-day window runs on while its last day and the days after it are rest days (at most 31). */
export function restDayExtension(deliveredAt: Date, days: number, z: Zone, isRestDay: (zoneDay: number) => boolean): number {
  const lastDay = addDays(deliveredAt, days, { in: z.in });
  let extra = 0;
  while (extra < 31 && isRestDay(zoneDay(addDays(lastDay, extra, { in: z.in }), z))) extra++;
  return extra;
}

export function plusHours(at: Date, hours: number): Date {
  return addHours(at, hours);
}

export function plusMinutes(at: Date, minutes: number): Date {
  return addMinutes(at, minutes);
}

/** ISO-8601 with the zone's offset, e.g. `2026-03-09T00:00:00+08:00`. */
export function formatInZone(at: Date, z: Zone): string {
  return formatISO(at, { in: z.in });
}
