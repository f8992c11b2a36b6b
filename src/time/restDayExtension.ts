import { zoneDay } from "./wallClock.js";
import type { Zone } from "./zone.js";

/**
 * How many days an N-day window runs on because its last day (and the days after it) are
 * rest days: 民法典 art. 203 ¶1, when a policy opts in. At most 31.
 *
 * `isRestDay` reads zone-day numbers (days since 1970-01-01 on the zone's calendar).
 *
 * @example
 * const isWeekend = (day: number) => (day + 3) % 7 >= 5; // 1970-01-01 was a Thursday
 * // Delivered on Saturday 2026-02-28: day 7 is Saturday 03-07, so the window runs to Monday.
 * restDayExtension(new Date("2026-02-28T10:00:00+08:00"), 7, zone("Asia/Shanghai"), isWeekend) //=> 2
 */
export function restDayExtension(deliveredAt: Date, days: number, z: Zone, isRestDay: (zoneDay: number) => boolean): number {
  const lastDay = zoneDay(deliveredAt.getTime(), z) + days;
  let extra = 0;
  while (extra < 31 && isRestDay(lastDay + extra)) extra++;
  return extra;
}
