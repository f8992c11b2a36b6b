import { DAY_MS } from "../civilDate.js";
import type { WorkingHours } from "../workingHours.js";
import type { Zone } from "../zone.js";

const BUCKET = 900_000; // a Zone reads offsets per 15-minute UTC bucket (zone.ts)

/**
 * Walks the working time from `from` until `limit`, in order: calls `visit(start, stop,
 * offsetMs)` for each stretch of a working interval met, as wall-clock milliseconds with the
 * offset that turns them back into instants (instant = wall − offset), and stops early when
 * `visit` returns true. Returns whether it was stopped. One walk serves counting working time
 * between two instants and finding the instant a given amount of it has passed.
 *
 * Time is taken in pieces: the rest of a wall-clock day (or less, to `limit`), cut short where
 * the UTC offset changes. In a piece the wall clock is the instant plus one offset and lies in
 * one wall day, so a day's working hours are read once.
 */
export function walkWorkingTime(from: number, limit: number, hours: WorkingHours, z: Zone, visit: (start: number, stop: number, offsetMs: number) => boolean): boolean {
  let offset = z.offsetMinutes(from) * 60_000;
  for (let t = from; t < limit; ) {
    const end = pieceEnd(t, offset, limit, z);
    const wallFrom = t + offset;
    const wallTo = end + offset;
    const dayStart = Math.floor(wallFrom / DAY_MS) * DAY_MS;
    const intervals = hours.intervalsOn(dayStart / DAY_MS);
    for (let i = 0; i < intervals.length; i += 2) {
      const start = Math.max(wallFrom, dayStart + intervals[i]! * 60_000);
      const stop = Math.min(wallTo, dayStart + intervals[i + 1]! * 60_000);
      if (stop > start && visit(start, stop, offset)) return true;
    }
    t = end;
    offset = z.offsetMinutes(end) * 60_000; // the next piece's offset (the change, if any, is at `end`)
  }
  return false;
}

/**
 * The end of the piece from `t`: the rest of `t`'s wall-clock day (or less, to `limit`), cut
 * short where the UTC offset changes. Offsets change at most once in a day in every zone of
 * the IANA database in use, so when the offset at the piece's end is still `t`'s, nothing
 * changed inside; otherwise the change is found by bisecting its 15-minute buckets.
 */
function pieceEnd(t: number, offsetMs: number, limit: number, z: Zone): number {
  const wallDayEnd = (Math.floor((t + offsetMs) / DAY_MS) + 1) * DAY_MS - offsetMs;
  const end = Math.min(limit, wallDayEnd);
  if (z.offsetMinutes(end) * 60_000 === offsetMs) return end;
  let same = Math.floor(t / BUCKET);
  let other = Math.floor(end / BUCKET);
  while (other - same > 1) {
    const mid = Math.floor((same + other) / 2);
    if (z.offsetMinutes(mid * BUCKET) * 60_000 === offsetMs) same = mid;
    else other = mid;
  }
  return Math.min(end, other * BUCKET);
}
