import fc from "fast-check";
import { JSONPath } from "jsonpath-plus";
import { describe, expect, it } from "vitest";
import { parseFactPath, simplePathResolver } from "../../src/engine/factPath.js";

describe("fact paths", () => {
  it("parses member and index steps", () => {
    expect(parseFactPath("$.items[0].unitPrice")).toEqual({ steps: ["items", 0, "unitPrice"] });
  });

  it.each(["$..x", "$.*", "$[?(@.a)]", "$['a']", "a.b", "$.__proto__.x", "$.constructor", "$"])("rejects %s", (path) => {
    expect(parseFactPath(path)).toHaveProperty("error");
  });

  it("reads own properties only", () => {
    expect(simplePathResolver(Object.create({ inherited: 1 }), "$.inherited")).toBeUndefined();
    expect(() => simplePathResolver({}, "$.toString")).toThrow(/reserved/);
    expect(simplePathResolver({ a: [1, { b: 2 }] }, "$.a[1].b")).toBe(2);
  });

  // Our resolver replaces jsonpath-plus; on the supported subset they must agree.
  it("agrees with jsonpath-plus on the supported subset", () => {
    const key = fc.constantFrom("a", "b", "c");
    const json = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: "small" },
        fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null)),
        fc.array(tie("v"), { maxLength: 3 }),
        fc.dictionary(key, tie("v"), { maxKeys: 3 }),
      ),
    })).v;
    const step = fc.oneof(key.map((k) => `.${k}`), fc.nat({ max: 3 }).map((i) => `[${i}]`));
    const path = fc.array(step, { minLength: 1, maxLength: 4 }).map((steps) => `$${steps.join("")}`);
    fc.assert(
      fc.property(fc.dictionary(key, json, { minKeys: 1 }), path, (value, p) => {
        const plain = JSON.parse(JSON.stringify(value)) as object;
        // jsonpath-plus reads `.a` on arrays and `[0]` on objects as keys; our subset does
        // not (documented), so compare where the step kinds match the data.
        const expected = JSONPath({ path: p, json: plain, wrap: false });
        const ours = simplePathResolver(plain, p);
        if (ours !== undefined || !stepKindMismatch(plain, p)) expect(ours).toEqual(expected);
      }),
    );
  });
});

function stepKindMismatch(value: unknown, path: string): boolean {
  const parsed = parseFactPath(path);
  if ("error" in parsed) return true;
  let current = value;
  for (const s of parsed.steps) {
    if (current === null || typeof current !== "object") return false;
    if (typeof s === "number" ? !Array.isArray(current) : Array.isArray(current)) return true;
    current = (current as Record<string | number, unknown>)[s];
  }
  return false;
}

describe("fact names that reach Object.prototype", () => {
  it.each(["__defineGetter__", "toString", "valueOf", "hasOwnProperty", "constructor", "__proto__"])("%s is refused as a fact name and a path step", async (name) => {
    const { safeParseRuleSet } = await import("../../src/index.js");
    const ruleSet = (fact: string, path?: string) => ({ id: "p", version: "1", kind: "sla", effective: { from: "2026-01-01" }, rules: [{ name: "r", conditions: { all: [{ fact, operator: "equal", value: 1, ...(path ? { path } : {}) }] }, event: { type: "x" } }] });
    expect(safeParseRuleSet(ruleSet(name)).success).toBe(false);
    expect(safeParseRuleSet(ruleSet("a", `$.${name}`)).success).toBe(false);
  });
});
