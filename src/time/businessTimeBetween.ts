import { walkWorkingTime } from "./_lib/walkWorkingTime.js";
import type { WorkingHours } from "./workingHours.js";
import type { Zone } from "./zone.js";

/**
 * Milliseconds of working time between two instants: the instants of `[from, to)` whose wall
 * clock in the zone falls in a working interval of its day (negative when `to` is earlier).
 *
 * Working hours are wall-clock hours, so across a DST change a shift that loses an hour
 * works one hour less, and an hour that happens twice is worked twice.
 *
 * @example
 * const z = zone("Asia/Shanghai");
 * const nineToSix = { intervalsOn: (day: number) => ((day + 4) % 7 === 0 || (day + 4) % 7 === 6 ? [] : [540, 1080]) };
 * // Friday 17:00 to Monday 10:00: an hour on Friday, an hour on Monday.
 * businessTimeBetween(Date.parse("2026-03-06T17:00:00+08:00"), Date.parse("2026-03-09T10:00:00+08:00"), nineToSix, z) / 60_000 //=> 120
 */
export function businessTimeBetween(from: number, to: number, hours: WorkingHours, z: Zone): number {
  if (to < from) return -businessTimeBetween(to, from, hours, z);
  let worked = 0;
  walkWorkingTime(from, to, hours, z, (start, stop) => {
    worked += stop - start;
    return false;
  });
  return worked;
}
