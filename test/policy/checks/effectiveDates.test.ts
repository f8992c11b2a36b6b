import { describe, expect, it } from "vitest";
import { checkEffectiveDates } from "../../../src/policy/checks/effectiveDates.js";
import { checkPolicy } from "../../../src/policy/checkPolicy.js";
import { defaultPolicyInput } from "../../../src/policy/defaultPolicy.js";

const dated = (version: string, from: string, to?: string, statutory = false) => ({ ruleSet: { id: "promo", version, effective: to === undefined ? { from } : { from, to } }, statutory });

describe("effective dates between versions of one rule set", () => {
  it("warns about the days no version is in force, at the later version's from", () => {
    expect(checkEffectiveDates([dated("nov", "2025-11-01", "2025-11-30"), dated("jan", "2026-01-01", "2026-01-31")])).toEqual([
      [],
      [{ code: "effective_dates", path: ["effective", "from"], params: { problem: "gap", id: "promo", version: "jan", previous: "nov", from: "2025-12-01", to: "2025-12-31" } }],
    ]);
  });

  it("takes back-to-back versions (to and the next from on consecutive days) as neither gap nor overlap", () => {
    expect(checkEffectiveDates([dated("2", "2026-01-01"), dated("1", "2025-11-01", "2025-12-31")])).toEqual([[], []]);
  });

  it("warns about the days two versions are both in force, in either file order", () => {
    expect(checkEffectiveDates([dated("2", "2025-11-15"), dated("1", "2025-11-01", "2025-11-30")])).toEqual([
      [{ code: "effective_dates", path: ["effective", "from"], params: { problem: "overlap", id: "promo", version: "2", other: "1", from: "2025-11-15", to: "2025-11-30" } }],
      [],
    ]);
    expect(checkEffectiveDates([dated("1", "2025-11-01"), dated("2", "2026-01-01")])[1]).toEqual([
      { code: "effective_dates", path: ["effective", "from"], params: { problem: "overlap", id: "promo", version: "2", other: "1", from: "2026-01-01" } },
    ]);
  });

  it("says a statutory rule set's end date is ignored, and compares no statutory versions", () => {
    expect(checkEffectiveDates([dated("1", "2024-07-01", "2025-01-01", true), dated("2", "2026-01-01", undefined, true)])).toEqual([
      [{ code: "effective_dates", path: ["effective", "to"], params: { problem: "statutory_end_ignored", id: "promo", to: "2025-01-01" } }],
      [],
    ]);
  });

  it("is one of checkPolicy's checks: versions of one id load, with the gap as a warning; the same version twice is refused", () => {
    const rule = { name: "r", conditions: { all: [{ fact: "orderValue", operator: "greaterThan", value: 0 }] }, event: { type: "compensation.item", params: { option: "p", optionLabel: { "zh-CN": "积分", en: "Points" }, kind: "points", fixed: 1, label: { "zh-CN": "积分", en: "Points" } } } };
    const doc = (version: string, from: string, to: string) => ({ document: { id: "promo", version, kind: "compensation", effective: { from, to }, rules: [rule] } });
    const base = defaultPolicyInput();
    const check = checkPolicy({ ...base, layers: [...base.layers, { name: "merchant", ruleSets: [doc("nov", "2025-11-01", "2025-11-30"), doc("jan", "2026-01-01", "2026-01-31")] }] });
    expect(check.valid).toBeDefined();
    expect(check.issues.map((i) => [i.code, i.params])).toEqual([["effective_dates", expect.objectContaining({ problem: "gap", from: "2025-12-01", to: "2025-12-31" })]]);
    const twice = checkPolicy({ ...base, layers: [...base.layers, { name: "merchant", ruleSets: [doc("nov", "2025-11-01", "2025-11-30"), doc("nov", "2025-11-01", "2025-11-30")] }] });
    expect(twice.valid).toBeUndefined();
    expect(twice.issues.map((i) => i.code)).toContain("duplicate_rule_set");
  });

  it("refuses a rule set whose end is before its start (it could never apply)", () => {
    const base = defaultPolicyInput();
    const check = checkPolicy({ ...base, layers: [...base.layers, { name: "m", ruleSets: [{ document: { id: "x", version: "1", kind: "compensation", effective: { from: "2025-11-30", to: "2025-11-01" }, rules: [{ name: "r", conditions: { all: [{ fact: "orderValue", operator: "greaterThan", value: 0 }] }, event: { type: "compensation.item", params: { option: "p", optionLabel: { "zh-CN": "积分", en: "Points" }, kind: "points", fixed: 1, label: { "zh-CN": "积分", en: "Points" } } } }] } }] }] });
    expect(check.issues).toEqual([expect.objectContaining({ code: "invalid_input", path: ["effective", "to"], params: { rule: "effective_to_before_from" } })]);
  });
});
