import { TZDate } from "@date-fns/tz";
import { addDays, format, startOfDay } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readableInstant, yuan } from "../../src/cli/readable.js";
import { arbInstant, arbZoneName } from "../time/arbitraries.js";

describe("yuan", () => {
  it("groups thousands and keeps two decimals", () => {
    expect(yuan(0)).toBe("¥0.00");
    expect(yuan(5)).toBe("¥0.05");
    expect(yuan(99999)).toBe("¥999.99");
    expect(yuan(100000)).toBe("¥1,000.00");
    expect(yuan(123456789)).toBe("¥1,234,567.89");
  });

  it("properties: without its separators it is the amount in yuan; groups are of three digits", () => {
    fc.assert(
      fc.property(fc.nat(Number.MAX_SAFE_INTEGER), (fen) => {
        const text = yuan(fen);
        expect(text.replace(/[¥,]/g, "")).toBe(`${BigInt(fen) / 100n}.${String(fen % 100).padStart(2, "0")}`);
        expect(text).toMatch(/^¥\d{1,3}(,\d{3})*\.\d\d$/);
      }),
    );
  });
});

describe("readableInstant", () => {
  it("shows a window's end at 00:00 as 24:00 of the day before, in the policy's zone", () => {
    expect(readableInstant("2026-03-09T00:00:00+08:00", "Asia/Shanghai", "zh-CN", { end: true })).toBe("3月8日 24:00 前");
    expect(readableInstant("2026-03-09T00:00:00+08:00", "Asia/Shanghai", "en", { end: true })).toBe("until Mar 8 24:00");
    // The same instant is 16:00 on 03-08 in UTC: not a midnight there.
    expect(readableInstant("2026-03-08T16:00:00Z", "UTC", "zh-CN", { end: true })).toBe("3月8日 16:00 前");
    // 1 Jan 00:00 closes 31 Dec of the year before.
    expect(readableInstant("2027-01-01T00:00:00+08:00", "Asia/Shanghai", "zh-CN", { end: true, yearOf: "2026-12-30T10:00:00+08:00" })).toBe("12月31日 24:00 前");
  });

  it("names the year only when it is not the decision's", () => {
    expect(readableInstant("2028-03-02T00:00:00+08:00", "Asia/Shanghai", "zh-CN", { end: true, yearOf: "2026-03-04T10:05:00+08:00" })).toBe("2028年3月1日 24:00 前");
    expect(readableInstant("2028-03-02T10:30:00+08:00", "Asia/Shanghai", "en", { yearOf: "2026-03-04T10:05:00+08:00" })).toBe("Mar 2 2028 10:30");
  });

  it("keeps seconds when there are any", () => {
    expect(readableInstant("2026-03-08T23:59:59+08:00", "Asia/Shanghai", "zh-CN", { end: true })).toBe("3月8日 23:59:59 前");
  });

  describe("properties (date-fns in the zone as the oracle)", () => {
    it("reads the zone's wall clock as date-fns does", () => {
      fc.assert(
        fc.property(arbInstant, arbZoneName, (at, zoneName) => {
          const wall = new TZDate(at.getTime(), zoneName);
          const expected = format(wall, wall.getSeconds() === 0 ? "M月d日 HH:mm" : "M月d日 HH:mm:ss");
          expect(readableInstant(at.toISOString(), zoneName, "zh-CN", { yearOf: at.toISOString() })).toBe(expected);
        }),
      );
    });

    it("an end at the start of a zone-day reads as 24:00 of the day before", () => {
      fc.assert(
        fc.property(arbInstant, arbZoneName, (at, zoneName) => {
          const midnight = startOfDay(new TZDate(at.getTime(), zoneName));
          const dayBefore = addDays(midnight, -1);
          const text = readableInstant(new Date(midnight.getTime()).toISOString(), zoneName, "zh-CN", { end: true, yearOf: new Date(dayBefore.getTime()).toISOString() });
          expect(text).toBe(`${format(dayBefore, "M月d日")} 24:00 前`);
        }),
      );
    });
  });
});
