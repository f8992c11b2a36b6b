import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Timestamp } from "../../src/case/caseSchema.js";
import { parseInstant } from "../../src/time/parseInstant.js";

const two = (n: number) => String(n).padStart(2, "0");

describe("properties: parseInstant equals Date.parse", () => {
  it("on every timestamp the case schema admits", () => {
    const arbTimestamp = fc
      .record({
        ms: fc.integer({ min: Date.parse("0000-01-01T00:00:00Z"), max: Date.parse("9999-12-31T23:59:59Z") }),
        fraction: fc.option(fc.stringMatching(/^[0-9]{1,12}$/), { nil: undefined }),
        offset: fc.oneof(fc.constant("Z"), fc.tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([s, h, m]) => `${s}${two(h)}:${two(m)}`)),
      })
      .map(({ ms, fraction, offset }) => `${new Date(ms).toISOString().slice(0, 19)}${fraction === undefined ? "" : `.${fraction}`}${offset}`)
      .filter((s) => Timestamp.safeParse(s).success);
    fc.assert(fc.property(arbTimestamp, (s) => parseInstant(s) === Date.parse(s)), { numRuns: 20_000 });
  });

  it("on any two-digit value in every field (02-30, 24:00, +24:00 and the like included), NaN or not", () => {
    const anyFields = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 7, maxLength: 7 }), fc.constantFrom("+", "-", "Z"))
      .map(([y, [mo, d, h, mi, se, oh, om], sign]) => `${String(y).padStart(4, "0")}-${two(mo!)}-${two(d!)}T${two(h!)}:${two(mi!)}:${two(se!)}${sign === "Z" ? "Z" : `${sign}${two(oh!)}:${two(om!)}`}`);
    fc.assert(fc.property(anyFields, (s) => Object.is(parseInstant(s), Date.parse(s))), { numRuns: 20_000 });
  });
});

describe("parseInstant", () => {
  it("reads the edges of the schema's form as Date.parse does", () => {
    for (const s of ["0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999+14:00", "2024-02-29T12:00:00-00:00", "2026-03-01T23:50:00+08:00", "1970-01-01T00:00:00.5Z"]) {
      expect(parseInstant(s)).toBe(Date.parse(s));
    }
    expect(parseInstant("2026-03-01T23:50:00+08:00")).toBe(Date.UTC(2026, 2, 1, 15, 50));
  });

  it("leaves every other form to Date.parse", () => {
    for (const s of ["2026-03-01", "2026-03-01T10:00Z", "x".repeat(25), "2026-03-01T10:00:00.Z", "2026-03-01T10:00:00+0800"]) expect(parseInstant(s)).toBe(Date.parse(s));
  });
});
