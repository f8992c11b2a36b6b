import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { compileRuleSet, parseRuleSetText, safeParseRuleSet, type Issue } from "../../src/index.js";

const numRuns = Math.max(10_000, Number(process.env.FC_NUM_RUNS ?? 0));
const valid = JSON.parse(readFileSync("rules/statutory/cn-quality.json", "utf8"));

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

const hostileKey = fc.constantFrom("__proto__", "constructor", "prototype", "all", "any", "not", "fact", "operator", "value", "path", "condition", "rules", "event", "type", "params", "priority", "name");
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom("$..x", "$[?(@.a > 1)]", "$.__proto__.polluted", "$.constructor.prototype", "error", "(a+)+$", "equal", "someFact:in", "not:not:equal", "", 0, -1, 2.7, "high", null, true, 1e308),
    fc.string({ maxLength: 40 }),
    fc.array(tie("v"), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie("v"), { maxKeys: 4 }),
  ),
})).v;

function expectLocatedIssues(issues: readonly Issue[]) {
  expect(issues.length).toBeGreaterThan(0);
  for (const i of issues) expect(typeof i.code === "string" && Array.isArray(i.path) && typeof i.message === "string").toBe(true);
}

describe("hostile rule files: load either succeeds or fails with located issues, in bounded time", () => {
  it("any text as a rule file", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), hostileValue.map((v) => JSON.stringify(v) ?? "")), (text) => {
        const result = parseRuleSetText(text, "hostile.json");
        if (!result.success) {
          expectLocatedIssues(result.error.issues);
          for (const i of result.error.issues) expect(i).toMatchObject({ file: "hostile.json", line: expect.any(Number), column: expect.any(Number) });
        }
      }),
      { numRuns },
    );
  });

  it("a valid rule set with any part replaced by hostile JSON", () => {
    const paths = [["rules", 0, "conditions"], ["rules", 0, "conditions", "all", 0], ["rules", 0, "conditions", "all", 0, "path"], ["rules", 0, "conditions", "all", 0, "fact"], ["rules", 0, "event"], ["rules", 0, "event", "type"], ["rules", 0, "priority"], ["conditions"], ["rules", 1], ["__proto__"]];
    fc.assert(
      fc.property(fc.constantFrom(...paths), hostileValue, (path, value) => {
        const broken = JSON.parse(JSON.stringify(valid));
        let target: any = broken;
        for (const k of path.slice(0, -1)) target = target[k];
        Object.defineProperty(target, path.at(-1)!, { value, enumerable: true, configurable: true, writable: true });
        const doc = JSON.parse(JSON.stringify(broken));
        const result = safeParseRuleSet(doc);
        if (!result.success) return expectLocatedIssues(result.error.issues);
        // Whatever loads must also compile and run without surprises on empty facts.
        const compiled = compileRuleSet(doc, { allowUndefinedFacts: true });
        expect(() => compiled.run({})).not.toThrow(TypeError);
      }),
      { numRuns },
    );
  });

  it("refuses deep nesting and oversized rule sets with a located issue, quickly", () => {
    for (const depth of [100, 10_000, 200_000]) {
      const text = `{"id":"d","version":"1","kind":"sla","effective":{"from":"2026-01-01"},"rules":[{"name":"r","conditions":${'{"not":'.repeat(depth)}{"fact":"x","operator":"equal","value":1}${"}".repeat(depth)},"event":{"type":"x"}}]}`;
      const started = performance.now();
      const result = parseRuleSetText(text, "deep.json");
      expect(performance.now() - started).toBeLessThan(2000);
      expect(result.success).toBe(false);
      if (!result.success) expect(result.error.issues[0]).toMatchObject({ code: "too_large", file: "deep.json", line: 1 });
    }
    const many = { id: "m", version: "1", kind: "sla", effective: { from: "2026-01-01" }, rules: Array.from({ length: 5000 }, (_, i) => ({ name: `r${i}`, conditions: { all: [{ fact: "x", operator: "equal", value: i }] }, event: { type: "x" } })) };
    const started = performance.now();
    const compiled = compileRuleSet(many, { trace: false });
    expect(compiled.run({ x: 4321 }).events.map((e) => e.rule)).toEqual(["r4321"]);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("rejects prototype-reaching names and paths, and emitter event types", () => {
    const withFact = (fact: string, path?: string) => ({ ...valid, rules: [{ name: "r", conditions: { all: [{ fact, operator: "equal", value: 1, ...(path ? { path } : {}) }] }, event: { type: "x" } }] });
    for (const doc of [withFact("__proto__"), withFact("constructor"), withFact("a", "$.__proto__.polluted"), withFact("a", "$.constructor.prototype"), { ...valid, rules: [{ ...valid.rules[0], event: { type: "error" } }] }]) {
      const result = safeParseRuleSet(doc);
      expect(result.success).toBe(false);
    }
  });
});
