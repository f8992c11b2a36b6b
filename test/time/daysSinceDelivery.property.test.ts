import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysSinceDelivery } from "../../src/time/daysSinceDelivery.js";
import { zone } from "../../src/time/zone.js";
import { arbInstant, arbZoneName } from "./arbitraries.js";
import * as reference from "./referenceTime.js";

describe("properties: daysSinceDelivery equals date-fns differenceInCalendarDays in the zone", () => {
  it("calendar days since delivery", () => {
    fc.assert(
      fc.property(arbZoneName, arbInstant, fc.integer({ min: -3 * 86_400_000, max: 800 * 86_400_000 }), (name, delivered, delay) => {
        const at = new Date(delivered.getTime() + delay);
        expect(daysSinceDelivery(delivered, at, zone(name))).toBe(reference.daysSinceDelivery(delivered, at, reference.zone(name)));
      }),
    );
  });
});

describe("daysSinceDelivery", () => {
  it("counts the day after signing (签收次日) as day 1, however few minutes later it starts", () => {
    const z = zone("Asia/Shanghai");
    expect(daysSinceDelivery(new Date("2026-03-01T23:50:00+08:00"), new Date("2026-03-02T00:10:00+08:00"), z)).toBe(1);
    expect(daysSinceDelivery(new Date("2026-03-01T00:10:00+08:00"), new Date("2026-03-01T23:50:00+08:00"), z)).toBe(0);
  });
});
