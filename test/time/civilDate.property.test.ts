import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { civilFromDays, daysFromCivil, daysInMonth, isoDate } from "../../src/time/civilDate.js";

// The oracle is the UTC calendar of `Date` (proleptic Gregorian, like ours), over its whole range.
const DAY = 86_400_000;
const arbDay = fc.integer({ min: -100_000_000, max: 100_000_000 });
const utcDate = (day: number) => new Date(day * DAY);

describe("properties: civil-date arithmetic equals Date's UTC calendar", () => {
  it("civilFromDays reads a day number's year, month and date", () => {
    fc.assert(
      fc.property(arbDay, (day) => {
        const d = utcDate(day);
        expect(civilFromDays(day)).toEqual({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() });
      }),
      { numRuns: 20_000 },
    );
  });

  it("daysFromCivil is its inverse", () => {
    fc.assert(
      fc.property(arbDay, (day) => {
        const d = utcDate(day);
        expect(daysFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(day);
      }),
      { numRuns: 20_000 },
    );
  });

  it("isoDate writes what toISOString writes, extended years included", () => {
    const nearYearZero = fc.integer({ min: Math.floor(Date.UTC(-1, 0, 1) / DAY), max: Math.ceil(Date.UTC(10_001, 0, 1) / DAY) });
    fc.assert(
      fc.property(fc.oneof(arbDay, nearYearZero), (day) => {
        expect(isoDate(day)).toBe(utcDate(day).toISOString().slice(0, -14));
      }),
      { numRuns: 20_000 },
    );
  });

  it("daysInMonth is the date of the month's last day", () => {
    fc.assert(
      fc.property(fc.integer({ min: -270_000, max: 270_000 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const lastDay = new Date(0);
        lastDay.setUTCFullYear(year, month, 0); // date 0 of the next month (0-based `month`)
        expect(daysInMonth(year, month)).toBe(lastDay.getUTCDate());
      }),
      { numRuns: 5000 },
    );
  });
});

describe("civil dates", () => {
  it("counts 1970-01-01 as day 0 and knows the leap days of 2000 and 1900", () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(civilFromDays(daysFromCivil(2024, 2, 29))).toEqual({ year: 2024, month: 2, date: 29 });
  });
});
