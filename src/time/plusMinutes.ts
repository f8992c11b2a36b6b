/**
 * The instant a number of elapsed minutes later: a duration, so no zone or calendar applies.
 *
 * @example
 * plusMinutes(new Date("2026-03-01T10:00:00Z"), 90).toISOString() //=> "2026-03-01T11:30:00.000Z"
 */
export function plusMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}
