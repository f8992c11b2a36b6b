import { DAY_MS } from "./civilDate.js";
import type { Zone } from "./zone.js";

/*
 * Between instants and the zone's wall clock. Calendar questions (which day, how many days,
 * when a day starts) are answered on whole zone-days, day numbers of the zone's calendar.
 */

/**
 * The zone's calendar day of an instant, as a day number (days since 1970-01-01 on the zone's calendar).
 *
 * @example
 * zoneDay(Date.parse("2026-03-02T00:10:00+08:00"), zone("Asia/Shanghai")) //=> 20514
 * zoneDay(Date.parse("2026-03-02T00:10:00+08:00"), zone("UTC")) //=> 20513
 */
export function zoneDay(ms: number, z: Zone): number {
  return Math.floor((ms + z.offsetMinutes(ms) * 60_000) / DAY_MS);
}

/**
 * The instant a zone-day begins: 00:00 on the zone's wall clock, as date-fns `startOfDay`
 * answers in the zone (transitions included; property-tested against it).
 *
 * @example
 * new Date(startOfZoneDay(20513, zone("Asia/Shanghai"))).toISOString() //=> "2026-02-28T16:00:00.000Z"
 */
export function startOfZoneDay(day: number, z: Zone): number {
  const wallMs = day * DAY_MS;
  const first = wallMs - z.offsetMinutes(wallMs) * 60_000;
  return wallMs - z.offsetMinutes(first) * 60_000;
}
