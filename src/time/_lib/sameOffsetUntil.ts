import { DAY_MS } from "../civilDate.js";
import type { Zone } from "../zone.js";

const BUCKET = 900_000; // a Zone reads offsets per 15-minute UTC bucket (zone.ts)

/**
 * The first instant after `t` whose UTC offset differs from `t`'s, looking no further than
 * `limit` and never more than a day ahead (then that horizon is returned): business-time
 * walks go piece by piece, each piece one offset, so its wall clock is the instant plus a
 * constant.
 *
 * Offsets change at most once in a day in every zone of the IANA database in use, so a
 * day whose two ends agree has none; otherwise the change is found by bisecting buckets.
 */
export function sameOffsetUntil(t: number, limit: number, z: Zone): number {
  const offset = z.offsetMinutes(t);
  const horizon = Math.min(limit, t + DAY_MS);
  if (z.offsetMinutes(horizon - 1) === offset) return horizon;
  let same = Math.floor(t / BUCKET);
  let other = Math.floor((horizon - 1) / BUCKET);
  while (other - same > 1) {
    const mid = Math.floor((same + other) / 2);
    if (z.offsetMinutes(mid * BUCKET) === offset) same = mid;
    else other = mid;
  }
  return other * BUCKET;
}
