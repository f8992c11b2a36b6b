import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plusHours } from "../../src/time/plusHours.js";
import { arbInstant } from "./arbitraries.js";
import * as reference from "./referenceTime.js";

describe("properties: plusHours equals date-fns addHours", () => {
  it("elapsed hours, whole or not, across DST changes", () => {
    fc.assert(
      fc.property(arbInstant, fc.oneof(fc.integer({ min: -10_000, max: 10_000 }), fc.double({ min: -1000, max: 1000, noNaN: true })), (at, hours) => {
        expect(plusHours(at, hours).getTime()).toBe(reference.plusHours(at, hours).getTime());
      }),
    );
  });
});
