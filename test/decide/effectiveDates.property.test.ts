import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePolicy, createDecider } from "../../src/index.js";
import { defaultPolicyInput } from "../../src/policy/defaultPolicy.js";
import type { InForceAt, PolicyInput } from "../../src/policy/policy.js";
import { arbCase } from "../arbitraries/case.js";

// Effective dates as properties: a non-statutory rule set fires only when the order's or the
// request's civil date (Asia/Shanghai) is inside its dates (the order's alone with
// inForceAt "order"); the statutory layer applies whatever its dates say.
const DAY = 86_400_000;
const base = defaultPolicyInput();
const shanghaiDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** A compensation rule that fires on every case, dated from `from` to `to` (inclusive). */
function alwaysFires(from: string, to?: string) {
  return {
    id: "dated", version: "1", kind: "compensation", effective: to === undefined ? { from } : { from, to },
    rules: [{ name: "dated_points", conditions: { all: [{ fact: "orderValue", operator: "greaterThanInclusive", value: 0 }] }, event: { type: "compensation.item", params: { option: "dated", optionLabel: { "zh-CN": "积分", en: "Points" }, kind: "points", fixed: 1, label: { "zh-CN": "积分", en: "Points" } } } }],
  };
}

function policyWith(document: unknown, inForceAt: InForceAt | undefined, statutoryDates?: { from: string; to: string }): PolicyInput {
  const layers = base.layers.map((l) =>
    l.statutory && statutoryDates ? { ...l, ruleSets: l.ruleSets.map((s) => ({ document: { ...(s.document as object), effective: statutoryDates } })) } : l,
  );
  return { ...base, inForceAt, layers: [...layers, { name: "merchant", ruleSets: [{ document }] }] };
}

const clock = () => new Date("2030-01-01T00:00:00+08:00");
// Days from 2025-12-01 to 2027-06-30: the arbitrary cases are placed and reported in 2026.
const arbDay = fc.integer({ min: Date.UTC(2025, 11, 1) / DAY, max: Date.UTC(2027, 5, 30) / DAY });

describe("properties: effective dates", () => {
  it("a rule set fires exactly when the order's or (by default) the request's date is in force", () => {
    fc.assert(
      fc.property(arbCase, arbDay, fc.nat(120), fc.boolean(), fc.constantFrom<InForceAt | undefined>(undefined, "orderOrRequest", "order"), (c, fromDay, length, open, inForceAt) => {
        const from = isoDay(fromDay);
        const to = open ? undefined : isoDay(fromDay + length);
        const decider = createDecider({ policy: compilePolicy(policyWith(alwaysFires(from, to), inForceAt)), clock, trace: false });
        const inForce = (date: string) => date >= from && (to === undefined || date <= to);
        const expected = inForce(shanghaiDate(c.order.placedAt)) || (inForceAt !== "order" && inForce(shanghaiDate(c.reportedAt)));
        const d = decider.decide(c);
        expect(d.compensation.options.some((o) => o.id === "dated")).toBe(expected);
        expect(d.policy.ruleSets.includes("dated@1")).toBe(expected);
        expect(d.policy.notInForce).toEqual(expected ? [] : ["dated@1"]);
      }),
      { numRuns: 60 },
    );
  });

  it("the statutory layer applies to every case, whatever its dates say", () => {
    const dated = createDecider({ policy: compilePolicy(policyWith(alwaysFires("2026-01-01"), undefined, { from: "2000-01-01", to: "2000-01-02" })), clock, trace: false });
    const undated = createDecider({ policy: compilePolicy(policyWith(alwaysFires("2026-01-01"), undefined)), clock, trace: false });
    fc.assert(
      fc.property(arbCase, (c) => {
        const d = dated.decide(c);
        expect(d.policy.notInForce).toEqual([]);
        expect(d.lines).toEqual(undated.decide(c).lines);
      }),
      { numRuns: 40 },
    );
  });
});
