import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CaseShape, Item, RequestLine } from "../../src/case/caseSchema.js";
import { compiledInParts } from "../../src/case/compiledInParts.js";
import { CASE_ARRAYS } from "../../src/case/parseCase.js";
import { arbCase } from "../arbitraries/case.js";
import { hostileJson, withValueAt } from "../arbitraries/hostile.js";

const numRuns = Math.max(3000, Number(process.env.FC_NUM_RUNS ?? 0));

/** Paths into the arrays compiledInParts checks element by element, and around them. */
const edgePaths = (c: unknown): (string | number)[][] => {
  const v = c as { order: { items: unknown[]; parcels?: unknown[] }; request: { lines?: unknown[] } };
  const paths: (string | number)[][] = [["order", "items"], ["order", "parcels"], ["request", "lines"], ["order"], ["request"], ["extra"], ["order", "extra"], ["request", "extra"]];
  v.order.items.forEach((_, i) => paths.push(["order", "items", i], ["order", "items", i, "sku"], ["order", "items", i, "flags"], ["order", "items", i, "extra"]));
  v.order.parcels?.forEach((_, i) => paths.push(["order", "parcels", i], ["order", "parcels", i, "lines"]));
  v.request.lines?.forEach((_, i) => paths.push(["request", "lines", i], ["request", "lines", i, "quantity"], ["request", "lines", i, "extra"]));
  return paths;
};
const value = fc.oneof(fc.constantFrom(undefined, null, 0, -1, 1.5, "", "x", [], {}, [{}], { sku: "s" }), hostileJson);
const nearCase = arbCase.chain((c) => fc.oneof(fc.constant(c as unknown), fc.tuple(fc.constantFrom(...edgePaths(c)), value).map(([path, v]) => withValueAt(c, path, v))));

describe("compiledInParts: the case's shape compiled in parts accepts what it compiled whole accepts", () => {
  const whole = z.compile(CaseShape, { strict: true });
  const parts = compiledInParts(CaseShape, CASE_ARRAYS);

  it("agrees with the whole validator on valid cases and on cases changed in or around their arrays", () => {
    let accepted = 0;
    fc.assert(
      fc.property(nearCase, (input) => {
        const expected = whole.validate(input);
        expect(parts(input)).toBe(expected);
        if (expected) accepted++;
      }),
      { numRuns },
    );
    // Both answers were exercised.
    expect(accepted).toBeGreaterThan(numRuns / 10);
    expect(accepted).toBeLessThan(numRuns * 0.95);
  });

  it("checks every element: a bad order line or request line anywhere in its array is refused", () => {
    const c = fc.sample(arbCase.filter((x) => (x.order.items.length > 2)), { numRuns: 1, seed: 7 })[0]!;
    expect(parts(c)).toBe(true);
    const last = c.order.items.length - 1;
    expect(parts(withValueAt(c, ["order", "items", last, "unitPrice"], -1))).toBe(false);
    expect(parts(withValueAt(c, ["request", "lines"], [{ line: "x" }, { line: "y", quantity: 0 }]))).toBe(false);
    expect(parts(withValueAt(c, ["request", "lines"], [{ line: "x" }, { line: "y", quantity: 2 }]))).toBe(true);
    expect(Item.safeParse(c.order.items[last]).success && RequestLine.safeParse({ line: "y", quantity: 2 }).success).toBe(true);
  });

  it("keeps each array's own checks (length, presence) in the shell", () => {
    const c = fc.sample(arbCase, { numRuns: 1, seed: 11 })[0]!;
    expect(parts(withValueAt(c, ["order", "items"], []))).toBe(false); // at least one line
    expect(parts(withValueAt(c, ["order", "items"], Array.from({ length: 201 }, () => c.order.items[0])))).toBe(false); // at most 200
    expect(parts(withValueAt(c, ["request", "lines"], undefined))).toBe(true); // optional
    // Present but undefined, and holes: as the whole decides (withValueAt goes through JSON, which has neither).
    const presentUndefined = { ...c, request: { ...c.request, lines: undefined } };
    expect(parts(presentUndefined)).toBe(whole.validate(presentUndefined));
    const holes = { ...c, order: { ...c.order, items: [, ...c.order.items] } }; // a hole first
    expect(parts(holes)).toBe(whole.validate(holes));
    expect(parts(holes)).toBe(false);
  });

  it("refuses a path that does not lead to an array, or to one whose elements are looked at together, so the caller compiles the whole", () => {
    expect(() => compiledInParts(CaseShape, [["order", "orderId"]])).toThrow(/not an array/);
    expect(() => compiledInParts(CaseShape, [["caseId", "x"]])).toThrow(/not an object/);
    // A refinement of the array would run on elements not yet checked.
    const refined = z.strictObject({ a: z.array(z.strictObject({ n: z.number() })).max(3).refine((xs) => xs.every((x) => x.n.toFixed(0) !== "")) });
    expect(() => compiledInParts(refined, [["a"]])).toThrow(/checks other than its length/);
    const onObject = z.strictObject({ o: z.strictObject({ a: z.array(z.number()) }).refine((o) => o.a.length > 0) });
    expect(() => compiledInParts(onObject, [["o", "a"]])).toThrow(/refinements on the object/);
    // Length checks alone are kept, and decided as the whole decides.
    const lengths = z.strictObject({ a: z.array(z.strictObject({ n: z.number() })).min(1).max(2) });
    const split = compiledInParts(lengths, [["a"]]);
    const together = z.compile(lengths, { strict: true });
    for (const v of [{ a: [] }, { a: [{ n: 1 }] }, { a: [{ n: 1 }, { n: 2 }, { n: 3 }] }, { a: [{ n: "1" }] }, { a: [{ n: 1, m: 2 }] }, { a: [{ n: 1 }], b: 1 }]) expect(split(v)).toBe(together.validate(v));
  });
});
