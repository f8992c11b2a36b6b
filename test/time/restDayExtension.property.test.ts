import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { restDayExtension } from "../../src/time/restDayExtension.js";
import { zone } from "../../src/time/zone.js";
import { arbInstant, arbZoneName } from "./arbitraries.js";
import * as reference from "./referenceTime.js";

// A rest-day calendar as a repeating pattern of zone-days: weekends, long holidays, none, all.
const arbRestDays = fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }).map((pattern) => (day: number) => pattern[((day % pattern.length) + pattern.length) % pattern.length]!);

describe("properties: restDayExtension equals counting rest days with date-fns in the zone", () => {
  it("the days a window runs on past its last day", () => {
    fc.assert(
      fc.property(arbZoneName, arbInstant, fc.integer({ min: 0, max: 400 }), arbRestDays, (name, delivered, days, isRestDay) => {
        expect(restDayExtension(delivered, days, zone(name), isRestDay)).toBe(reference.restDayExtension(delivered, days, reference.zone(name), isRestDay));
      }),
    );
  });
});

describe("restDayExtension", () => {
  const z = zone("Asia/Shanghai");
  const isWeekend = (day: number) => (day + 3) % 7 >= 5; // 1970-01-01 was a Thursday

  it("runs a window ending on Saturday 2026-03-07 on to Monday", () => {
    expect(restDayExtension(new Date("2026-02-28T10:00:00+08:00"), 7, z, isWeekend)).toBe(2);
  });

  it("does not run a window ending on a working day on", () => {
    expect(restDayExtension(new Date("2026-03-02T10:00:00+08:00"), 7, z, isWeekend)).toBe(0);
  });

  it("stops at 31 days however long the rest lasts", () => {
    expect(restDayExtension(new Date("2026-03-02T10:00:00+08:00"), 7, z, () => true)).toBe(31);
  });
});
