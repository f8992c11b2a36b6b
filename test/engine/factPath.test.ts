import fc from "fast-check";
import { Almanac } from "json-rules-engine";
import { describe, expect, it } from "vitest";
import { parseFactPath, readFactPath, type PathStep } from "../../src/engine/factPath.js";

const steps = (path: string): PathStep[] => {
  const parsed = parseFactPath(path);
  if ("error" in parsed) throw new Error(parsed.error.reason);
  return parsed.steps;
};

/** json-rules-engine's own reading of `path` on a fact: its Almanac with the default resolver (jsonpath-plus). */
async function libraryRead(fact: unknown, path: string): Promise<unknown> {
  return new Almanac().addFact("f", fact).factValue("f", {}, path);
}

describe("fact paths", () => {
  it("parses member and index steps", () => {
    expect(parseFactPath("$.items[0].unitPrice")).toEqual({ steps: ["items", 0, "unitPrice"] });
  });

  it.each(["$..x", "$.*", "$[?(@.a)]", "$['a']", "a.b", "$.__proto__.x", "$.constructor", "$.toString", "$"])("rejects %s", (path) => {
    expect(parseFactPath(path)).toHaveProperty("error");
  });

  it("reads own properties only", () => {
    expect(readFactPath(Object.create({ inherited: 1 }), steps("$.inherited"))).toBeUndefined();
    expect(readFactPath({ a: [1, { b: 2 }] }, steps("$.a[1].b"))).toBe(2);
  });

  // Mirrors json-rules-engine's test/condition.test.js "objects › .path": a path into an
  // array fact (there `$.[0].id`, outside our subset; `$[0].id` here), and "ignores path
  // when non-objects are returned by the fact". The rest are the shapes jsonpath-plus
  // reads as plain keys, which a stricter reader had made `undefined` (issue 10 (b)).
  it.each([
    [[{ id: 50 }, { id: 60 }], "$[0].id", 50],
    [50, "$[0].id", 50],
    [[1, 2, 3], "$.length", 3],
    [{ items: [1, 2] }, "$.items.length", 2],
    [{ code: "XY" }, "$.code[0]", "X"],
    [{ code: "XY" }, "$.code.length", 2],
    [{ byTier: { "1": "gold" } }, "$.byTier[1]", "gold"],
    ["abc", "$.length", "abc"],
    [{ s: "" }, "$.s.length", undefined],
    [{ n: 0 }, "$.n.x", undefined],
  ])("reads %j at %s as json-rules-engine does (%j)", async (fact, path, expected) => {
    expect(await libraryRead(fact, path)).toEqual(expected);
    expect(readFactPath(fact, steps(path))).toEqual(expected);
  });

  // Our reader replaces jsonpath-plus on the compiled path; on the supported subset it must
  // read every JSON value exactly as json-rules-engine does, arrays, strings and numeric
  // keys included.
  it("agrees with json-rules-engine's almanac on every JSON value and supported path", async () => {
    const key = fc.constantFrom("a", "b", "length", "0", "1");
    const json = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: "small" },
        fc.oneof(fc.integer({ min: -1, max: 2 }), fc.constantFrom("", "a", "xy"), fc.boolean(), fc.constant(null)),
        fc.array(tie("v"), { maxLength: 3 }),
        fc.dictionary(key, tie("v"), { maxKeys: 3 }),
      ),
    })).v;
    const step = fc.oneof(fc.constantFrom(".a", ".b", ".length"), fc.nat({ max: 2 }).map((i) => `[${i}]`));
    const path = fc.array(step, { minLength: 1, maxLength: 4 }).map((s) => `$${s.join("")}`);
    await fc.assert(
      fc.asyncProperty(json, path, async (value, p) => {
        const fact = JSON.parse(JSON.stringify(value)) as unknown;
        expect(readFactPath(fact, steps(p))).toEqual(await libraryRead(fact, p));
      }),
      { numRuns: Math.max(2000, Number(process.env.FC_NUM_RUNS ?? 0)) },
    );
  });
});

describe("fact names that reach Object.prototype", () => {
  it.each(["__defineGetter__", "toString", "valueOf", "hasOwnProperty", "constructor", "__proto__"])("%s is refused as a fact name and a path step", async (name) => {
    const { safeParseRuleSet } = await import("../../src/index.js");
    const ruleSet = (fact: string, path?: string) => ({ id: "p", version: "1", kind: "sla", effective: { from: "2026-01-01" }, rules: [{ name: "r", conditions: { all: [{ fact, operator: "equal", value: 1, ...(path ? { path } : {}) }] }, event: { type: "x" } }] });
    expect(safeParseRuleSet(ruleSet(name)).success).toBe(false);
    expect(safeParseRuleSet(ruleSet("a", `$.${name}`)).success).toBe(false);
  });
});
