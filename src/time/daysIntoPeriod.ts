import { daysSinceDelivery } from "./daysSinceDelivery.js";
import { zoneDay } from "./wallClock.js";
import type { Zone } from "./zone.js";

/**
 * `daysSinceDelivery` read as 民法典 art. 203 ¶1 reads a period: the rest days just before
 * `at` (at most 31, none before delivery) do not count, because a period whose last day is
 * a rest day runs on to the next working day. So for every N at once, `daysIntoPeriod ≤ N`
 * exactly when `at` falls in an N-day window extended over rest days (`restDayExtension`).
 *
 * @example
 * const isWeekend = (day: number) => (day + 3) % 7 >= 5; // 1970-01-01 was a Thursday
 * // Delivered Saturday 02-28; Monday 03-09 is day 9, but Saturday 03-07 and Sunday 03-08 ended the 7-day window.
 * daysIntoPeriod(new Date("2026-02-28T10:00:00+08:00"), new Date("2026-03-09T10:00:00+08:00"), zone("Asia/Shanghai"), isWeekend) //=> 7
 */
export function daysIntoPeriod(deliveredAt: Date, at: Date, z: Zone, isRestDay: (zoneDay: number) => boolean): number {
  const days = daysSinceDelivery(deliveredAt, at, z);
  const delivered = zoneDay(deliveredAt.getTime(), z);
  let rest = 0;
  while (rest < 31 && days - rest - 1 >= 0 && isRestDay(delivered + days - rest - 1)) rest++;
  return days - rest;
}
