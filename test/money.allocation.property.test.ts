import { allocate, dinero } from "dinero.js";
import { CNY } from "dinero.js/currencies";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { MAX_FEN } from "../src/case/caseSchema.js";
import { allocateFen, allocateFenInKeyOrder } from "../src/money.js";

// Counts dinero's own allocate: the proof that the integer path ran (and when it did not).
const dineroCalls = vi.hoisted(() => ({ allocate: 0 }));
vi.mock("dinero.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("dinero.js")>();
  return { ...original, allocate: ((...args: Parameters<typeof original.allocate>) => (dineroCalls.allocate++, original.allocate(...args))) as typeof original.allocate };
});

/** The oracle: dinero.js `allocate` itself, in fen (all-zero weights split evenly, as allocateFen documents). */
function dineroShares(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const ratios = weights.some((w) => w > 0) ? [...weights] : weights.map(() => 1);
  return allocate(dinero({ amount: total, currency: CNY }), ratios).map((d) => d.toJSON().amount);
}

const weight = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: MAX_FEN }));
const total = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: MAX_FEN }));

describe("properties: allocation in fen equals dinero.js allocate", () => {
  it("gives dinero's shares, fen for fen, ties included, and takes the integer path within 2^53", () => {
    let integer = 0;
    fc.assert(
      fc.property(total, fc.oneof(fc.array(weight, { minLength: 1, maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 60, maxLength: 90 })), (t, ws) => {
        const before = dineroCalls.allocate;
        const shares = allocateFen(t, ws);
        const usedDinero = dineroCalls.allocate > before;
        const largest = Math.max(...ws.some((w) => w > 0) ? ws : ws.map(() => 1));
        const sumOfWeights = ws.some((w) => w > 0) ? ws.reduce((s, w) => s + w, 0) : ws.length;
        const withinExact = ws.length === 1 || t * largest + sumOfWeights <= Number.MAX_SAFE_INTEGER;
        expect(usedDinero).toBe(!withinExact);
        if (!usedDinero) integer++;
        expect(shares).toEqual(dineroShares(t, ws));
        if (withinExact) expect(shares.reduce((s, x) => s + x, 0)).toBe(t);
      }),
      { numRuns: Math.max(2000, fc.readConfigureGlobal().numRuns ?? 0) },
    );
    expect(integer).toBeGreaterThan(1000);
  });

  it("hands a remainder fen to the largest weights first, then among equals by key, whatever the listing order", () => {
    expect(allocateFen(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateFen(10, [1, 2])).toEqual([3, 7]);
    expect(allocateFen(7, [0, 0])).toEqual([4, 3]);
    expect(allocateFenInKeyOrder(100, [1, 1, 1], ["c", "a", "b"])).toEqual([33, 34, 33]);
    fc.assert(
      fc.property(total, fc.uniqueArray(fc.tuple(fc.string(), weight), { minLength: 1, maxLength: 80, selector: ([k]) => k }), (t, pairs) => {
        const shares = allocateFenInKeyOrder(t, pairs.map(([, w]) => w), pairs.map(([k]) => k));
        const reversed = [...pairs].reverse();
        const again = allocateFenInKeyOrder(t, reversed.map(([, w]) => w), reversed.map(([k]) => k));
        expect([...again].reverse()).toEqual(shares);
      }),
    );
  });
});
