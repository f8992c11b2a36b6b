import { DAY_MS } from "./civilDate.js";
import { walkWorkingTime } from "./_lib/walkWorkingTime.js";
import type { WorkingHours } from "./workingHours.js";
import type { Zone } from "./zone.js";

/** How far a due time is looked for: a calendar without working time for ten years is broken. */
const HORIZON_DAYS = 3660;

/**
 * The first instant at which `amount` milliseconds of working time have passed since `from`
 * (`from` itself for none): an SLA of 8 business hours reported Friday 17:00 on a 9–18
 * calendar is due Monday 16:00. Wall-clock working hours in the zone, as
 * `businessTimeBetween` counts them; throws a RangeError when the calendar has no working
 * time within ten years.
 *
 * @example
 * const z = zone("Asia/Shanghai");
 * const nineToSix = { intervalsOn: (day: number) => ((day + 4) % 7 === 0 || (day + 4) % 7 === 6 ? [] : [540, 1080]) };
 * formatInZone(new Date(plusBusinessTime(Date.parse("2026-03-06T17:00:00+08:00"), 8 * 3_600_000, nineToSix, z)), z) //=> "2026-03-09T16:00:00+08:00"
 */
export function plusBusinessTime(from: number, amount: number, hours: WorkingHours, z: Zone): number {
  if (!(amount > 0)) return from;
  let left = amount;
  let due = from;
  const found = walkWorkingTime(from, from + HORIZON_DAYS * DAY_MS, hours, z, (start, stop, offset) => {
    if (stop - start < left) {
      left -= stop - start;
      return false;
    }
    due = start + left - offset;
    return true;
  });
  if (found) return due;
  throw new RangeError("the business calendar has no working time within ten years");
}
