import { describe, expect, it } from "vitest";
import { safeCompilePolicy, safeLoadPolicy } from "../../src/index.js";
import { defaultPolicyInput } from "../../src/policy/defaultPolicy.js";

describe("law is a floor: a merchant layer may not narrow a statutory window", () => {
  it("rejects a 5-day no-reason window at load, citing the statutory rule it would weaken", () => {
    const result = safeLoadPolicy("test/policy/bad-merchant-5-day", { lang: "en" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues).toEqual([
      expect.objectContaining({
        code: "below_statutory_floor",
        path: ["rules", 0, "event", "params", "window", "days"],
        file: "test/policy/bad-merchant-5-day/five-day-returns.json",
        line: 12,
        column: 53, // the "days" key of the window
        message: expect.stringMatching(/5-day return window is below the statutory 7-day return window \(cn-no-reason-return\/no_reason_return_within_7_days: 消费者权益保护法第二十五条/),
      }),
      expect.objectContaining({
        code: "below_statutory_floor",
        path: ["rules", 1, "conditions", "all", 0, "value"],
        line: 17,
        column: 89, // the "value" key of that condition
        message: expect.stringContaining("denying a return from day 6 cuts into the statutory 7-day return window"),
      }),
    ]);
  });

  it("rejects a denial counted from installation inside the statutory window too (issue 12 §7)", () => {
    const base = defaultPolicyInput();
    const document = {
      id: "installer", version: "1", kind: "eligibility", effective: { from: "2026-01-01" },
      rules: [{
        name: "no_exchange_after_day_5_from_installation",
        conditions: { all: [{ fact: "daysSinceInstallation", operator: "greaterThan", value: 5 }] },
        event: { type: "remedy.denied", params: { remedy: "exchange", code: "late", message: { "zh-CN": "x", en: "x" } } },
      }],
    };
    const result = safeCompilePolicy({ ...base, layers: [...base.layers, { name: "merchant", ruleSets: [{ document }] }] }, { lang: "en" });
    expect(result.success ? [] : result.error.issues.map((i) => [i.code, i.path.join(".")])).toEqual([["below_statutory_floor", "rules.0.conditions.all.0.value"]]);
  });

  it("accepts a merchant layer that extends the window", () => {
    expect(safeLoadPolicy("fixtures/policies/merchant-30-day").success).toBe(true);
  });
});
