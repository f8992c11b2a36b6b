import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatInZone } from "../../src/time/formatInZone.js";
import { zone } from "../../src/time/zone.js";
import { arbInstant, arbZoneName } from "./arbitraries.js";
import * as reference from "./referenceTime.js";

describe("properties: formatInZone equals date-fns formatISO in the zone", () => {
  it("ISO formatting in every zone", () => {
    fc.assert(
      fc.property(arbZoneName, arbInstant, (name, at) => {
        expect(formatInZone(at, zone(name))).toBe(reference.formatInZone(at, reference.zone(name)));
      }),
    );
  });

  it("ISO formatting over the whole Date range agrees with toISOString (UTC) and with date-fns (Shanghai)", () => {
    const utc = zone("UTC");
    const shanghai = zone("Asia/Shanghai");
    const referenceShanghai = reference.zone("Asia/Shanghai");
    const anySecond = fc.integer({ min: -8.64e15 / 1000 + 86_400, max: 8.64e15 / 1000 - 86_400 }).map((s) => new Date(s * 1000));
    const nearYearZero = fc.integer({ min: Date.UTC(-1, 0, 1) / 1000, max: Date.UTC(10_001, 0, 1) / 1000 }).map((s) => new Date(s * 1000));
    fc.assert(
      fc.property(fc.oneof(anySecond, nearYearZero, arbInstant), (at) => {
        expect(formatInZone(at, utc)).toBe(at.toISOString().replace(/\.000Z$/, "Z"));
        // date-fns writes years past 9999 unsigned (not ISO 8601, not parseable); compared well inside 0000–9999.
        const year = new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear();
        // date-fns also drops the seconds of a local mean time offset (+08:05 for +08:05:43, before 1901), which we spell.
        if (year >= 1 && year <= 9998) expect(formatInZone(at, shanghai).replace(/([+-]\d\d:\d\d):\d\d$/, "$1")).toBe(reference.formatInZone(at, referenceShanghai));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("formatInZone", () => {
  it("writes the zone's wall clock and offset, Z for UTC", () => {
    const at = new Date("2026-03-08T16:00:00Z");
    expect(formatInZone(at, zone("Asia/Shanghai"))).toBe("2026-03-09T00:00:00+08:00");
    expect(formatInZone(at, zone("UTC"))).toBe("2026-03-08T16:00:00Z");
    expect(formatInZone(at, zone("Asia/Kathmandu"))).toBe("2026-03-08T21:45:00+05:45");
    expect(formatInZone(at, zone("America/Los_Angeles"))).toBe("2026-03-08T09:00:00-07:00");
  });
});
