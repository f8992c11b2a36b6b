import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayWindowDeadline } from "../../src/time/dayWindowDeadline.js";
import { formatInZone } from "../../src/time/formatInZone.js";
import { zone } from "../../src/time/zone.js";
import { arbInstant, arbZoneName } from "./arbitraries.js";
import * as reference from "./referenceTime.js";

describe("properties: dayWindowDeadline equals date-fns in the zone", () => {
  it("day-window deadlines", () => {
    fc.assert(
      fc.property(arbZoneName, arbInstant, fc.integer({ min: 0, max: 400 }), (name, delivered, days) => {
        expect(dayWindowDeadline(delivered, days, zone(name)).getTime()).toBe(reference.dayWindowDeadline(delivered, days, reference.zone(name)).getTime());
      }),
    );
  });
});

describe("dayWindowDeadline", () => {
  it("the 24:00 example of DOMAIN.md: delivered 2026-03-01 23:50 Shanghai → 2026-03-09T00:00:00+08:00", () => {
    const z = zone("Asia/Shanghai");
    expect(formatInZone(dayWindowDeadline(new Date("2026-03-01T23:50:00+08:00"), 7, z), z)).toBe("2026-03-09T00:00:00+08:00");
  });
});
