import { halfEven, halfUp, down, up, multiply, transformScale } from "dinero.js";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { MAX_FEN } from "../src/case/caseSchema.js";
import { fen, percentOfFen, toFen, type RoundingMode } from "../src/money.js";

// Counts dinero's own multiply: the proof that the integer path ran (and when it did not).
const dineroCalls = vi.hoisted(() => ({ multiply: 0 }));
vi.mock("dinero.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("dinero.js")>();
  return { ...original, multiply: ((...args: Parameters<typeof original.multiply>) => (dineroCalls.multiply++, original.multiply(...args))) as typeof original.multiply };
});

// percentOfFen computes in integers what dinero's multiply + transformScale give (the
// oracle, called here directly), for every rounding mode.
const MODES = { halfUp, halfEven, up, down } as const;
const mode = fc.constantFrom(...(Object.keys(MODES) as RoundingMode[]));
const dineroPercent = (base: number, basisPoints: number, m: RoundingMode) => toFen(transformScale(multiply(fen(base), { amount: basisPoints, scale: 4 }), 2, MODES[m]));

describe("properties: money", () => {
  it("a percentage of an amount, in fen, is dinero's multiply and transformScale, and takes the integer path within 2^53", () => {
    let integer = 0;
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: MAX_FEN })),
        // basis points: whole and fractional percentages, 100 %, and beyond
        fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(1000, 1250, 3000, 5000, 10_000), fc.integer({ min: 10_001, max: 1_000_000 })),
        mode,
        (base, basisPoints, m) => {
          const expected = dineroPercent(base, basisPoints, m);
          const before = dineroCalls.multiply;
          expect(percentOfFen(base, basisPoints / 100, m)).toBe(expected);
          const usedDinero = dineroCalls.multiply > before;
          expect(usedDinero).toBe(basisPoints !== 10_000 && base * basisPoints > Number.MAX_SAFE_INTEGER);
          if (!usedDinero) integer++;
        },
      ),
      { numRuns: Math.max(3000, fc.readConfigureGlobal().numRuns ?? 0) },
    );
    expect(integer).toBeGreaterThan(2000);
  });

  it("100 % of an amount is the amount, as dinero gives it; halves round as each mode says", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_FEN }), mode, (amount, m) => {
      expect(percentOfFen(amount, 100, m)).toBe(amount);
    }));
    expect(percentOfFen(12_345, 10, "halfUp")).toBe(1235);
    expect(percentOfFen(12_345, 10, "down")).toBe(1234);
    expect(percentOfFen(5, 10, "halfEven")).toBe(0); // 0.5 fen to the even 0
    expect(percentOfFen(15, 10, "halfEven")).toBe(2); // 1.5 fen to the even 2
    expect(percentOfFen(15, 10, "halfUp")).toBe(2);
    expect(percentOfFen(11, 10, "up")).toBe(2);
  });
});
