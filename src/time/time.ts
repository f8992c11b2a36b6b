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
  // In front of the map, a direct-mapped table: a decision reads ~20 offsets and an array
  // probe costs a fraction of a map lookup. 65,536 slots of 15 minutes cover 1.87 years
  // without two buckets sharing a slot, the span a live service's timestamps fall in.
  const recentBuckets = new Float64Array(RECENT).fill(Number.NaN);
  const recentOffsets = new Float64Array(RECENT);
  return {
    name,
    offsetMinutes(ms) {
      const bucket = Math.floor(ms / BUCKET);
      const slot = bucket & (RECENT - 1);
      if (recentBuckets[slot] === bucket) return recentOffsets[slot]!;
      let offset = cache.get(bucket);
      if (offset === undefined) {
        offset = tzOffset(name, new Date(bucket * BUCKET));
        if (Number.isNaN(offset)) throw new RangeError(`Unknown time zone "${name}"`);
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(bucket, offset);
      }
      recentBuckets[slot] = bucket;
      recentOffsets[slot] = offset;
      return offset;
    },
  };
}

const RECENT = 65_536; // a power of two; two Float64Arrays, 1 MiB per zone

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
  civilDate(zoneDay(deliveredAt.getTime(), z));
  const monthIndex = civil.month - 1 + months;
  const year = civil.year + Math.floor(monthIndex / 12);
  const month = monthIndex - Math.floor(monthIndex / 12) * 12 + 1;
  const lastDay = daysFromCivil(year, month, Math.min(civil.date, daysInMonth(year, month)));
  return new Date(instantAtWall((lastDay + 1) * DAY, z));
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
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

/**
 * The instant of an ISO-8601 timestamp in the one form the case schema admits,
 * `YYYY-MM-DDTHH:mm:ss[.fraction](Z|±HH:mm)`, in milliseconds; the same number `Date.parse`
 * gives (a fraction of up to nine digits is cut to milliseconds, as V8 does; a longer one
 * goes to `Date.parse`), at a fraction of its cost
 * (~230 ns each, a tenth of a decision for its six timestamps). Anything else goes to
 * `Date.parse`, as does a date or time out of range. Property-tested against `Date.parse` in
 * test/decision/time.property.test.ts, on valid timestamps and on every two-digit field.
 */
export function parseInstant(s: string): number {
  const n = s.length;
  if (n < 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return Date.parse(s);
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const date = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46) {
    let k = 0;
    for (i++; i < n && isDigit(s.charCodeAt(i)); i++, k++) if (k < 3) ms = ms * 10 + s.charCodeAt(i) - 48;
    // V8 reads more than nine fraction digits its own way ("…00.0001000000Z" is 1 ms).
    if (k === 0 || k > 9) return Date.parse(s);
    for (; k < 3; k++) ms *= 10;
  }
  let offset = 0;
  if (i === n - 1 && s.charCodeAt(i) === 90) offset = 0;
  else if (i === n - 6 && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45) && s.charCodeAt(i + 3) === 58) {
    const offsetHours = digits(s, i + 1, 2);
    const offsetMinutes = digits(s, i + 4, 2);
    if (!(offsetHours <= 23 && offsetMinutes <= 59)) return Date.parse(s);
    offset = (s.charCodeAt(i) === 45 ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  } else return Date.parse(s);
  // Only a real calendar date and time is computed here (false for NaN too); V8 has its own
  // ways with the rest (it rolls 02-30 over to March and accepts 24:00), so they go to it.
  if (!(month >= 1 && month <= 12 && date >= 1 && date <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59)) {
    return Date.parse(s);
  }
  return (daysFromCivil(year, month, date) * 86_400 + hour * 3600 + minute * 60 + second - offset * 60) * 1000 + ms;
}

function digits(s: string, at: number, count: 2 | 4): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  if (count === 2) return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : Number.NaN;
  const c = s.charCodeAt(at + 2) - 48;
  const d = s.charCodeAt(at + 3) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 && c >= 0 && c <= 9 && d >= 0 && d <= 9 ? ((a * 10 + b) * 10 + c) * 10 + d : Number.NaN;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Days since 1970-01-01 of a proleptic Gregorian date: H. Hinnant's `days_from_civil`. */
function daysFromCivil(year: number, month: number, date: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + date - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** ISO-8601 with the zone's offset, e.g. `2026-03-09T00:00:00+08:00` (as date-fns `formatISO`). */
export function formatInZone(at: Date, z: Zone): string {
  const ms = at.getTime();
  const offset = z.offsetMinutes(ms);
  const wallMs = ms + offset * 60_000;
  const day = Math.floor(wallMs / DAY);
  const second = Math.floor((wallMs - day * DAY) / 1000);
  return `${dateOf(day)}T${HOUR_MINUTE[Math.floor(second / 60)]}:${TWO[second % 60]}${offsetSuffix(offset)}`;
}

// `YYYY-MM-DD` of recent zone-days, direct-mapped: a decision's timestamps share few days.
const DAY_SLOTS = 1024;
const slotDay = new Float64Array(DAY_SLOTS).fill(Number.NaN);
const slotText: string[] = new Array<string>(DAY_SLOTS).fill("");

function dateOf(day: number): string {
  const slot = day & (DAY_SLOTS - 1);
  if (slotDay[slot] === day) return slotText[slot]!;
  civilDate(day);
  const { year, month, date } = civil;
  // Years outside 0000–9999 take the extended form (+010000-…), as toISOString writes it.
  const y = year >= 0 && year <= 9999 ? String(year).padStart(4, "0") : new Date(day * DAY).toISOString().slice(0, -20);
  const text = `${y}-${TWO[month]}-${TWO[date]}`;
  slotDay[slot] = day;
  slotText[slot] = text;
  return text;
}

/**
 * Sets `civil` to the proleptic Gregorian date of a day number (days since 1970-01-01): H. Hinnant's
 * `civil_from_days`, integer arithmetic only (a `Date` and its getters cost several times
 * more, and this runs for every timestamp of every decision).
 */
function civilDate(days: number): void {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const date = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  civil.year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  civil.month = month;
  civil.date = date;
}

/** civilDate's result (one scratch object: formatting is synchronous and allocates nothing else). */
const civil = { year: 0, month: 0, date: 0 };

const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const TWO = Array.from({ length: 100 }, (_, i) => pad(i));
const HOUR_MINUTE = Array.from({ length: 1440 }, (_, m) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`);

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
