/**
 * Proleptic Gregorian calendar arithmetic on day numbers (whole days since 1970-01-01),
 * integer only: a `Date` and its getters cost several times more, and this runs for every
 * timestamp of every decision. The algorithms are H. Hinnant's `days_from_civil` and
 * `civil_from_days` (http://howardhinnant.github.io/date_algorithms.html).
 */

/** Milliseconds in a day of wall-clock time, where every day has 24 hours (DST lives in the zone's offset). */
export const DAY_MS = 86_400_000;

/** A calendar date: `month` 1–12, `date` 1–31 (as people write it, not as `Date` counts months). */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly date: number;
}

/**
 * The day number of a calendar date.
 *
 * @example
 * daysFromCivil(1970, 1, 1) //=> 0
 * daysFromCivil(2026, 3, 1) //=> 20513
 */
export function daysFromCivil(year: number, month: number, date: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + date - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/**
 * The calendar date of a day number.
 *
 * @example
 * civilFromDays(20513) //=> { year: 2026, month: 3, date: 1 }
 */
export function civilFromDays(days: number): CivilDate {
  const { marchYear, dayOfYear } = marchYearOf(days);
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: month <= 2 ? marchYear + 1 : marchYear, month, date: dayOfYear - Math.floor((153 * mp + 2) / 5) + 1 };
}

/**
 * The ISO-8601 `YYYY-MM-DD` of a day number (`+YYYYYY-MM-DD` outside 0000–9999, as `toISOString`).
 *
 * @example
 * isoDate(20513) //=> "2026-03-01"
 */
export function isoDate(days: number): string {
  const { marchYear, dayOfYear } = marchYearOf(days);
  const year = dayOfYear >= JANUARY_1 ? marchYear + 1 : marchYear;
  if (year < 0 || year > 9999) return new Date(days * DAY_MS).toISOString().slice(0, -14);
  return `${year >= 1000 ? year : `${year}`.padStart(4, "0")}${MONTH_DATE[dayOfYear]}`;
}

/**
 * How many days a month of a year has (1–12; leap years by the Gregorian rule).
 *
 * @example
 * daysInMonth(2024, 2) //=> 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/**
 * The first half of `civil_from_days`: the year counted from March 1, so that a leap day is
 * its last day and every year's days line up (day 0 is March 1, day 306 January 1).
 */
function marchYearOf(days: number): { marchYear: number; dayOfYear: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  return { marchYear: yoe + era * 400, dayOfYear: doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)) };
}

const JANUARY_1 = 306;

// `-MM-DD` of each day of a March-based year, spelled once at load (immutable): a decision
// formats about ten timestamps, and building the text per call cost more than the arithmetic.
const MONTH_DATE = Array.from({ length: 366 }, (_, dayOfYear) => {
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const date = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  return `-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
});
