import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SEVERITY, type Issue } from "../../src/_lib/issues.js";
import { parseSourceDocument } from "../../src/_lib/sourcePositions.js";
import { safeCompilePolicy } from "../../src/policy/compilePolicy.js";
import { safeLoadPolicy } from "../../src/policy/loadPolicy.js";
import type { PolicyResult } from "../../src/policy/policy.js";
import { lintPaths } from "../../src/tools/lint/lint.js";
import { loneFilePolicyInput } from "../../src/tools/lint/loneFile.js";

// Issue 10: one answer to "is this policy valid?". Over every broken file and folder we keep,
// the errors lint prints are exactly the issues that make loading or compiling refuse.

const where = (i: Issue) => JSON.stringify({ code: i.code, path: i.path, file: i.file, line: i.line, column: i.column });
const errorsOf = (issues: readonly Issue[]) => issues.filter((i) => SEVERITY[i.code] === "error").map(where).sort();
const refusal = (result: PolicyResult) => (result.success ? [] : result.error.issues.map(where).sort());

const folders = [
  "rules",
  "fixtures/policies/merchant-30-day",
  "fixtures/policies/rest-day-extension",
  "test/policy/bad-merchant-5-day",
  ...readdirSync("test/policy/broken").map((d) => join("test/policy/broken", d)),
];
const loneFiles = ["test/tools/lint/broken", "test/engine/bad-rule-files"].flatMap((dir) =>
  readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => join(dir, f)),
);

describe("lint and load agree", () => {
  it.each(folders)("policy folder %s: lint's errors are load's refusal", (dir) => {
    expect(errorsOf(lintPaths([dir]).issues)).toEqual(refusal(safeLoadPolicy(dir)));
  });

  it.each(loneFiles)("lone file %s: lint's errors are the refusal of the bundled policy with it", (file) => {
    const doc = parseSourceDocument(readFileSync(file, "utf8"), file);
    const input = loneFilePolicyInput(doc);
    if (!input) throw new Error(`${file} is not a policy document`);
    expect(errorsOf(lintPaths([file]).issues)).toEqual(refusal(safeCompilePolicy(input)));
  });

  it("the corpora are not vacuous: they reach every disagreement of issue 13 and the older checks", () => {
    const codes = new Set([...folders, ...loneFiles].flatMap((p) => lintPaths([p]).issues.map((i) => i.code)));
    for (const code of [
      "duplicate_layer", "duplicate_rule_set", "duplicate_rule_name", "duplicate_key", "type_mismatch", "unknown_value",
      "dead_rule", "below_statutory_floor", "unknown_fact", "fact_not_available", "unknown_event_type", "invalid_event_params",
      "unknown_operator", "invalid_json", "shadowed_rule", "negative_operator_on_nullable_fact",
    ] as const) {
      expect(codes, code).toContain(code);
    }
  });
});
