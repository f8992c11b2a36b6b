import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { startOfZoneDay, zoneDay } from "../../src/time/wallClock.js";
import { zone } from "../../src/time/zone.js";
import { arbInstant, arbTransitionDay, arbZoneName } from "./arbitraries.js";
import * as reference from "./referenceTime.js";

describe("properties: the zone's wall clock equals date-fns with @date-fns/tz", () => {
  it("zoneDay: the zone's calendar day of an instant", () => {
    fc.assert(
      fc.property(arbZoneName, arbInstant, (name, at) => {
        expect(zoneDay(at.getTime(), zone(name))).toBe(reference.zoneDay(at, reference.zone(name)));
      }),
    );
  });

  it("startOfZoneDay: the instant a zone-day begins, on days with an offset change too", () => {
    fc.assert(
      fc.property(arbZoneName, fc.oneof(fc.integer({ min: 9131, max: 27_394 }), arbTransitionDay), (name, day) => {
        expect(startOfZoneDay(day, zone(name))).toBe(reference.startOfZoneDay(day, reference.zone(name)).getTime());
      }),
    );
  });
});

describe("wall clock", () => {
  it("puts 00:10 in Shanghai on the next day of the UTC calendar's 16:10", () => {
    const at = Date.parse("2026-03-02T00:10:00+08:00");
    expect(zoneDay(at, zone("Asia/Shanghai")) - zoneDay(at, zone("UTC"))).toBe(1);
    expect(startOfZoneDay(zoneDay(at, zone("Asia/Shanghai")), zone("Asia/Shanghai"))).toBe(Date.parse("2026-03-02T00:00:00+08:00"));
  });

  it("starts Lord Howe's 2026-10-04 at midnight +10:30, before that night's change to +11:00", () => {
    const z = zone("Australia/Lord_Howe");
    expect(startOfZoneDay(zoneDay(Date.parse("2026-10-04T12:00:00+11:00"), z), z)).toBe(Date.parse("2026-10-04T00:00:00+10:30"));
  });
});
