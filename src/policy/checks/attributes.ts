import { issue, type RawIssue } from "../../_lib/issues.js";
import { conditionRoots, suggestion, walkConditions } from "../../engine/checkReferences.js";
import { parseFactPath } from "../../engine/factPath.js";
import type { RuleSet } from "../../engine/ruleSetSchema.js";
import { ATTRIBUTE_FACTS, ATTRIBUTE_LEVELS, attributeFactType, type AttributeDeclarations, type AttributeLevel } from "../format/attributes.js";
import { comparisonProblem } from "./typeChecks.js";
import { valuesNeverTaken } from "./unknownValues.js";

const LEVEL_OF: Readonly<Record<string, AttributeLevel>> = Object.fromEntries(ATTRIBUTE_LEVELS.map((l) => [ATTRIBUTE_FACTS[l], l]));

/**
 * Rules reading the attribute facts (`lineAttributes`, `orderAttributes`,
 * `customerAttributes`) against the policy's declarations: the path must name one declared
 * attribute (`$.brand`; else `unknown_attribute`), and the comparison must suit its type
 * (`type_mismatch`, as for any fact) and an enum's values (`unknown_value`). A decorated
 * operator compares something else and is left alone, as the other checks do.
 */
export function checkAttributes(ruleSet: RuleSet, declared: AttributeDeclarations): RawIssue[] {
  const issues: RawIssue[] = [];
  for (const { root, path } of conditionRoots(ruleSet)) {
    walkConditions(root, path, (node, at) => {
      if (!("fact" in node) || !Object.hasOwn(LEVEL_OF, node.fact)) return;
      const level = LEVEL_OF[node.fact]!;
      const names = Object.keys(declared[level] ?? {});
      const parsed = node.path === undefined ? undefined : parseFactPath(node.path);
      const steps = parsed === undefined || "error" in parsed ? undefined : parsed.steps;
      const name = steps?.length === 1 && typeof steps[0] === "string" ? steps[0] : undefined;
      if (name === undefined || !Object.hasOwn(declared[level] ?? {}, name)) {
        const attribute = name ?? (node.path === undefined ? null : node.path);
        issues.push(issue("unknown_attribute", node.path === undefined ? [...at, "fact"] : [...at, "path"], { fact: node.fact, attribute, declared: names, ...(attribute === null ? {} : suggestion(attribute, names)) }));
        return;
      }
      if (node.operator.includes(":")) return;
      const declaration = declared[level]![name]!;
      const shown = `${node.fact}.${name}`;
      const problem = comparisonProblem(node, shown, attributeFactType(declaration));
      if (problem) issues.push(issue("type_mismatch", [...at, "value"], problem));
      else if (declaration.type === "enum") issues.push(...valuesNeverTaken(node, at, shown, declaration.values));
    });
  }
  return issues;
}
