import { describe, expect, it } from "vitest";
import { formatInZone } from "../../src/time/formatInZone.js";
import { zone } from "../../src/time/zone.js";

describe("formatInZone before standard time", () => {
  it("spells a local mean time offset with its seconds (Shanghai LMT, tzdata: 8:05:43 until 1901)", () => {
    // 00:00:00Z plus 8 h 5 min 43 s, counted by hand.
    expect(formatInZone(new Date("1900-06-01T00:00:00Z"), zone("Asia/Shanghai"))).toBe("1900-06-01T08:05:43+08:05:43");
  });

  it("spells a negative one too (New York LMT −4:56:02 until 1883)", () => {
    expect(formatInZone(new Date("1880-01-01T12:00:00Z"), zone("America/New_York"))).toBe("1880-01-01T07:03:58-04:56:02");
  });

  it("keeps whole-minute offsets as they were", () => {
    expect(formatInZone(new Date("2026-03-08T16:00:00Z"), zone("Asia/Shanghai"))).toBe("2026-03-09T00:00:00+08:00");
    expect(formatInZone(new Date("2026-03-08T16:00:00Z"), zone("Asia/Kathmandu"))).toBe("2026-03-08T21:45:00+05:45");
  });
});
