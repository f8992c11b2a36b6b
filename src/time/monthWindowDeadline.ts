import { civilFromDays, daysFromCivil, daysInMonth } from "./civilDate.js";
import { startOfZoneDay, zoneDay } from "./wallClock.js";
import type { Zone } from "./zone.js";

/**
 * The first instant after an N-month period from delivery.
 *
 * The period ends at 24:00 of the corresponding day N months later, or of the month's last
 * day when there is none (民法典 art. 202; date-fns `addMonths` clamps the same way).
 *
 * @example
 * const z = zone("Asia/Shanghai");
 * formatInZone(monthWindowDeadline(new Date("2026-01-31T12:00:00+08:00"), 1, z), z) //=> "2026-03-01T00:00:00+08:00"
 */
export function monthWindowDeadline(deliveredAt: Date, months: number, z: Zone): Date {
  const delivered = civilFromDays(zoneDay(deliveredAt.getTime(), z));
  const monthIndex = delivered.month - 1 + months;
  const year = delivered.year + Math.floor(monthIndex / 12);
  const month = monthIndex - Math.floor(monthIndex / 12) * 12 + 1;
  const lastDay = daysFromCivil(year, month, Math.min(delivered.date, daysInMonth(year, month)));
  return new Date(startOfZoneDay(lastDay + 1, z));
}
