import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plusMinutes } from "../../src/time/plusMinutes.js";
import { arbInstant } from "./arbitraries.js";
import * as reference from "./referenceTime.js";

describe("properties: plusMinutes equals date-fns addMinutes", () => {
  it("elapsed minutes", () => {
    fc.assert(
      fc.property(arbInstant, fc.integer({ min: -600_000, max: 600_000 }), (at, minutes) => {
        expect(plusMinutes(at, minutes).getTime()).toBe(reference.plusMinutes(at, minutes).getTime());
      }),
    );
  });
});
