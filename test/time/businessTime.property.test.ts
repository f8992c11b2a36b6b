import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { businessTimeBetween } from "../../src/time/businessTimeBetween.js";
import { countedTimeBetween, dueAfterPauses } from "../../src/time/dueAfterPauses.js";
import { plusBusinessTime } from "../../src/time/plusBusinessTime.js";
import { formatInZone } from "../../src/time/formatInZone.js";
import { zone } from "../../src/time/zone.js";
import { arbZoneName } from "./arbitraries.js";
import { arbCalendarAround, arbMinute, arbSpanMinutes, countedMinutes, dueAfterMinutes, workingHoursOf } from "./referenceBusinessTime.js";

const MINUTE = 60_000;

/** A zone, a start minute, a span up to 60 days and a random calendar around it. */
const arbSetting = fc
  .tuple(arbZoneName, arbMinute, arbSpanMinutes)
  .chain(([name, from, span]) => arbCalendarAround(from).map((cal) => ({ name, from, to: from + span * MINUTE, cal })));

/** Sorted, disjoint pauses inside [from, to], whole minutes. */
const arbPausesIn = (from: number, to: number) =>
  fc.uniqueArray(fc.integer({ min: from / MINUTE, max: to / MINUTE }), { maxLength: 8 }).map((ms) => {
    const sorted = [...ms].sort((a, b) => a - b);
    const pauses: { from: number; to: number }[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) pauses.push({ from: sorted[i]! * MINUTE, to: sorted[i + 1]! * MINUTE });
    return pauses;
  });

describe("properties: business time equals counting worked minutes one by one", () => {
  it("businessTimeBetween: the worked minutes of an interval, in any zone and calendar", () => {
    fc.assert(
      fc.property(arbSetting, ({ name, from, to, cal }) => {
        expect(businessTimeBetween(from, to, workingHoursOf(cal), zone(name)) / MINUTE).toBe(countedMinutes(from, to, cal, name));
      }),
    );
  });

  it("plusBusinessTime: the end of the n-th worked minute", () => {
    fc.assert(
      fc.property(
        arbSetting.chain((s) => fc.integer({ min: 0, max: countedMinutes(s.from, s.to, s.cal, s.name) }).map((n) => ({ ...s, n }))),
        ({ name, from, cal, n }) => {
          expect(plusBusinessTime(from, n * MINUTE, workingHoursOf(cal), zone(name))).toBe(dueAfterMinutes(from, n, cal, name));
        },
      ),
    );
  });

  it("dueAfterPauses: the end of the n-th counted minute outside the pauses, business or elapsed", () => {
    fc.assert(
      fc.property(
        arbSetting.chain((s) => arbPausesIn(s.from, s.to).map((pauses) => ({ ...s, pauses }))),
        fc.boolean(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ name, from, to, cal, pauses }, business, share) => {
          const calendar = business ? cal : undefined;
          const n = Math.floor(share * countedMinutes(from, to, calendar, name, pauses));
          const hours = calendar && workingHoursOf(calendar);
          const due = dueAfterPauses(from, n * MINUTE, pauses, hours, zone(name));
          expect(due).toBe(dueAfterMinutes(from, n, calendar, name, pauses));
          // And what is left before the due time, counted the same way, is what was asked for.
          expect(countedTimeBetween(from, due, pauses, hours, zone(name)) / MINUTE).toBe(n);
        },
      ),
    );
  });

  it("countedTimeBetween: minutes counted outside the pauses, negative when reversed", () => {
    fc.assert(
      fc.property(
        arbSetting.chain((s) => arbPausesIn(s.from, s.to).map((pauses) => ({ ...s, pauses }))),
        ({ name, from, to, cal, pauses }) => {
          const hours = workingHoursOf(cal);
          const n = countedMinutes(from, to, cal, name, pauses);
          expect(countedTimeBetween(from, to, pauses, hours, zone(name)) / MINUTE).toBe(n);
          expect(countedTimeBetween(to, from, pauses, hours, zone(name)) / MINUTE).toBe(to === from ? 0 : -n);
        },
      ),
    );
  });
});

describe("business time", () => {
  const z = zone("Asia/Shanghai");
  const weekend = (day: number) => (day + 4) % 7 === 0 || (day + 4) % 7 === 6;
  const nineToSix = { intervalsOn: (day: number) => (weekend(day) ? [] : [540, 1080]) };
  const splitShift = { intervalsOn: (day: number) => (weekend(day) ? [] : [540, 720, 810, 1080]) };
  const at = (s: string) => Date.parse(s);

  it("carries 8 business hours reported Friday 17:00 over the weekend to Monday 16:00", () => {
    expect(formatInZone(new Date(plusBusinessTime(at("2026-03-06T17:00:00+08:00"), 8 * 3_600_000, nineToSix, z)), z)).toBe("2026-03-09T16:00:00+08:00");
  });

  it("skips the lunch break of a split shift (09:00–12:00, 13:30–18:00)", () => {
    // 11:00 + 2 h: one hour to 12:00, the second from 13:30.
    expect(formatInZone(new Date(plusBusinessTime(at("2026-03-09T11:00:00+08:00"), 2 * 3_600_000, splitShift, z)), z)).toBe("2026-03-09T14:30:00+08:00");
  });

  it("is due at the end of the working day when the hours end exactly there, not the next morning", () => {
    expect(formatInZone(new Date(plusBusinessTime(at("2026-03-09T10:00:00+08:00"), 8 * 3_600_000, nineToSix, z)), z)).toBe("2026-03-09T18:00:00+08:00");
  });

  it("counts a wall-clock shift that loses an hour to DST as one hour shorter (New York, 2026-03-08)", () => {
    const ny = zone("America/New_York");
    const allDay = { intervalsOn: () => [0, 1440] };
    // 2026-03-08 has 23 hours in New York.
    expect(businessTimeBetween(at("2026-03-08T00:00:00-05:00"), at("2026-03-09T00:00:00-04:00"), allDay, ny) / 3_600_000).toBe(23);
    // An 01:00–04:00 shift that day works 02:00 away: two hours.
    const night = { intervalsOn: () => [60, 240] };
    expect(businessTimeBetween(at("2026-03-08T00:00:00-05:00"), at("2026-03-09T00:00:00-04:00"), night, ny) / 3_600_000).toBe(2);
  });

  it("keeps seconds: 10:00:30 plus an hour is 11:00:30", () => {
    expect(plusBusinessTime(at("2026-03-09T10:00:30+08:00"), 3_600_000, nineToSix, z)).toBe(at("2026-03-09T11:00:30+08:00"));
  });

  it("refuses a calendar with no working time", () => {
    expect(() => plusBusinessTime(at("2026-03-09T10:00:00+08:00"), 60_000, { intervalsOn: () => [] }, z)).toThrow(RangeError);
  });
});
