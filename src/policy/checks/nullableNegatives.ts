import { issue, type RawIssue } from "../../_lib/issues.js";
import { conditionRoots, walkConditions } from "../../engine/checkReferences.js";
import type { RuleSet } from "../../engine/ruleSetSchema.js";
import { FACTS, type FactName } from "../format/factCatalog.js";
import { kindsOf } from "./_valueKinds.js";

/**
 * `notEqual`/`notIn` on a fact that is null when its input is missing: null passes them,
 * so the rule fires on absent data (P4). A warning, not an error: another rule may route
 * the null case first, which this check cannot see.
 */
export function checkNullableNegatives(ruleSet: RuleSet): RawIssue[] {
  const issues: RawIssue[] = [];
  for (const { root, path } of conditionRoots(ruleSet)) {
    walkConditions(root, path, (node, at) => {
      if (!("fact" in node) || !Object.hasOwn(FACTS, node.fact)) return;
      if (node.operator !== "notEqual" && node.operator !== "notIn") return;
      if (!kindsOf(FACTS[node.fact as FactName].type).has("null") || node.value === null) return;
      issues.push(issue("negative_operator_on_nullable_fact", [...at, "operator"], { fact: node.fact, operator: node.operator }));
    });
  }
  return issues;
}
