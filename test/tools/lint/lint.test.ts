import { describe, expect, it } from "vitest";
import { lintPaths } from "../../../src/tools/lint/lint.js";

const at = (file: string) => lintPaths([`test/tools/lint/broken/${file}`], { lang: "en" }).issues;

describe("aftersales lint", () => {
  it("finds nothing wrong in the bundled policy", () => {
    const report = lintPaths(["rules"]);
    expect(report.files.length).toBe(8);
    expect(report.issues).toEqual([]);
  });

  it.each([
    ["unknown-fact.json", "unknown_fact", 14, 13, 'unknown fact "daysSinceDelivry"; did you mean "daysSinceDelivery"?'],
    ["unknown-event-type.json", "unknown_event_type", 21, 9, 'cannot fire "remedy.granted"; it may fire "remedy.allowed"'],
    ["bad-event-params.json", "invalid_event_params", 23, 11, 'expected one of "return"|"exchange"'],
    ["dead-rule.json", "dead_rule", 18, 11, "daysSinceDelivery lessThanInclusive 7 and daysSinceDelivery greaterThan 15 cannot both hold"],
    ["later-stage-fact.json", "fact_not_available", 14, 13, "decided by the eligibility stage, which runs after sla"],
  ])("%s → %s at %i:%i", (file, code, line, column, message) => {
    expect(at(file)).toEqual([expect.objectContaining({ code, severity: "error", line, column, message: expect.stringContaining(message) })]);
  });

  it("warns (without failing) about a rule shadowed by a broader one: the decision is the same", () => {
    const report = lintPaths(["test/tools/lint/broken/shadowed-rule.json"], { lang: "en" });
    expect(report.errorCount).toBe(0);
    expect(report.issues).toEqual([expect.objectContaining({ code: "shadowed_rule", severity: "warning", line: 33, column: 7, message: expect.stringContaining('rule "narrow" is shadowed by "broad"') })]);
  });

  it("flags a value outside the fact's values, and each such entry of an in-list", () => {
    expect(at("unknown-value.json")).toEqual([
      expect.objectContaining({ code: "unknown_value", severity: "error", line: 16, column: 13, message: expect.stringContaining('"customerTier" is never "VIP"') }),
      expect.objectContaining({ code: "unknown_value", severity: "error", line: 23, column: 15, message: expect.stringContaining('"customerTier" is never "Gold"') }),
    ]);
  });

  it("flags keys written twice, where the second one is", () => {
    expect(at("duplicate-key.json")).toEqual([
      expect.objectContaining({ code: "duplicate_key", path: ["version"], line: 4, column: 3 }),
      expect.objectContaining({ code: "duplicate_key", path: ["rules", 0, "conditions", "all", 0, "value"], line: 18, column: 13 }),
    ]);
  });

  it("flags, in a policy folder, what loading refuses: a layer name used twice", () => {
    expect(lintPaths(["test/policy/broken/duplicate-layer"]).issues).toEqual([
      expect.objectContaining({ code: "duplicate_layer", severity: "error", file: "test/policy/broken/duplicate-layer/policy.json", line: 5, column: 16 }),
    ]);
  });

  it("checks a bundled rule file linted alone in its own place, not as a second copy", () => {
    expect(lintPaths(["rules/statutory/cn-quality.json", "rules/platform/sla.json"]).issues).toEqual([]);
  });

  it("flags values whose type cannot match the fact's type", () => {
    expect(at("type-mismatch.json")).toEqual([
      expect.objectContaining({ code: "type_mismatch", line: 16, column: 13, message: expect.stringContaining('compares with "7", not a number') }),
      expect.objectContaining({ code: "type_mismatch", line: 38, column: 13, message: expect.stringContaining("on a string it tests substrings") }),
    ]);
  });

  it("warns (without failing) about a negative operator on a nullable fact", () => {
    const report = lintPaths(["test/tools/lint/broken/nullable-negative.json"]);
    expect(report.errorCount).toBe(0);
    expect(report.issues).toEqual([expect.objectContaining({ code: "negative_operator_on_nullable_fact", severity: "warning", line: 15, column: 13 })]);
  });

  it("rejects a merchant layer that narrows a statutory window, in policy mode", () => {
    const report = lintPaths(["test/policy/bad-merchant-5-day"]);
    expect(report.issues.map((i) => i.code)).toEqual(["below_statutory_floor", "below_statutory_floor"]);
    expect(report.issues[0]!.message).toContain("cn-no-reason-return/no_reason_return_within_7_days");
  });
});

describe("aftersales lint on mixed folders", () => {
  it("lints fixtures as fixtures and nested policy folders as policies", () => {
    const report = lintPaths(["fixtures"]);
    expect(report.issues).toEqual([]);
    expect(report.files).toContain("fixtures/policies/merchant-30-day/policy.json");
    expect(report.files.filter((f) => /fixtures\/\d{3}-/.test(f)).length).toBe(142);
  });
});

describe("aftersales lint --format github", () => {
  it("prints GitHub annotations with file, line and column", async () => {
    const { runCli } = await import("../../cli/run.js");
    const { code, stdout } = await runCli("lint", "test/tools/lint/broken/dead-rule.json", "--format", "github", "--lang", "en");
    expect(code).toBe(1);
    expect(stdout).toBe('::error file=test/tools/lint/broken/dead-rule.json,line=18,col=11,title=dead_rule::rules[0].conditions.all[1]: rule "never" can never fire: daysSinceDelivery lessThanInclusive 7 and daysSinceDelivery greaterThan 15 cannot both hold\n');
  });
});
