import { DAY_MS } from "../civilDate.js";
import type { Zone } from "../zone.js";

const BUCKET = 900_000; // a Zone reads offsets per 15-minute UTC bucket (zone.ts)

/**
 * The end of the piece of time from `t` that business-time walks take in one step: the rest
 * of `t`'s wall-clock day (or less, to `limit`), cut short where the UTC offset changes. In a
 * piece the wall clock is the instant plus one offset, and it lies in one wall day, so a day's
 * working hours are read once.
 *
 * Offsets change at most once in a day in every zone of the IANA database in use, so when
 * the offset at the piece's end is still `t`'s, nothing changed inside; otherwise the change
 * is found by bisecting its 15-minute buckets. `pieceEnd.offset` is the offset (ms) at the
 * returned end, the next piece's, read once.
 */
export function pieceEnd(t: number, offsetMs: number, limit: number, z: Zone): number {
  const wallDayEnd = (Math.floor((t + offsetMs) / DAY_MS) + 1) * DAY_MS - offsetMs;
  const end = Math.min(limit, wallDayEnd);
  const atEnd = z.offsetMinutes(end) * 60_000;
  if (atEnd === offsetMs) {
    next.offset = atEnd;
    return end;
  }
  let same = Math.floor(t / BUCKET);
  let other = Math.floor(end / BUCKET);
  while (other - same > 1) {
    const mid = Math.floor((same + other) / 2);
    if (z.offsetMinutes(mid * BUCKET) * 60_000 === offsetMs) same = mid;
    else other = mid;
  }
  const changeAt = Math.min(end, other * BUCKET);
  next.offset = z.offsetMinutes(changeAt) * 60_000;
  return changeAt;
}

/**
 * The offset at the end `pieceEnd` last returned: read by its caller right after the call
 * (JavaScript runs each call to the end, so nothing else writes it in between).
 */
export const next = { offset: 0 };
