import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchPartial } from "../../../src/tools/compliance/matchPartial.js";

const refund = { kind: "refund", amount: { amount: 29900, currency: "CNY" } };
const coupon = { kind: "coupon", amount: { amount: 2990, currency: "CNY" } };

describe("matchPartial", () => {
  it("still requires a plain array to match in length and order", () => {
    expect(matchPartial([{ kind: "coupon" }], [refund, coupon])).toEqual([{ path: ["length"], expected: 1, actual: 2 }]);
    expect(matchPartial([{ kind: "coupon" }, { kind: "refund" }], [refund, coupon])).toHaveLength(2);
  });

  it("lets $contains find an item anywhere among others", () => {
    expect(matchPartial({ items: { $contains: [{ kind: "coupon", amount: { amount: 2990 } }] } }, { items: [refund, coupon] })).toEqual([]);
    expect(matchPartial({ $contains: [] }, [])).toEqual([]);
  });

  it("reports the item no element matches, at the array's path", () => {
    const expected = { kind: "coupon", amount: { amount: 2000 } };
    expect(matchPartial({ items: { $contains: [expected] } }, { items: [refund, coupon] })).toEqual([
      { path: ["items"], expected, actual: [refund, coupon], missing: true },
    ]);
  });

  it("needs a distinct element per item: two coupons are not met by one", () => {
    expect(matchPartial({ $contains: [{ kind: "coupon" }, { kind: "coupon" }] }, [refund, coupon])).toHaveLength(1);
  });

  it("finds an assignment where taking the first fit would not (a wide item before a narrow one)", () => {
    const a = { kind: "coupon", amount: 1 };
    const b = { kind: "coupon", amount: 2 };
    expect(matchPartial({ $contains: [{ kind: "coupon" }, { amount: 1 }] }, [a, b])).toEqual([]);
  });

  it("refuses $contains beside other keys or without an array, rather than ignoring it", () => {
    expect(matchPartial({ $contains: [coupon], kind: "x" }, [coupon])[0]).toMatchObject({ invalid: true });
    expect(matchPartial({ $contains: coupon }, [coupon])[0]).toMatchObject({ invalid: true });
    expect(matchPartial({ $contains: [coupon] }, { kind: "coupon" })).toHaveLength(1);
  });

  describe("properties", () => {
    const element = fc.record({ kind: fc.constantFrom("refund", "coupon", "shipping"), amount: fc.nat(100) });
    it("any subset of an array's elements, in any order, is contained", () => {
      fc.assert(
        fc.property(fc.array(element, { maxLength: 8 }).chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs))), ([xs, subset]) => {
          expect(matchPartial({ $contains: subset }, xs)).toEqual([]);
        }),
      );
    });
    it("an item equal to no element is reported missing, exactly once", () => {
      fc.assert(
        fc.property(fc.array(element, { maxLength: 8 }), fc.nat(100), (xs, amount) => {
          const absent = { kind: "voucher", amount };
          const found = matchPartial({ $contains: [...xs, absent] }, xs);
          expect(found).toEqual([{ path: [], expected: absent, actual: xs, missing: true }]);
        }),
      );
    });
  });
});
