import { tzOffset } from "@date-fns/tz";

/**
 * Time in the policy's zone, never the machine's. A window of N days after delivery
 * starts the day after signing (签收次日) and ends at 24:00 of day N: represented as the
 * first instant after it, day N+1 00:00, so "open" reads `at < deadline`.
 *
 * Zone data comes from @date-fns/tz's `tzOffset` (the runtime's IANA database), cached per
 * 15-minute bucket because offsets change only at transitions; calendar arithmetic is on
 * whole zone-days. Measured: a TZDate operation formats through Intl on every call and made
 * a decision cost ~300 µs; this costs a few µs. The date-fns/TZDate implementation is kept
 * as the oracle in test/decision/time.property.test.ts.
 */
export interface Zone {
  readonly name: string;
  /** UTC offset in minutes at an instant (480 for Asia/Shanghai). */
  offsetMinutes(ms: number): number;
}

const DAY = 86_400_000;
const BUCKET = 900_000; // offsets change on 15-minute UTC boundaries (e.g. +05:45 zones at :15)
const CACHE_LIMIT = 100_000;

export function zone(name: string): Zone {
  const cache = new Map<number, number>();
  // Consecutive lookups are mostly the same instant or bucket (one case's dates).
  let lastBucket = NaN;
  let lastOffset = 0;
  return {
    name,
    offsetMinutes(ms) {
      const bucket = Math.floor(ms / BUCKET);
      if (bucket === lastBucket) return lastOffset;
      let offset = cache.get(bucket);
      if (offset === undefined) {
        offset = tzOffset(name, new Date(bucket * BUCKET));
        if (Number.isNaN(offset)) throw new RangeError(`Unknown time zone "${name}"`);
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(bucket, offset);
      }
      lastBucket = bucket;
      lastOffset = offset;
      return offset;
    },
  };
}

/** The zone's calendar day of an instant, as whole days since 1970-01-01 (local). */
function zoneDay(ms: number, z: Zone): number {
  return Math.floor((ms + z.offsetMinutes(ms) * 60_000) / DAY);
}

/** The instant at which the zone's wall clock reads `wallMs` (ms since 1970-01-01 local). */
function instantAtWall(wallMs: number, z: Zone): number {
  const first = wallMs - z.offsetMinutes(wallMs) * 60_000;
  return wallMs - z.offsetMinutes(first) * 60_000;
}

/** Calendar days from the delivery date to the date of `at`, both in the zone (delivery day = 0). */
export function daysSinceDelivery(deliveredAt: Date, at: Date, z: Zone): number {
  return zoneDay(at.getTime(), z) - zoneDay(deliveredAt.getTime(), z);
}

/** The first instant after an N-day window counted from the day after delivery. */
export function dayWindowDeadline(deliveredAt: Date, days: number, z: Zone): Date {
  return new Date(instantAtWall((zoneDay(deliveredAt.getTime(), z) + days + 1) * DAY, z));
}

/**
 * The first instant after an N-month period from delivery: it ends at 24:00 of the
 * corresponding day N months later, or of the month's last day when there is none
 * (民法典 art. 202; date-fns `addMonths` clamps the same way).
 */
export function monthWindowDeadline(deliveredAt: Date, months: number, z: Zone): Date {
  const wall = new Date(zoneDay(deliveredAt.getTime(), z) * DAY);
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth() + months;
  const lastOfTarget = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const lastDay = Date.UTC(year, month, Math.min(wall.getUTCDate(), lastOfTarget));
  return new Date(instantAtWall(lastDay + DAY, z));
}

/**
 * How many days a window of N days runs on because its last day (and the days after it)
 * are rest days: 民法典 art. 203 ¶1, when a policy opts in. At most 31.
 */
export function restDayExtension(deliveredAt: Date, days: number, z: Zone, isRestDay: (zoneDay: number) => boolean): number {
  const lastDay = zoneDay(deliveredAt.getTime(), z) + days;
  let extra = 0;
  while (extra < 31 && isRestDay(lastDay + extra)) extra++;
  return extra;
}

export function plusHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * 3_600_000);
}

export function plusMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}

/** ISO-8601 with the zone's offset, e.g. `2026-03-09T00:00:00+08:00` (as date-fns `formatISO`). */
export function formatInZone(at: Date, z: Zone): string {
  const ms = at.getTime();
  const offset = z.offsetMinutes(ms);
  const wallMs = ms + offset * 60_000;
  const day = Math.floor(wallMs / DAY);
  const second = Math.floor((wallMs - day * DAY) / 1000);
  const [year, month, date] = civilDate(day);
  // Years outside 0000–9999 take the extended form (+010000-…), as toISOString writes it.
  const y = year >= 0 && year <= 9999 ? (year < 1000 ? String(year).padStart(4, "0") : String(year)) : new Date(wallMs).toISOString().slice(0, -20);
  return `${y}-${TWO[month]}-${TWO[date]}T${TWO[Math.floor(second / 3600)]}:${TWO[Math.floor(second / 60) % 60]}:${TWO[second % 60]}${offsetSuffix(offset)}`;
}

/**
 * The proleptic Gregorian date of a day number (days since 1970-01-01): H. Hinnant's
 * `civil_from_days`, integer arithmetic only (a `Date` and its getters cost several times
 * more, and this runs for every timestamp of every decision).
 */
function civilDate(days: number): [year: number, month: number, date: number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const date = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, date];
}

const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const TWO = Array.from({ length: 100 }, (_, i) => pad(i));

const suffixes = new Map<number, string>();

/** `Z`, `+08:00`, `-03:30`, … (a zone has a handful of offsets; each is spelled once). */
function offsetSuffix(offset: number): string {
  let suffix = suffixes.get(offset);
  if (suffix === undefined) {
    const abs = Math.abs(offset);
    suffix = offset === 0 ? "Z" : `${offset > 0 ? "+" : "-"}${pad(Math.floor(abs / 60))}:${pad(Math.floor(abs % 60))}`;
    if (suffixes.size < 1000) suffixes.set(offset, suffix);
  }
  return suffix;
}
