import { halfEven, halfUp, down, up, multiply, transformScale } from "dinero.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_FEN } from "../src/case/caseSchema.js";
import { fen, percentOf, toFen } from "../src/money.js";

// percentOf takes 100 % of an amount as the amount itself (no multiply and rescale): proved
// equal to dinero's own multiply + transformScale, the general path, for every rounding mode.
const MODES = { halfUp, halfEven, up, down } as const;

describe("properties: money", () => {
  it("100 % of an amount is the amount, as dinero's multiply and transformScale give it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FEN }), fc.constantFrom(...(Object.keys(MODES) as (keyof typeof MODES)[])), (amount, mode) => {
        const general = toFen(transformScale(multiply(fen(amount), { amount: 10_000, scale: 4 }), 2, MODES[mode]));
        expect(toFen(percentOf(fen(amount), 100, mode))).toBe(general);
        expect(general).toBe(amount);
      }),
    );
  });

  it("other percentages still take the general path (10 % of 12345 fen, half-up, is 1235)", () => {
    expect(toFen(percentOf(fen(12_345), 10, "halfUp"))).toBe(1235);
    expect(toFen(percentOf(fen(12_345), 10, "down"))).toBe(1234);
  });
});
