import { zoneDay } from "./wallClock.js";
import type { Zone } from "./zone.js";

/**
 * Calendar days from the delivery date to the date of `at`, both in the zone: the delivery
 * day is day 0, the day after signing (签收次日) day 1.
 *
 * @example
 * const z = zone("Asia/Shanghai");
 * daysSinceDelivery(new Date("2026-03-01T23:50:00+08:00"), new Date("2026-03-02T00:10:00+08:00"), z) //=> 1
 */
export function daysSinceDelivery(deliveredAt: Date, at: Date, z: Zone): number {
  return zoneDay(at.getTime(), z) - zoneDay(deliveredAt.getTime(), z);
}
