import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileRuleSet, createDecider, explain, failedConditions } from "../../src/index.js";
import { runCli } from "../cli/run.js";
import { loadPolicy } from "../../src/policy/loadPolicy.js";

const earphones = JSON.parse(readFileSync("examples/earphones-noise-day3.json", "utf8"));
const decision = createDecider({ clock: () => new Date("2026-03-04T10:05:00+08:00") }).decide(earphones);

describe("explain", () => {
  it("shows why the no-reason basis failed for used earphones while the quality basis fired", () => {
    const text = explain(decision, { lang: "en" });
    const returnSection = text.slice(text.indexOf("Return: allowed"), text.indexOf("Exchange:"));
    expect(returnSection).toContain("✔ fired  statutory-cn/quality_return_within_7_days");
    expect(returnSection).toContain("✘ nearly fired  statutory-cn/no_reason_return_within_7_days  (1 failed)\n      goodsIntact equal true — was false");
  });

  it("shows a lifetime-repair promise under repair, as the basis that fired (fixture 145)", () => {
    const fx = JSON.parse(readFileSync("fixtures/145-promise-lifetime-repair-acme-after-two-years.json", "utf8"));
    const promised = createDecider({ policy: loadPolicy("fixtures/policies/merchant-promises"), clock: () => new Date(fx.now) }).decide(fx.case);
    const text = explain(promised, { lang: "en" });
    const repairSection = text.slice(text.indexOf("Repair: allowed"), text.indexOf("Refund only:"));
    expect(repairSection).toContain("✔ fired  merchant/acme_lifetime_repair");
  });

  it("speaks zh-CN by default", () => {
    expect(explain(decision)).toContain("退货: 可以 (2026-03-09T00:00:00+08:00)");
  });

  it("reports failed leaves through any, not and shared conditions", () => {
    const rules = compileRuleSet({
      id: "t", version: "1", kind: "eligibility", effective: { from: "2026-01-01" },
      conditions: { late: { all: [{ fact: "days", operator: "greaterThan", value: 7 }] } },
      rules: [{ name: "r", conditions: { all: [{ any: [{ fact: "a", operator: "equal", value: 1 }, { fact: "a", operator: "equal", value: 2 }] }, { not: { condition: "late" } }] }, event: { type: "x" } }],
    });
    const [trace] = rules.run({ a: 3, days: 9 }).trace;
    expect(failedConditions(trace!.conditions)).toEqual([
      { fact: "a", operator: "equal", expected: 1, actual: 3, negated: false },
      { fact: "a", operator: "equal", expected: 2, actual: 3, negated: false },
      { fact: "days", operator: "greaterThan", expected: 7, actual: 9, negated: true },
    ]);
  });

  it("is on the command line", async () => {
    const { code, stdout } = await runCli("explain", "examples/earphones-noise-day3.json", "--now", "2026-03-04T10:05:00+08:00", "--lang", "en");
    expect(code).toBe(0);
    expect(stdout).toContain("✘ nearly fired  statutory-cn/no_reason_return_within_7_days");
  });
});
