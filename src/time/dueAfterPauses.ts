import { businessTimeBetween } from "./businessTimeBetween.js";
import { plusBusinessTime } from "./plusBusinessTime.js";
import type { WorkingHours } from "./workingHours.js";
import type { Zone } from "./zone.js";

/** An interval of instants `[from, to)` in milliseconds in which an SLA clock stands still. */
export interface Pause {
  readonly from: number;
  readonly to: number;
}

/**
 * When a target of `amount` milliseconds counted from `start` is due, the clock standing
 * still during `pauses` (sorted, disjoint): the due time moves by the paused time the clock
 * would have counted. Business time with `hours`, elapsed time without.
 *
 * @example
 * const z = zone("Asia/Shanghai");
 * // 8 elapsed hours from 10:00, paused 11:00–13:00: due at 20:00.
 * const pause = { from: Date.parse("2026-03-02T11:00:00+08:00"), to: Date.parse("2026-03-02T13:00:00+08:00") };
 * formatInZone(new Date(dueAfterPauses(Date.parse("2026-03-02T10:00:00+08:00"), 8 * 3_600_000, [pause], undefined, z)), z) //=> "2026-03-02T20:00:00+08:00"
 */
export function dueAfterPauses(start: number, amount: number, pauses: readonly Pause[], hours: WorkingHours | undefined, z: Zone): number {
  let cursor = start;
  let left = amount;
  for (const pause of pauses) {
    if (pause.to <= cursor) continue;
    const stops = Math.max(pause.from, cursor);
    const counted = hours === undefined ? stops - cursor : businessTimeBetween(cursor, stops, hours, z);
    if (counted >= left) break; // due before this pause
    left -= counted;
    cursor = pause.to;
  }
  return hours === undefined ? cursor + left : plusBusinessTime(cursor, left, hours, z);
}

/**
 * The time the clock counts between two instants, less what it would have counted during
 * `pauses` (sorted, disjoint); negative when `to` is earlier: how much is left before a due
 * time, or how far past it.
 *
 * @example
 * const z = zone("Asia/Shanghai");
 * countedTimeBetween(Date.parse("2026-03-02T10:00:00+08:00"), Date.parse("2026-03-02T12:00:00+08:00"), [], undefined, z) / 60_000 //=> 120
 */
export function countedTimeBetween(from: number, to: number, pauses: readonly Pause[], hours: WorkingHours | undefined, z: Zone): number {
  if (to < from) return -countedTimeBetween(to, from, pauses, hours, z);
  let counted = hours === undefined ? to - from : businessTimeBetween(from, to, hours, z);
  for (const pause of pauses) {
    const a = Math.max(from, pause.from);
    const b = Math.min(to, pause.to);
    if (b > a) counted -= hours === undefined ? b - a : businessTimeBetween(a, b, hours, z);
  }
  return counted;
}
