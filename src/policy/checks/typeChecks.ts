import { FACTS, type FactName, type FactType } from "../format/factCatalog.js";
import { issue, type RawIssue, type TypeMismatchParams } from "../../_lib/issues.js";
import { conditionRoots, walkConditions } from "../../engine/checkReferences.js";
import type { FactConditionT, RuleSet } from "../../engine/ruleSetSchema.js";
import { kindOf, kindsOf, type ValueKind } from "./_valueKinds.js";

/**
 * Catches conditions that can never mean what they say, from the documented fact types:
 * json-rules-engine compares "10" < "9" as strings, never equals two arrays (P5, P7), and
 * `in` on a string value is a substring test (P6).
 */
export function checkTypes(ruleSet: RuleSet): RawIssue[] {
  const issues: RawIssue[] = [];
  for (const { root, path } of conditionRoots(ruleSet)) {
    walkConditions(root, path, (node, at) => {
      if (!("fact" in node) || !Object.hasOwn(FACTS, node.fact)) return;
      const problem = leafProblem(node);
      if (problem) issues.push(issue("type_mismatch", [...at, "value"], problem));
    });
  }
  return issues;
}

function leafProblem(node: FactConditionT): TypeMismatchParams | undefined {
  if (node.operator.includes(":") || node.path !== undefined) return undefined; // decorated or nested: types depend on data
  return comparisonProblem(node, node.fact, FACTS[node.fact as FactName].type);
}

/**
 * What is wrong with comparing a value of type `factType` (a fact, or a declared attribute
 * read with a path, named `fact`) as the leaf says, if anything.
 */
export function comparisonProblem(node: FactConditionT, fact: string, factType: FactType): TypeMismatchParams | undefined {
  const factKinds = kindsOf(factType);
  const v = node.value;
  const isRef = v !== null && typeof v === "object" && !Array.isArray(v);
  const valueKinds = isRef ? (Object.hasOwn(FACTS, v.fact) ? kindsOf(FACTS[v.fact as FactName].type) : undefined) : new Set([kindOf(v)]);
  if (!valueKinds) return undefined;
  const show = isRef ? `fact "${(v as { fact: string }).fact}"` : JSON.stringify(v);
  const overlap = (a: Set<ValueKind>, b: Set<ValueKind>) => [...a].some((k) => b.has(k));
  const as = (problem: TypeMismatchParams["problem"], value = show): TypeMismatchParams => ({ problem, operator: node.operator, fact, factType, value });
  switch (node.operator) {
    case "lessThan":
    case "lessThanInclusive":
    case "greaterThan":
    case "greaterThanInclusive":
      if (!factKinds.has("number")) return as("fact_not_number");
      if (!valueKinds.has("number")) return as("value_not_number");
      return undefined;
    case "equal":
    case "notEqual":
      if (valueKinds.has("array")) return as("array_equal");
      if (!overlap(factKinds, valueKinds)) return as("never_equal");
      return undefined;
    case "in":
    case "notIn": {
      if (!Array.isArray(v)) return isRef ? undefined : as("in_needs_array");
      const bad = v.find((x) => !factKinds.has(kindOf(x)));
      return bad === undefined ? undefined : as("list_value_never", JSON.stringify(bad));
    }
    case "contains":
    case "doesNotContain":
      if (!factKinds.has("array")) return as("contains_needs_array");
      return undefined;
    default:
      return undefined;
  }
}
