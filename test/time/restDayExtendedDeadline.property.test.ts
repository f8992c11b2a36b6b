import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayWindowDeadline } from "../../src/time/dayWindowDeadline.js";
import { daysIntoPeriod } from "../../src/time/daysIntoPeriod.js";
import { monthWindowDeadline } from "../../src/time/monthWindowDeadline.js";
import { restDayExtendedDeadline } from "../../src/time/restDayExtendedDeadline.js";
import { restDayExtension } from "../../src/time/restDayExtension.js";
import { formatInZone } from "../../src/time/formatInZone.js";
import { zone } from "../../src/time/zone.js";
import { arbInstant, arbZoneName } from "./arbitraries.js";
import * as reference from "./referenceTime.js";

// A rest-day calendar as a repeating pattern of zone-days: weekends, long holidays, none, all.
const arbRestDays = fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }).map((pattern) => (day: number) => pattern[((day % pattern.length) + pattern.length) % pattern.length]!);

describe("properties: a window's end run on over rest days (民法典 art. 203 ¶1)", () => {
  it("restDayExtendedDeadline of an N-day window is the deadline of N + restDayExtension days, counted with date-fns", () => {
    fc.assert(
      fc.property(arbZoneName, arbInstant, fc.integer({ min: 0, max: 400 }), arbRestDays, (name, delivered, days, isRestDay) => {
        const z = zone(name);
        const ref = reference.zone(name);
        const extended = restDayExtendedDeadline(dayWindowDeadline(delivered, days, z), z, isRestDay);
        const extra = reference.restDayExtension(delivered, days, ref, isRestDay);
        expect(extended.getTime()).toBe(reference.dayWindowDeadline(delivered, days + extra, ref).getTime());
      }),
    );
  });

  it("never moves a deadline earlier, and ends it after a working day (or 31 days on)", () => {
    fc.assert(
      fc.property(arbZoneName, arbInstant, fc.integer({ min: 0, max: 60 }), arbRestDays, (name, delivered, months, isRestDay) => {
        const z = zone(name);
        const ref = reference.zone(name);
        const deadline = monthWindowDeadline(delivered, months, z);
        const extended = restDayExtendedDeadline(deadline, z, isRestDay);
        expect(extended.getTime()).toBeGreaterThanOrEqual(deadline.getTime());
        const lastDay = reference.zoneDay(new Date(extended.getTime() - 1), ref);
        const ranOn = lastDay - reference.zoneDay(new Date(deadline.getTime() - 1), ref);
        expect(ranOn === 31 || !isRestDay(lastDay)).toBe(true);
        for (let d = lastDay - ranOn; d < lastDay; d++) expect(isRestDay(d)).toBe(true);
      }),
    );
  });

  it("daysIntoPeriod ≤ N exactly when the instant is inside the N-day window run on over rest days, for every N", () => {
    fc.assert(
      fc.property(arbZoneName, arbInstant, fc.integer({ min: -2, max: 80 }), fc.integer({ min: 0, max: 60 }), arbRestDays, (name, delivered, after, days, isRestDay) => {
        const z = zone(name);
        const ref = reference.zone(name);
        // An instant `after` zone-days after delivery, at noon-ish of that day.
        const at = new Date(reference.startOfZoneDay(reference.zoneDay(delivered, ref) + after, ref).getTime() + 12 * 3_600_000);
        const inside = at.getTime() < reference.dayWindowDeadline(delivered, days + reference.restDayExtension(delivered, days, ref, isRestDay), ref).getTime();
        expect(daysIntoPeriod(delivered, at, z, isRestDay) <= days).toBe(inside);
      }),
    );
  });
});

describe("restDayExtendedDeadline", () => {
  const z = zone("Asia/Shanghai");
  const isWeekend = (day: number) => (day + 3) % 7 >= 5;

  it("runs a month window ending on Sunday 2026-03-01 on to Monday 03-02 (deadline 03-03 00:00)", () => {
    // Delivered 2026-02-01: one month ends with 03-01, a Sunday.
    const deadline = monthWindowDeadline(new Date("2026-02-01T10:00:00+08:00"), 1, z);
    expect(formatInZone(restDayExtendedDeadline(deadline, z, isWeekend), z)).toBe("2026-03-03T00:00:00+08:00");
  });

  it("agrees with restDayExtension on the 7-day window", () => {
    const delivered = new Date("2026-02-28T10:00:00+08:00");
    expect(restDayExtendedDeadline(dayWindowDeadline(delivered, 7, z), z, isWeekend).getTime()).toBe(dayWindowDeadline(delivered, 7 + restDayExtension(delivered, 7, z, isWeekend), z).getTime());
  });
});
