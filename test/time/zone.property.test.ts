import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { zone } from "../../src/time/zone.js";
import { arbInstant, arbZoneName, TRANSITIONS, ZONES } from "./arbitraries.js";
import * as reference from "./referenceTime.js";

const BUCKET = 900_000;
const TABLE_SPAN = 65_536 * BUCKET; // instants this far apart share a slot of the offset table

describe("zone", () => {
  it("is one shared object per name, so a decider per request builds no offset table", () => {
    for (const name of ZONES) expect(zone(name)).toBe(zone(name));
    expect(zone("Asia/Shanghai")).not.toBe(zone("UTC"));
  });

  it("keeps the name as given (decisions echo it) and reads the same offsets for another spelling", () => {
    const spelled = zone("asia/shanghai");
    expect(spelled.name).toBe("asia/shanghai");
    expect(spelled.offsetMinutes(Date.parse("2026-03-01T00:00:00Z"))).toBe(480);
  });

  it("rejects an unknown zone with a RangeError naming it", () => {
    expect(() => zone("Mars/Olympus_Mons")).toThrow(new RangeError('Unknown time zone "Mars/Olympus_Mons"'));
  });
});

describe("properties: zone offsets equal the wall clock Intl shows", () => {
  it("at any instant", () => {
    fc.assert(
      fc.property(arbZoneName, arbInstant, (name, at) => {
        expect(zone(name).offsetMinutes(at.getTime())).toBe(reference.offsetMinutes(at, reference.zone(name)));
      }),
    );
  });

  it("whatever was read before: instants sharing a table slot, either side of a transition, in any order", () => {
    // Near a DST change, and the same instants one table span away, so a slot is overwritten
    // by another bucket's offset between reads.
    const arbNearTransition = fc.tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -2 * 3_600_000, max: 2 * 3_600_000 }), fc.integer({ min: -2, max: 2 }));
    fc.assert(
      fc.property(arbZoneName, fc.array(arbNearTransition, { minLength: 1, maxLength: 30 }), (name, reads) => {
        const z = zone(name);
        const r = reference.zone(name);
        for (const [transition, delta, spans] of reads) {
          const ms = transition + delta + spans * TABLE_SPAN;
          const at = ms - (((ms % 1000) + 1000) % 1000);
          expect(z.offsetMinutes(at)).toBe(reference.offsetMinutes(new Date(at), r));
        }
      }),
    );
  });
});
