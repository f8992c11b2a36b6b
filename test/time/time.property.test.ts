import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Timestamp } from "../../src/case/caseSchema.js";
import * as fast from "../../src/time/time.js";
import * as reference from "./referenceTime.js";

// Zones with DST, half-hour and 45-minute offsets, southern-hemisphere DST and midnight-free
// transitions; the fast zone arithmetic must agree with date-fns + @date-fns/tz on all.
const ZONES = ["Asia/Shanghai", "UTC", "America/Los_Angeles", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "America/New_York", "Asia/Kolkata"];
const arbInstant = fc.integer({ min: Date.parse("1995-01-01T00:00:00Z"), max: Date.parse("2045-01-01T00:00:00Z") }).map((ms) => new Date(ms - (ms % 1000)));

describe("properties: zone arithmetic equals date-fns with @date-fns/tz", () => {
  it("calendar days since delivery", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), arbInstant, fc.integer({ min: -3 * 86_400_000, max: 800 * 86_400_000 }), (name, delivered, delay) => {
        const at = new Date(delivered.getTime() + delay);
        expect(fast.daysSinceDelivery(delivered, at, fast.zone(name))).toBe(reference.daysSinceDelivery(delivered, at, reference.zone(name)));
      }),
    );
  });

  it("day-window deadlines, month-window deadlines and ISO formatting", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), arbInstant, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 36 }), (name, delivered, days, months) => {
        const f = fast.zone(name);
        const r = reference.zone(name);
        expect(fast.dayWindowDeadline(delivered, days, f).getTime()).toBe(reference.dayWindowDeadline(delivered, days, r).getTime());
        expect(fast.monthWindowDeadline(delivered, months, f).getTime()).toBe(reference.monthWindowDeadline(delivered, months, r).getTime());
        expect(fast.formatInZone(delivered, f)).toBe(reference.formatInZone(delivered, r));
      }),
    );
  });

  it("ISO formatting over the whole Date range agrees with toISOString (UTC) and with date-fns (Shanghai)", () => {
    const utc = fast.zone("UTC");
    const shanghai = fast.zone("Asia/Shanghai");
    const referenceShanghai = reference.zone("Asia/Shanghai");
    const anySecond = fc.integer({ min: -8.64e15 / 1000 + 86_400, max: 8.64e15 / 1000 - 86_400 }).map((s) => new Date(s * 1000));
    const nearYearZero = fc.integer({ min: Date.UTC(-1, 0, 1) / 1000, max: Date.UTC(10_001, 0, 1) / 1000 }).map((s) => new Date(s * 1000));
    fc.assert(
      fc.property(fc.oneof(anySecond, nearYearZero, arbInstant), (at) => {
        expect(fast.formatInZone(at, utc)).toBe(at.toISOString().replace(/\.000Z$/, "Z"));
        // date-fns writes years past 9999 unsigned (not ISO 8601, not parseable); compared well inside 0000–9999.
        const year = new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear();
        if (year >= 1 && year <= 9998) expect(fast.formatInZone(at, shanghai)).toBe(reference.formatInZone(at, referenceShanghai));
      }),
      { numRuns: 20_000 },
    );
  });

  it("parseInstant reads every timestamp the case schema admits as Date.parse does", () => {
    const two = (n: number) => String(n).padStart(2, "0");
    const arbTimestamp = fc
      .record({
        ms: fc.integer({ min: Date.parse("0000-01-01T00:00:00Z"), max: Date.parse("9999-12-31T23:59:59Z") }),
        fraction: fc.option(fc.stringMatching(/^[0-9]{1,12}$/), { nil: undefined }),
        offset: fc.oneof(fc.constant("Z"), fc.tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([s, h, m]) => `${s}${two(h)}:${two(m)}`)),
      })
      .map(({ ms, fraction, offset }) => `${new Date(ms).toISOString().slice(0, 19)}${fraction === undefined ? "" : `.${fraction}`}${offset}`)
      .filter((s) => Timestamp.safeParse(s).success);
    for (const s of ["0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999+14:00", "2024-02-29T12:00:00-00:00", "2026-03-01T23:50:00+08:00", "1970-01-01T00:00:00.5Z"]) {
      expect(fast.parseInstant(s)).toBe(Date.parse(s));
    }
    fc.assert(fc.property(arbTimestamp, (s) => fast.parseInstant(s) === Date.parse(s)), { numRuns: 20_000 });
    // Any two-digit value in every field (02-30, 24:00, +24:00 and the like included): the same as Date.parse, NaN or not.
    const anyFields = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 7, maxLength: 7 }), fc.constantFrom("+", "-", "Z"))
      .map(([y, [mo, d, h, mi, se, oh, om], sign]) => `${String(y).padStart(4, "0")}-${two(mo!)}-${two(d!)}T${two(h!)}:${two(mi!)}:${two(se!)}${sign === "Z" ? "Z" : `${sign}${two(oh!)}:${two(om!)}`}`);
    fc.assert(fc.property(anyFields, (s) => Object.is(fast.parseInstant(s), Date.parse(s))), { numRuns: 20_000 });
    // Not of that form: left to Date.parse.
    for (const s of ["2026-03-01", "2026-03-01T10:00Z", "x".repeat(25), "2026-03-01T10:00:00.Z", "2026-03-01T10:00:00+0800"]) expect(fast.parseInstant(s)).toBe(Date.parse(s));
  });

  it("the 24:00 example of DOMAIN.md: delivered 2026-03-01 23:50 Shanghai → 2026-03-09T00:00:00+08:00", () => {
    const z = fast.zone("Asia/Shanghai");
    const d = new Date("2026-03-01T23:50:00+08:00");
    expect(fast.formatInZone(fast.dayWindowDeadline(d, 7, z), z)).toBe("2026-03-09T00:00:00+08:00");
    expect(fast.formatInZone(fast.monthWindowDeadline(new Date("2026-01-31T12:00:00+08:00"), 1, z), z)).toBe("2026-03-01T00:00:00+08:00");
  });
});
