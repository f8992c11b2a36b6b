import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AftersalesError, PolicyError } from "../../src/_lib/errors.js";
import { finalizeIssues, messageOf } from "../../src/_lib/issueMessages.js";
import { DEFAULT_LANG, SEVERITY, type Issue, type RawIssue } from "../../src/_lib/issues.js";
import { CaseValidationError } from "../../src/case/caseValidationError.js";
import { parseCase, safeParseCase } from "../../src/case/parseCase.js";
import { createDecider, explain, RuleEvaluationError, safeLoadPolicy, safeParseRuleSet } from "../../src/index.js";
import { parseLang } from "../../src/cli/io.js";
import { lintPaths } from "../../src/tools/lint/lint.js";

// Issue 10: one result, one error base class, issues typed per code with messages built late
// in the caller's language.

const CJK = /[\u4e00-\u9fff]/;
const corpora = ["test/policy/broken", "test/tools/lint/broken", "test/engine/bad-rule-files"].flatMap((dir) => readdirSync(dir).map((f) => join(dir, f)));

describe("issues are data; their messages are written late, in the language asked for", () => {
  const raw = lintPaths(corpora).issues;

  it("the broken corpora reach most codes (so what follows is not vacuous)", () => {
    expect(new Set(raw.map((i) => i.code)).size).toBeGreaterThanOrEqual(18);
  });

  it("the same issues in zh-CN and en differ only in their messages", () => {
    const zh = lintPaths(corpora, { lang: "zh-CN" }).issues;
    const en = lintPaths(corpora, { lang: "en" }).issues;
    const withoutMessage = (issues: readonly Issue[]) => issues.map(({ message: _m, ...rest }) => rest);
    expect(withoutMessage(zh)).toEqual(withoutMessage(en));
    zh.forEach((issue, i) => {
      expect(issue.message.length).toBeGreaterThan(0);
      expect(en[i]!.message.length).toBeGreaterThan(0);
      // Our own codes are written in Chinese for zh-CN and never in Chinese for en (a citation
      // quoted inside one is Chinese either way); zod's codes come from zod's two locales.
      if (!("zod" in (issue.params as object)) && issue.code !== "below_statutory_floor") {
        expect(issue.message).toMatch(CJK);
        expect(en[i]!.message).not.toMatch(CJK);
      }
    });
  });

  it("every message is built from the issue's params: the values it names appear in it", () => {
    for (const issue of lintPaths(corpora, { lang: "en" }).issues) {
      const p = issue.params as Record<string, unknown>;
      for (const key of ["fact", "operator", "condition", "name", "id", "type", "key"]) {
        if (typeof p[key] === "string") expect(issue.message).toContain(p[key]);
      }
    }
  });

  it("severity comes from the one SEVERITY table", () => {
    for (const issue of raw) expect(issue.severity).toBe(SEVERITY[issue.code]);
  });

  it("finalizing is the catalogue's message for the code and params, and nothing else", () => {
    const one: RawIssue = { code: "unknown_fact", path: ["rules", 0], params: { fact: "dayz", suggestion: "days" } };
    expect(finalizeIssues([one], "en")).toEqual([{ ...one, severity: "error", message: 'unknown fact "dayz"; did you mean "days"? (the documented facts: docs/rule-format.md)' }]);
    expect(messageOf(one, "zh-CN")).toBe('未知事实 "dayz"；是否想写 "days"？（事实清单见 docs/rule-format.md）');
  });
});

describe("one error class, one result shape", () => {
  const badCase = { caseId: 42 };

  it("every error is an AftersalesError with a code and its issues, in the caller's language", () => {
    const zh = safeParseCase(badCase);
    const en = safeParseCase(badCase, { lang: "en" });
    if (zh.success || en.success) throw new Error("expected a refusal");
    expect(zh.error).toBeInstanceOf(CaseValidationError);
    expect(zh.error).toBeInstanceOf(AftersalesError);
    expect(zh.error).toMatchObject({ code: "invalid_case", lang: "zh-CN", name: "CaseValidationError" });
    expect(en.error.lang).toBe("en");
    expect(zh.error.message).toMatch(/^案件不符合输入约定:/);
    expect(en.error.message).toMatch(/^Invalid case:/);
    expect(en.error.issues.map((i) => i.path)).toEqual(zh.error.issues.map((i) => i.path));
  });

  it("inLang gives the same error (class, code, paths, stack) in the other language", () => {
    let thrown: unknown;
    try {
      parseCase(badCase);
    } catch (e) {
      thrown = e;
    }
    const zh = thrown as CaseValidationError;
    const en = zh.inLang("en");
    expect(en).toBeInstanceOf(CaseValidationError);
    expect(en).not.toBe(zh);
    expect(en.stack).toBe(zh.stack);
    expect(en.issues).toEqual(safeParseCase(badCase, { lang: "en" }).success ? [] : (safeParseCase(badCase, { lang: "en" }) as { error: CaseValidationError }).error.issues);
    expect(zh.inLang("zh-CN")).toBe(zh);
    // The raw issues it keeps for that stay out of JSON and logs; JSON has the written ones.
    expect(Object.keys(JSON.parse(JSON.stringify(zh)))).toEqual(["name", "code", "lang", "message", "issues"]);
    expect(JSON.parse(JSON.stringify(en)).issues).toEqual(JSON.parse(JSON.stringify(en.issues)));
  });

  it("safe* functions return { success, data, warnings } or { success: false, error }", () => {
    const decided = createDecider({ clock: () => new Date("2026-03-04T10:00:00+08:00") }).safeDecide(badCase);
    expect(decided).toMatchObject({ success: false, error: { code: "invalid_case" } });
    const policy = safeLoadPolicy("rules");
    expect(policy).toMatchObject({ success: true, warnings: [] });
    const refused = safeLoadPolicy("test/policy/broken/vip-tier");
    expect(refused.success ? undefined : refused.error).toBeInstanceOf(PolicyError);
    const ruleSet = safeParseRuleSet({ id: "x" }, { lang: "en" });
    expect(ruleSet.success ? undefined : ruleSet.error).toMatchObject({ code: "invalid_policy", lang: "en" });
  });

  it("a rule that fails while deciding gives a RuleEvaluationError in the decider's language", () => {
    const error = new RuleEvaluationError({ code: "undefined_fact", path: [], params: { fact: "x" } }, { fact: "x" });
    expect(error).toBeInstanceOf(AftersalesError);
    expect(error.message).toContain("未定义的事实：x");
    expect(error.inLang("en").message).toContain("Undefined fact: x");
    expect(error.inLang("en").fact).toBe("x");
  });
});

describe("one default language", () => {
  it("the decider, explain, the CLI and every issue start from DEFAULT_LANG (zh-CN)", () => {
    expect(DEFAULT_LANG).toBe("zh-CN");
    expect(parseLang(undefined)).toBe(DEFAULT_LANG);
    const decider = createDecider({ clock: () => new Date("2026-03-04T10:00:00+08:00") });
    const refused = decider.safeDecide({ caseId: 42 });
    expect(refused.success ? undefined : refused.error.lang).toBe(DEFAULT_LANG);
    const c = {
      caseId: "c", reportedAt: "2026-03-04T10:00:00+08:00",
      order: { orderId: "o", currency: "CNY", placedAt: "2026-03-01T10:00:00+08:00", deliveredAt: "2026-03-02T10:00:00+08:00", paidAmount: 100, items: [{ sku: "a", category: "apparel", unitPrice: 100, quantity: 1 }] },
      request: { type: "return", reason: "no_reason", goodsCondition: "unopened" }, customer: { id: "c", tier: "normal" },
    };
    const decision = decider.decide(c);
    expect(explain(decision)).toBe(explain(decision, { lang: DEFAULT_LANG }));
    expect(explain(decision)).not.toBe(explain(decision, { lang: "en" }));
  });
});
