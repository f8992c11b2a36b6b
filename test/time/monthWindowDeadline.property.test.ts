import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatInZone } from "../../src/time/formatInZone.js";
import { monthWindowDeadline } from "../../src/time/monthWindowDeadline.js";
import { zone } from "../../src/time/zone.js";
import { arbInstant, arbZoneName } from "./arbitraries.js";
import * as reference from "./referenceTime.js";

describe("properties: monthWindowDeadline equals date-fns addMonths in the zone", () => {
  it("month-window deadlines", () => {
    fc.assert(
      fc.property(arbZoneName, arbInstant, fc.integer({ min: 0, max: 36 }), (name, delivered, months) => {
        expect(monthWindowDeadline(delivered, months, zone(name)).getTime()).toBe(reference.monthWindowDeadline(delivered, months, reference.zone(name)).getTime());
      }),
    );
  });
});

describe("monthWindowDeadline", () => {
  it("ends a month from 01-31 at the end of February (民法典 art. 202), in a leap year at 02-29", () => {
    const z = zone("Asia/Shanghai");
    expect(formatInZone(monthWindowDeadline(new Date("2026-01-31T12:00:00+08:00"), 1, z), z)).toBe("2026-03-01T00:00:00+08:00");
    expect(formatInZone(monthWindowDeadline(new Date("2028-01-31T12:00:00+08:00"), 1, z), z)).toBe("2028-03-01T00:00:00+08:00");
    expect(formatInZone(monthWindowDeadline(new Date("2027-11-30T12:00:00+08:00"), 3, z), z)).toBe("2028-03-01T00:00:00+08:00");
  });
});
