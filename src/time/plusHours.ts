/**
 * The instant a number of elapsed hours later: a duration, so no zone or calendar applies
 * (an SLA of 48 hours is 48 hours across a DST change).
 *
 * @example
 * plusHours(new Date("2026-03-01T10:00:00Z"), 48).toISOString() //=> "2026-03-03T10:00:00.000Z"
 */
export function plusHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * 3_600_000);
}
