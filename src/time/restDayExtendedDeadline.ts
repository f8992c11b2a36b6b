import { startOfZoneDay, zoneDay } from "./wallClock.js";
import type { Zone } from "./zone.js";

/**
 * A window's end run on over rest days (民法典 art. 203 ¶1): when the last day of a period is
 * a rest day, the day after the rest ends is its last day. `deadline` is the first instant
 * after the window (its last day + 1, 00:00); the result is too. At most 31 days on, as
 * `restDayExtension`; any window, of days or of months.
 *
 * @example
 * const isWeekend = (day: number) => (day + 3) % 7 >= 5; // 1970-01-01 was a Thursday
 * const z = zone("Asia/Shanghai");
 * // A window whose last day is Saturday 2026-03-07 ends with Monday 03-09.
 * formatInZone(restDayExtendedDeadline(new Date("2026-03-08T00:00:00+08:00"), z, isWeekend), z) //=> "2026-03-10T00:00:00+08:00"
 */
export function restDayExtendedDeadline(deadline: Date, z: Zone, isRestDay: (zoneDay: number) => boolean): Date {
  const lastDay = zoneDay(deadline.getTime() - 1, z);
  let extra = 0;
  while (extra < 31 && isRestDay(lastDay + extra)) extra++;
  return extra === 0 ? deadline : new Date(startOfZoneDay(lastDay + extra + 1, z));
}
