import { daysFromCivil, daysInMonth } from "./civilDate.js";

/**
 * The instant of an ISO-8601 timestamp in milliseconds: the same number `Date.parse` gives,
 * at a fraction of its cost.
 *
 * The one form the case schema admits, `YYYY-MM-DDTHH:mm:ss[.fraction](Z|±HH:mm)`, is read
 * here (~230 ns each, a tenth of a decision for its six timestamps); a fraction of up to
 * nine digits is cut to milliseconds, as V8 does. Anything else goes to `Date.parse`: other
 * forms, longer fractions, and dates or times out of range.
 *
 * @example
 * parseInstant("2026-03-01T23:50:00+08:00") //=> 1772380200000
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

/** The value of 2 or 4 ASCII digits at `at`; NaN if any is not a digit. */
function digits(s: string, at: number, count: 2 | 4): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  if (count === 2) return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : Number.NaN;
  const c = s.charCodeAt(at + 2) - 48;
  const d = s.charCodeAt(at + 3) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 && c >= 0 && c <= 9 && d >= 0 && d <= 9 ? ((a * 10 + b) * 10 + c) * 10 + d : Number.NaN;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
