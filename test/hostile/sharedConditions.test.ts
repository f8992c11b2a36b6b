import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { createDecider, createOperatorRegistry, safeLoadPolicy, safeParseRuleSet, type Issue } from "../../src/index.js";
import { lintPaths } from "../../src/tools/lint/lint.js";
import { MAX_EXPANDED_CONDITIONS } from "../../src/engine/checkReferences.js";
import { MAX_DECORATORS } from "../../src/engine/operators.js";

const leaf = { fact: "daysSinceDelivery", operator: "lessThanInclusive", value: 7 };

/** An eligibility rule set whose one rule uses shared condition `c0`. */
function ruleSet(conditions: Record<string, unknown>, rootCondition: unknown = { all: [{ condition: "c0" }] }) {
  return {
    id: "hostile-shared",
    version: "1",
    kind: "eligibility",
    effective: { from: "2026-01-01" },
    conditions,
    rules: [{
      name: "shared_rule",
      conditions: rootCondition,
      event: { type: "remedy.allowed", params: { remedy: "return", window: { days: 30 }, citation: { "zh-CN": "商家承诺", en: "merchant promise" } } },
    }],
  };
}

/** Level i uses level i+1 twice: 2^levels leaves once expanded, from a file of a few KB. */
function diamonds(levels: number) {
  const conditions: Record<string, unknown> = {};
  for (let i = 0; i < levels; i++) conditions[`c${i}`] = { all: [{ condition: `c${i + 1}` }, { any: [{ condition: `c${i + 1}` }, leaf] }] };
  conditions[`c${levels}`] = { all: [leaf] };
  return ruleSet(conditions);
}

/** c0 → c1 → … → c(n-1), each a reference to the next. */
function chain(n: number) {
  const conditions: Record<string, unknown> = {};
  for (let i = 0; i < n - 1; i++) conditions[`c${i}`] = { all: [{ condition: `c${i + 1}` }] };
  conditions[`c${n - 1}`] = { all: [leaf] };
  return ruleSet(conditions);
}

function policyFolder(rules: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "hostile-policy-"));
  writeFileSync(join(dir, "policy.json"), JSON.stringify({ id: "p", version: "1", extends: "default", layers: [{ name: "merchant", files: ["rules.json"] }] }));
  writeFileSync(join(dir, "rules.json"), JSON.stringify(rules));
  return dir;
}

const codes = (issues: readonly Issue[]) => issues.map((i) => `${i.code} ${i.path.join(".")}`);

describe("shared conditions that expand exponentially", () => {
  it("refuses a diamond per level as too_large, in milliseconds, from parse, load and lint alike", () => {
    const hostile = diamonds(40);
    expect(JSON.stringify(hostile).length).toBeLessThan(8000);
    const started = performance.now();
    const parsed = safeParseRuleSet(hostile, { lang: "en" });
    expect(parsed.success).toBe(false);
    expect(!parsed.success && codes(parsed.error.issues)).toContain("too_large rules.0.conditions");
    const dir = policyFolder(hostile);
    const loaded = safeLoadPolicy(dir);
    expect(!loaded.success && loaded.error.issues.find((i) => i.code === "too_large")).toMatchObject({ path: ["rules", 0, "conditions"], file: join(dir, "rules.json"), line: expect.any(Number) });
    const lint = lintPaths([dir]);
    expect(lint.issues.filter((i) => i.code === "too_large").map((i) => [i.file, i.path.join(".")])).toEqual(
      !loaded.success ? loaded.error.issues.filter((i) => i.code === "too_large").map((i) => [i.file, i.path.join(".")]) : [],
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("still loads shared conditions within the bound and decides with them", () => {
    // 2^6 leaves and the nodes above them: well under the bound.
    expect(2 ** 7 * 3).toBeLessThan(MAX_EXPANDED_CONDITIONS);
    const loaded = safeLoadPolicy(policyFolder(diamonds(6)));
    expect(loaded.success ? "loaded" : codes(loaded.error.issues)).toBe("loaded");
  });

  it("a chain of 5,000 references gives issues from every safe loader and swapPolicy, never a RangeError", () => {
    const hostile = chain(5000);
    const parsed = safeParseRuleSet(hostile, { lang: "en" });
    expect(!parsed.success && parsed.error.issues.map((i) => i.code)).toContain("too_large");
    const loaded = safeLoadPolicy(policyFolder(hostile));
    expect(!loaded.success && loaded.error.issues.map((i) => i.code)).toContain("too_large");
    const decider = createDecider();
    const swapped = decider.swapPolicy({ id: "p", version: "2", sanbaoTable: { document: undefined }, layers: [{ name: "m", statutory: false, ruleSets: [{ document: hostile }] }] } as never);
    expect(swapped.success).toBe(false);
    expect(decider.policy.id).not.toBe("p");
  });

  it("still names reference cycles, and every condition that leads into one", () => {
    const cyclic = ruleSet({ c0: { all: [{ condition: "c1" }] }, c1: { all: [{ condition: "c2" }] }, c2: { any: [{ condition: "c1" }, leaf] } });
    const parsed = safeParseRuleSet(cyclic, { lang: "en" });
    expect(!parsed.success && codes(parsed.error.issues).filter((c) => c.startsWith("condition_cycle"))).toEqual([
      "condition_cycle conditions.c0",
      "condition_cycle conditions.c1",
      "condition_cycle conditions.c2",
    ]);
    expect(!parsed.success && parsed.error.issues[0]!.message).toContain("c1 → c2 → c1");
  });
});

describe("the operator registry", () => {
  it("remembers no unknown operator name it was asked about", () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const registry = createOperatorRegistry();
    const ask = (round: number) => {
      for (let i = 0; i < 50_000; i++) registry.get(`unknown-operator-${round}-${i}-${"x".repeat(200)}`);
    };
    ask(0);
    gc();
    const before = process.memoryUsage().heapUsed;
    ask(1);
    ask(2);
    gc();
    // 100,000 names of ~230 characters: ~25 MB if remembered.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(5 << 20);
  });

  it("refuses an operator with thousands of decorators, which could never decide, and keeps a few", () => {
    const many = ruleSet({ c0: { all: [{ ...leaf, operator: `${"not:".repeat(6000)}lessThanInclusive` }] } });
    const parsed = safeParseRuleSet(many, { lang: "en" });
    expect(!parsed.success && parsed.error.issues.map((i) => [i.code, i.message.slice(-31)])).toEqual([["too_large", `has 6000 decorators (at most ${MAX_DECORATORS})`]]);
    const few = ruleSet({ c0: { all: [{ ...leaf, operator: `${"not:".repeat(MAX_DECORATORS)}lessThanInclusive` }] } });
    expect(safeParseRuleSet(few).success).toBe(true);
  });
});
