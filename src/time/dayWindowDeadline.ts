import { startOfZoneDay, zoneDay } from "./wallClock.js";
import type { Zone } from "./zone.js";

/**
 * The first instant after an N-day window counted from the day after delivery.
 *
 * The window starts the day after signing (签收次日) and ends at 24:00 of day N, represented
 * as the first instant after it, day N+1 00:00, so "open" reads `at < deadline`.
 *
 * @example
 * const z = zone("Asia/Shanghai");
 * formatInZone(dayWindowDeadline(new Date("2026-03-01T23:50:00+08:00"), 7, z), z) //=> "2026-03-09T00:00:00+08:00"
 */
export function dayWindowDeadline(deliveredAt: Date, days: number, z: Zone): Date {
  return new Date(startOfZoneDay(zoneDay(deliveredAt.getTime(), z) + days + 1, z));
}
