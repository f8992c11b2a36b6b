import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseRuleSetText } from "../../src/engine/parseRuleSetText.js";

const load = (name: string) => {
  const file = `test/engine/bad-rule-files/${name}`;
  const result = parseRuleSetText(readFileSync(file, "utf8"), file, { lang: "en" });
  if (result.success) throw new Error(`${name} was expected to be rejected`);
  return result.error.issues;
};

describe("bad rule files give located issues", () => {
  it("names an unknown operator with its path, line and column, and suggests the near miss", () => {
    const [issue, ...rest] = load("unknown-operator.json");
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      code: "unknown_operator",
      path: ["rules", 0, "conditions", "all", 0, "operator"],
      file: "test/engine/bad-rule-files/unknown-operator.json",
      line: 9,
      column: 62, // the "operator" value "greaterThen"
    });
    expect(issue!.message).toContain('did you mean "greaterThan"');
  });

  it("rejects a duplicate rule name at the second rule's name", () => {
    expect(load("duplicate-name.json")).toEqual([
      expect.objectContaining({ code: "duplicate_rule_name", path: ["rules", 1, "name"], line: 8, column: 7 }),
    ]);
  });

  it("reports invalid JSON at the offending character", () => {
    const issues = load("not-json.json");
    expect(issues[0]).toMatchObject({ code: "invalid_json", line: 3, column: 18 });
  });

  it("reports wrong types and unknown keys (typos json-rules-engine would ignore)", () => {
    const issues = load("wrong-types.json");
    expect(issues).toContainEqual(expect.objectContaining({ path: ["rules", 0, "priority"], line: 9, column: 7 }));
    expect(issues).toContainEqual(
      expect.objectContaining({ path: ["rules", 0, "conditions", "all", 0], message: expect.stringContaining('"oprator"'), line: 10 }),
    );
  });

  it("refuses JSONPath beyond the simple subset at load time", () => {
    expect(load("jsonpath-filter.json")).toEqual([
      expect.objectContaining({ code: "unsupported_path", path: ["rules", 0, "conditions", "any", 0, "path"], line: 9, column: 50 }),
    ]);
  });
});
